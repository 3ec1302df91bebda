"""Echte Downloads von heute (../shared/realdata/regionaldatenbank_2020_2026) und von 2017.

Geprüft wird, was eine Kommune mit ihren eigenen Downloads erlebt: Jede Datei wird gelesen
oder mit einer deutschen Meldung abgelehnt (nie ein Traceback), das Inventar nennt jede Datei
mit Grund, Tabellencodes kommen aus jeder Kopfvariante (``Tabelle:``, ``GENESIS-Tabelle:``,
``…-B``, Flatfile), das Datum aus einer ``Stichtag:``-Titelzeile, und die Zellen stimmen mit
einer unabhängigen Zerlegung der Rohdatei überein. Dann der Ordner „von heute“ aus dem Issue:
die Dateien von 2020–2026 und die Bevölkerungs- und Kita-Tabelle von 2017, umgeschrieben auf
den Kopf ``Tabelle:`` – daraus Profile für jeden Kreis, auch Berlin und Hamburg.
"""

from __future__ import annotations

import csv
import io
import math
import re
import shutil
from pathlib import Path

import pandas as pd
import pytest

from bimo import cli
from bimo.berichte import datenbasis
from bimo.berichte import lauf as berichtslauf
from bimo.daten import inventar, katalog
from bimo.daten.regionalstatistik import lese_regionalstatistik
from bimo.fehler import BimoFehler, DatenFehler
from tests.conftest import REALDATEN
from tests.test_regionalstatistik_real import pruefe_zellen

HEUTE = REALDATEN / "regionaldatenbank_2020_2026"
FRUEHER = REALDATEN / "regionalstatistik_2017"

if not HEUTE.is_dir() or not FRUEHER.is_dir():
    pytest.skip(
        f"Die echten Exporte fehlen ({HEUTE}, {FRUEHER}); sie liegen nur neben dem Projekt, "
        "nicht in einem frischen Klon.",
        allow_module_level=True,
    )

ALLE_DATEIEN = sorted([*HEUTE.glob("*.csv"), *FRUEHER.glob("*.csv")])
FLATFILES = [p for p in ALLE_DATEIEN if "_flat" in p.name]
KLASSISCH = [p for p in HEUTE.glob("*.csv") if "_flat" not in p.name and "genesis" not in p.name]


# --- jede Datei ----------------------------------------------------------------------


@pytest.mark.parametrize("pfad", ALLE_DATEIEN, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_jede_echte_datei_gelesen_oder_deutsch_abgelehnt(pfad):
    try:
        t = lese_regionalstatistik(pfad)
    except DatenFehler as fehler:
        text = str(fehler)
        assert pfad.name in text and "Traceback" not in text
        assert re.search(r"[äöüß]|Datei|Tabelle", text)
        return
    assert len(t) > 0
    assert t.attrs["tabelle"], "kein Tabellencode erkannt"
    assert t["jahr"].notna().all(), "Zellen ohne Jahr"


@pytest.mark.parametrize("ordner", [HEUTE, FRUEHER], ids=lambda p: p.name)
def test_inventar_nennt_jede_datei_mit_grund(ordner):
    eintraege = inventar.inventar(ordner)
    assert [e.datei for e in eintraege] == sorted(p.name for p in ordner.iterdir())
    for e in eintraege:
        if e.verwendet:  # speist Kennzahlen der Kreise oder Gemeindeprofile
            assert e.speist or e.gemeinden, e.datei
        else:
            assert len(e.grund) > 20, e.datei
    text = inventar.als_text(eintraege)
    assert all(p.name in text for p in ordner.iterdir())


def test_kopf_tabelle_und_stichtag_von_heute():
    schule = lese_regionalstatistik(HEUTE / "21111-02-06-4_stand2026.csv")
    assert schule.attrs["tabelle"] == "21111-02-06-4"  # Kopf „Tabelle: …“ seit dem Relaunch
    assert set(schule["jahr"]) == {2024}
    assert schule.attrs["stand"].startswith("28.03.2026")
    for name in ("12411-02-03-5-B_stand2020.csv", "12411-08-01-4-B_stand2020.csv"):
        t = lese_regionalstatistik(HEUTE / name)
        assert t.attrs["tabelle"].endswith("-B") and t.attrs["variante"] == "B"
        # das Datum steht nur in der Titelzeile „Stichtag: 31.12.2018“
        assert set(t["jahr"]) == {2018}, name


def test_genesis_online_ohne_gebietsschluessel_sagt_das():
    with pytest.raises(DatenFehler, match="ohne Gebietsschlüssel") as fehler:
        lese_regionalstatistik(HEUTE / "genesis-online_12411-0013_stand2022.csv")
    assert "Ist es ein Export der Regionaldatenbank" not in str(fehler.value)


@pytest.mark.parametrize("pfad", KLASSISCH, ids=lambda p: p.name)
def test_zellen_von_heute_wie_in_der_rohdatei(pfad):
    pruefe_zellen(pfad, lese_regionalstatistik(pfad))


def _zahl(text: str) -> tuple[float, str]:
    text = text.strip()
    if text == "-":
        return 0.0, "-"
    if text in (".", "x", "/", "...", ""):
        return math.nan, text
    return float(text.replace(",", ".")), ""


@pytest.mark.parametrize("pfad", FLATFILES, ids=lambda p: p.name)
def test_flatfile_zelle_fuer_zelle(pfad):
    """Jede Zeile des Flatfiles (mit ``csv`` gelesen) ist genau eine Zelle des Lesers."""
    t = lese_regionalstatistik(pfad)
    statistik = pfad.name.removeprefix("genesis-online_")[:5]
    assert t.attrs["statistik"] == statistik
    text = pfad.read_bytes().decode("utf-8-sig")
    zeilen = list(csv.DictReader(io.StringIO(text), delimiter=";"))
    assert len(t) == len(zeilen)
    # die Spalte mit dem Gebiet: die Merkmalsspalte, deren Codes Gebietsschlüssel sind
    k = next(
        k
        for k in range(1, 4)
        if all(
            re.fullmatch(r"DG|\d{2}|\d{5}|\d{8}", z[f"{k}_variable_attribute_code"]) for z in zeilen
        )
    )
    roh = sorted(
        (z[f"{k}_variable_attribute_code"], int(z["time"][-4:]), *_zahl(z["value"])) for z in zeilen
    )
    gelesen = sorted(zip(t["ags"], t["jahr"].astype(int), t["wert"], t["zeichen"], strict=True))
    assert len(roh) == len(gelesen)
    for (a, j, w, z), (a2, j2, w2, z2) in zip(roh, gelesen, strict=True):
        assert (a, j, z) == (a2, j2, z2)
        assert w == w2 or (math.isnan(w) and math.isnan(w2))


def test_katalog_erkennt_die_abschluesse_jedes_jahrgangs():
    """2015: „Absolventen/Abgänger … ohne Hauptschulabschluss“; 2024: „… ohne Ersten
    Schulabschluss“ – dieselbe Bedeutung, über Synonyme gefunden, nicht über ``merkmal_2``."""
    for pfad in (FRUEHER / "21111-02-06-4.csv", HEUTE / "21111-02-06-4_stand2026.csv"):
        t = lese_regionalstatistik(pfad)
        e = katalog.erkenne(t)
        assert e is not None and e.code == "21111-02-06-4", pfad.name
        spalten = katalog.zuordnung(t, e)
        assert "abschluss" in spalten and "geschlecht" in spalten


# --- der Ordner von heute -------------------------------------------------------------


@pytest.fixture(scope="module")
def heute(tmp_path_factory) -> Path:
    """Die Downloads von 2020–2026 und Bevölkerung/Kita von 2017 mit dem Kopf „Tabelle:“."""
    ordner = tmp_path_factory.mktemp("heute")
    for pfad in HEUTE.iterdir():
        (ordner / pfad.name).symlink_to(pfad)
    for name in ("12411-02-03-4_00.csv", "22543-01-02-4_00.csv"):
        roh = (FRUEHER / name).read_bytes()
        assert roh.startswith(b"GENESIS-Tabelle:")
        (ordner / name.replace("_00", "_heute")).write_bytes(b"Tabelle:" + roh[16:])
    return ordner


@pytest.fixture(scope="module")
def basis_heute(heute) -> datenbasis.Datenbasis:
    return datenbasis.lade(heute)


def test_jeder_kreis_auch_berlin_und_hamburg(basis_heute):
    kreise = set(basis_heute.kreise["ags"])
    assert len(kreise) == 400
    assert {"02000", "11000", "09162", "03159"} <= kreise
    assert not {"03152", "03156", "16056"} & kreise  # umgeschlüsselt
    assert basis_heute.name("02000") == "Hamburg" and basis_heute.name("11000") == "Berlin"
    assert any("Göttingen" in h and "umgerechnet" in h for h in basis_heute.hinweise)


def test_schulabschnitt_aus_der_datei_von_2026(basis_heute):
    t = basis_heute.werte["ohne_abschluss_anteil"]
    assert set(t["jahr"]) == {2024}
    assert {"02000", "11000"} <= set(t["ags"])


def test_landeswert_aus_der_amtlichen_landeszeile(basis_heute):
    """Baden-Württemberg 2024, ohne Abschluss: amtlich 7,39 % – nicht die Summe der nicht
    gesperrten Kreise (7,2 %)."""
    roh = lese_regionalstatistik(HEUTE / "21111-02-06-4_stand2026.csv")
    land = basis_heute.mit_laendern("ohne_abschluss_anteil")
    bw = land[(land["ags"] == "08") & (land["jahr"] == 2024)].iloc[0]
    assert round(bw["wert"], 2) == 7.39
    # unabhängig: dieselben Zahlen stehen in der Landeszeile der Rohdatei
    zeile = roh[(roh["ags"] == "08") & (roh["wert"] == bw["zaehler"])]
    assert not zeile.empty
    v = basis_heute.geschuetzt("ohne_abschluss_anteil", 3).tabelle
    veroeffentlicht = v[(v["ags"] == "08") & (v["jahr"] == 2024)].iloc[0]
    assert round(float(veroeffentlicht["wert"]), 2) == 7.39


def test_stadtstaat_ohne_landesvergleich_auch_in_den_hinweisen(heute, basis_heute):
    from bimo import berichte

    hamburg = berichte.bericht("02000", daten=str(heute))
    assert hamburg.stadtstaat
    assert "Landeswerte" not in hamburg.quellen().markdown
    assert "Datengrundlage" in hamburg.quellen().markdown
    muenchen = berichte.bericht("09162", daten=str(heute))
    assert not muenchen.stadtstaat
    assert "Landeswerte aus den amtlichen Landeszeilen" in muenchen.quellen().markdown
    # die Zeitreihe (2017: Abgänger ohne Abschluss bis 2015): Hamburg allein – Stadt und Land sind
    # dasselbe Gebiet, zwei Linien wären dieselbe –, München mit Bayern
    kennung = "ohne_abschluss_anteil"
    hamburg = berichte.bericht("02000", daten=str(FRUEHER))
    hamburg_linien = hamburg.zeitreihe(kennung).figur.axes[0].get_lines()
    assert [linie.get_label() for linie in hamburg_linien] == ["Hamburg"]
    jahre = list(hamburg_linien[0].get_xdata())
    assert len(jahre) == len(set(jahre)) >= 3
    muenchen = berichte.bericht("09162", daten=str(FRUEHER))
    muenchen_linien = muenchen.zeitreihe(kennung).figur.axes[0].get_lines()
    assert [linie.get_label() for linie in muenchen_linien] == [
        "München, Landeshauptstadt",
        "Bayern",
    ]


def test_bimo_daten_pruefen_nennt_jede_datei(heute, capsys):
    assert cli.main(["daten", "pruefen", str(heute)]) == 0
    ausgabe = capsys.readouterr().out
    for pfad in heute.iterdir():
        assert pfad.name in ausgabe
    assert "400 Kreise (darunter Hamburg und Berlin)" in ausgabe
    assert "ohne Gebietsschlüssel" in ausgabe  # GENESIS-Online: der wahre Grund
    assert "Traceback" not in ausgabe


@pytest.mark.berichte
@pytest.mark.langsam
def test_profile_fuer_jeden_kreis_von_heute(heute, tmp_path):
    ergebnisse = berichtslauf.baue_berichte(
        "kommunalprofil",
        None,
        tmp_path,
        parameter={"daten": str(heute)},
        fortschritt=False,
        jobs=2,
    )
    fehler = [(e.kommune, e.fehler) for e in ergebnisse if not e.ok]
    assert not fehler
    assert len(ergebnisse) == 400
    for kommune in ("02000", "11000"):
        seite = (tmp_path / f"{kommune}.html").read_text(encoding="utf-8")
        assert "Abgänger ohne Ersten Schulabschluss" in seite and "2024" in seite
        assert "Stadtstaat: kein Landesvergleich" in seite
        assert "Datengrundlage" in seite
        for pfad in heute.iterdir():  # das Inventar beschließt jeden Bericht
            assert pfad.name.replace("_", "\\_") in seite or pfad.name in seite
    muenchen = (tmp_path / "09162.html").read_text(encoding="utf-8")
    assert "Landeswerte aus den amtlichen Landeszeilen" in muenchen


def test_kein_traceback_aus_einem_ordner_mit_allem(tmp_path):
    """Alle echten Dateien beider Jahrgänge in einem Ordner: ein Inventar, kein Absturz."""
    for pfad in ALLE_DATEIEN:
        ziel = tmp_path / f"{pfad.parent.name[:4]}_{pfad.name}"
        shutil.copyfile(pfad, ziel)
    try:
        basis = datenbasis.lade(tmp_path)
    except BimoFehler as fehler:  # eine deutsche Meldung ist erlaubt, kein anderer Fehler
        pytest.fail(f"Ordner mit allen echten Dateien: {fehler}")
    assert len(basis.kreise) == 400
    assert isinstance(basis.werte["betreuungsquote_u3"], pd.DataFrame)


@pytest.mark.parametrize(
    "name", ["21111-02-06-4_stand2026.csv", "21321-01-01-4_flat_auszug.csv"], ids=str
)
def test_als_zip_dieselben_zellen(tmp_path, name):
    """Ein Download als ZIP (CSV oder Flatfile) gibt dieselbe Tabelle wie die CSV-Datei."""
    import zipfile

    archiv = tmp_path / f"{name}.zip"
    with zipfile.ZipFile(archiv, "w", zipfile.ZIP_DEFLATED) as z:
        z.write(HEUTE / name, name)
    aus_zip = lese_regionalstatistik(archiv)
    direkt = lese_regionalstatistik(HEUTE / name)
    assert aus_zip.attrs["tabelle"] == direkt.attrs["tabelle"]
    pd.testing.assert_frame_equal(aus_zip, direkt)
