"""Der Leser an echten Exporten der Regionaldatenbank (../shared/realdata).

Geprüft wird zweierlei: Jede Datei wird gelesen, und ausgewählte Zeilen stimmen Zelle für
Zelle mit der Rohdatei überein (eigene, einfache Zerlegung der Zeilen im Test). Und zwei
amtliche Kennzahlen des Regionalatlas (AI003) lassen sich aus den Quelltabellen für alle
Kreise nachrechnen.
"""

from __future__ import annotations

import math
import random
import re
from functools import cache
from pathlib import Path

import pandas as pd
import pytest

from bimo.daten.gebietsstand import umschluesseln, umstieg_goettingen_osterode
from bimo.daten.regionalstatistik import lese_regionalstatistik, schreibe_regionalstatistik

REALDATEN = Path(__file__).resolve().parents[1].parent / "shared" / "realdata"
ORDNER = REALDATEN / "regionalstatistik_2017"

if not ORDNER.is_dir():
    pytest.skip(
        f"Die echten Regionaldatenbank-Exporte fehlen ({ORDNER}); sie liegen nur neben dem "
        "Projekt, nicht in einem frischen Klon.",
        allow_module_level=True,
    )

DATEIEN = sorted(p.name for p in ORDNER.glob("*.csv"))
TOLERANZ = 0.1  # Prozentpunkte
SCHLUESSEL = re.compile(r"DG|\d{2,3}|\d{5}|\d{7,12}")
ZEIT = re.compile(r"\d{4}|\d{2}\.\d{2}\.\d{4}")


@cache
def _lies(name: str) -> pd.DataFrame:
    return lese_regionalstatistik(ORDNER / name)


def _tabelle(name: str) -> pd.DataFrame:
    return _lies(name).copy()


# --- jede Datei ------------------------------------------------------------------


@pytest.mark.parametrize("name", DATEIEN)
def test_jede_datei_ist_lesbar(name):
    df = _tabelle(name)
    assert len(df) > 0
    assert list(df.columns[:6]) == ["ags", "name", "ebene", "stufe", "zeit", "jahr"]
    assert list(df.columns[-3:]) == ["einheit", "wert", "zeichen"]
    assert df.attrs["tabelle"] == name.removesuffix(".csv").removesuffix("_00")
    assert re.fullmatch(r"\d{2}\.\d{2}\.\d{4} / \d{2}:\d{2}:\d{2}", df.attrs["stand"])
    assert df.attrs["quelle"].startswith("© Statistische Ämter des Bundes und der Länder")
    assert df["jahr"].between(1995, 2016).all()
    assert set(df["zeichen"]) <= {"", "-", ".", "x"}
    assert (df.loc[df["zeichen"] == "-", "wert"] == 0).all()
    assert df.loc[df["zeichen"].isin([".", "x"]), "wert"].isna().all()
    assert df["wert"].notna().sum() > len(df) / 2


def rohzeilen(pfad: Path) -> list[list[str]]:
    """Die Datenzeilen der Rohdatei, unabhängig vom Leser zerlegt."""
    roh = pfad.read_bytes()
    try:
        text = roh.decode("utf-8")
    except UnicodeDecodeError:
        text = roh.decode("latin-1")
    zeilen = [z.split(";") for z in text.splitlines()]
    breite = max(len(z) for z in zeilen)
    return [
        z
        for z in zeilen
        if len(z) == breite
        and (SCHLUESSEL.fullmatch(z[0]) or (ZEIT.fullmatch(z[0]) and SCHLUESSEL.fullmatch(z[1])))
    ]


def _erwartet(zelle: str) -> tuple[float, str]:
    if zelle == "-":
        return 0.0, "-"
    if zelle in (".", "x", "/", "..."):
        return math.nan, zelle
    return float(zelle.replace(",", ".")), ""


def _stichprobe(rohzeilen: list[list[str]], anzahl_werte: int) -> list[int]:
    """Erste, mittlere und letzte Zeile, je eine mit ., x, - und einige zufällige."""
    auswahl = {0, len(rohzeilen) // 2, len(rohzeilen) - 1}
    for zeichen in (".", "x", "-"):
        treffer = [i for i, z in enumerate(rohzeilen) if zeichen in z[-anzahl_werte:]]
        auswahl.update(treffer[:1])
    auswahl.update(random.Random(len(rohzeilen)).sample(range(len(rohzeilen)), 5))
    return sorted(auswahl)


def pruefe_zellen(pfad: Path, df: pd.DataFrame) -> None:
    """Stichprobe der Zeilen Zelle für Zelle gegen die eigene Zerlegung der Rohdatei."""
    name = pfad.name
    zeilen = rohzeilen(pfad)
    anzahl_werte, rest = divmod(len(df), len(zeilen))
    assert rest == 0 and anzahl_werte >= 1
    for i in _stichprobe(zeilen, anzahl_werte):
        felder = zeilen[i]
        block = df.iloc[i * anzahl_werte : (i + 1) * anzahl_werte]
        k = 0 if SCHLUESSEL.fullmatch(felder[0]) else 1
        name_roh = felder[k + 1]
        assert (block["ags"] == felder[k]).all(), (name, i)
        assert (block["name"] == name_roh.strip()).all()
        assert (block["stufe"] == (len(name_roh) - len(name_roh.lstrip(" "))) // 2).all()
        if k == 1:
            assert (block["zeit"] == felder[0]).all()
        for zelle, wert, zeichen in zip(
            felder[-anzahl_werte:], block["wert"], block["zeichen"], strict=True
        ):
            soll_wert, soll_zeichen = _erwartet(zelle)
            assert zeichen == soll_zeichen, (name, i, zelle)
            assert wert == soll_wert or (math.isnan(wert) and math.isnan(soll_wert)), (name, i)
    assert df["ags"].nunique() == len({z[0 if SCHLUESSEL.fullmatch(z[0]) else 1] for z in zeilen})


@pytest.mark.parametrize("name", DATEIEN)
def test_zellen_wie_in_der_rohdatei(name):
    pruefe_zellen(ORDNER / name, _tabelle(name))


def test_aufgeloeste_kreise_und_goettingen_bleiben_erhalten():
    df = _tabelle("12411-01-01-4.csv")
    kreise = df[df["ebene"] == "Kreis"]
    nur_striche = kreise.groupby("ags")["zeichen"].agg(lambda z: set(z) == {"-"})
    assert nur_striche["03159"] and not nur_striche["03152"] and not nur_striche["03156"]
    assert nur_striche["05354"]  # Kreis Aachen, 2009 in der Städteregion aufgegangen
    assert (~nur_striche).sum() == 400


def test_zeit_nur_in_kopfzeile_oder_titel():
    assert set(_tabelle("12411-01-01-4.csv")["zeit"]) == {"31.12.2015"}
    assert set(_tabelle("12411-02-03-5_00.csv")["zeit"]) == {"31.12.2015"}
    assert set(_tabelle("21111-01-03-4.csv")["zeit"]) == {"2015"}


def test_gemeindetabelle_mit_allen_schluesselformen():
    df = _tabelle("12411-02-03-5_00.csv")
    laengen = set(df["ags"].str.len())
    assert {2, 3, 5, 7, 8, 10, 11} <= laengen
    ebenen = df.drop_duplicates("ags").groupby("ebene").size()
    assert ebenen["Gemeindeverband"] > 100 and ebenen["Gemeinde"] > 10000
    assert df.attrs["merkmale"]["altersgruppen"] == "Altersgruppen (unter 3 bis 75 u.m.)"


# --- Regionalatlas AI003 nachrechnen ----------------------------------------------------


def _kreise_mit_daten(*tabellen: pd.DataFrame) -> set[str]:
    """Kreise (5-stellig), die in jeder Quelltabelle nicht nur „-“ haben (aufgelöste fallen weg)."""
    mengen = []
    for df in tabellen:
        kreise = df[df["ebene"] == "Kreis"]
        leer = kreise.groupby("ags")["zeichen"].agg(lambda z: set(z) == {"-"})
        mengen.append(set(leer[~leer].index))
    return set.intersection(*mengen)


def _vergleich(berechnet: pd.Series, atlas: pd.DataFrame, kreise: set[str]) -> pd.DataFrame:
    """Je Gebiet des Atlas: veröffentlichter und nachgerechneter Wert; Kreise nur mit Daten."""
    vergleich = atlas.set_index("ags")[["ebene", "wert", "zeichen"]]
    vergleich = vergleich.rename(columns={"wert": "atlas"})
    vergleich["berechnet"] = berechnet.reindex(vergleich.index)
    vergleich["abweichung"] = (vergleich["berechnet"] - vergleich["atlas"]).abs()
    return vergleich[(vergleich["ebene"] != "Kreis") | vergleich.index.isin(kreise)]


def _pruefe_kreise(vergleich: pd.DataFrame, kreise: set[str]) -> None:
    kreiszeilen = vergleich[vergleich["ebene"] == "Kreis"]
    assert len(kreise) == 400
    assert set(kreiszeilen.index) == kreise
    assert (kreiszeilen["zeichen"] == "").all(), kreiszeilen[kreiszeilen["zeichen"] != ""]
    assert kreiszeilen["abweichung"].notna().all()
    assert kreiszeilen["abweichung"].max() <= TOLERANZ, kreiszeilen.nlargest(3, "abweichung")
    # Mehr noch: die Abweichung kommt nur von der Rundung auf eine Nachkommastelle.
    assert kreiszeilen["abweichung"].max() <= 0.05 + 1e-9
    assert {"03152", "03156"} <= kreise and "03159" not in kreise


def test_betreuungsquote_unter_3_wie_im_regionalatlas():
    """AI003-3 „Betreuungsquote 0 bis 2 Jahre“ 2016 = Kinder in Tagesbetreuung am 01.03.2016
    (ohne Doppelzählungen, unter 3 Jahre) je 100 Kinder unter 3 Jahren am 31.12.2015."""
    kita = _tabelle("22543-01-02-4_00.csv")
    kinder = kita[
        (kita["zeit"] == "01.03.2016")
        & (kita["merkmal_1"] == "Insgesamt (ohne Doppelzählungen)")
        & (kita["merkmal_2"] == "Betreute Kinder")
        & (kita["merkmal_4"] == "unter 3 Jahre")
    ].set_index("ags")["wert"]
    bev = _tabelle("12411-02-03-4_00.csv")
    unter3 = bev[
        (bev["zeit"] == "31.12.2015")
        & (bev["merkmal_1"] == "unter 3 Jahre")
        & (bev["merkmal_2"] == "Insgesamt")
    ].set_index("ags")["wert"]
    atlas = _tabelle("AI003-3_00.csv")
    atlas = atlas[(atlas["jahr"] == 2016) & (atlas["merkmal_1"] == "Betreuungsquote 0 bis 2 Jahre")]
    kreise = _kreise_mit_daten(kita[kita["zeit"] == "01.03.2016"], bev[bev["zeit"] == "31.12.2015"])
    vergleich = _vergleich(kinder / unter3 * 100, atlas, kreise)
    _pruefe_kreise(vergleich, kreise)
    andere = vergleich[(vergleich["ebene"] != "Kreis") & (vergleich["zeichen"] == "")]
    assert len(andere) >= 1 + 16 + 20  # Deutschland, Länder, Regionen
    assert andere["abweichung"].max() <= TOLERANZ


@pytest.mark.parametrize("name", ["21111-02-06-4.csv", "21111-02-06-4_00.csv"])
def test_anteil_ohne_hauptschulabschluss_wie_im_regionalatlas(name):
    """AI003-2 „Anteil Schulabgänger ohne Hauptschulabschluss“ 2015 = Abgänger ohne
    Hauptschulabschluss ÷ alle Absolventen und Abgänger (jeweils Insgesamt) × 100."""
    schulen = _tabelle(name)
    schulen = schulen[(schulen["jahr"] == 2015) & (schulen["merkmal_2"] == "Insgesamt")]

    def abschluss(art: str) -> pd.Series:
        return schulen[schulen["schulabschluss"] == art].set_index("ags")["wert"]

    anteil = abschluss("ohne Hauptschulabschluss") / abschluss("Insgesamt") * 100
    atlas = _tabelle("AI003-2_00.csv")
    atlas = atlas[
        (atlas["jahr"] == 2015)
        & (atlas["merkmal_1"] == "Anteil Schulabgänger ohne Hauptschulabschluss")
    ]
    kreise = _kreise_mit_daten(schulen)
    vergleich = _vergleich(anteil, atlas, kreise)
    _pruefe_kreise(vergleich, kreise)
    andere = vergleich[(vergleich["ebene"] != "Kreis") & (vergleich["zeichen"] == "")]
    assert andere["abweichung"].max() <= TOLERANZ


def test_umschluesseln_goettingen_osterode_mit_echten_daten():
    bev = _tabelle("12411-01-01-4.csv")
    neu = umschluesseln(bev, umstieg_goettingen_osterode())
    insgesamt = neu[neu["merkmal_1"] == "Insgesamt"].set_index("ags")["wert"]
    alt = bev[bev["merkmal_1"] == "Insgesamt"].set_index("ags")["wert"]
    assert insgesamt["03159"] == alt["03152"] + alt["03156"] == 329538
    assert "03152" not in insgesamt.index and "03156" not in insgesamt.index
    assert insgesamt["03"] == alt["03"]  # das Land bleibt, wie es ist
    kreise = neu[neu["ebene"] == "Kreis"]
    mit_daten = kreise.groupby("ags")["zeichen"].agg(lambda z: set(z) != {"-"})
    assert mit_daten.sum() == 399


@pytest.mark.parametrize("name", [n for n in DATEIEN if not n.startswith("12411-02-03-5")])
def test_schreiben_und_wieder_lesen_gibt_dieselben_zellen(tmp_path, name):
    """Der Schreiber gibt jede echte Tabelle so wieder, dass der Leser dieselben Zellen findet."""
    df = _tabelle(name)
    pfad = schreibe_regionalstatistik(
        df,
        tmp_path / name,
        tabelle_code=df.attrs["tabelle"],
        titel=df.attrs["titel"],
        stand=df.attrs["stand"],
        zeilenmerkmale=df.attrs["zeilenmerkmale"],
        spaltenmerkmale=df.attrs["spaltenmerkmale"],
        zeit_in_kopf=df.attrs["zeit_in_kopf"],
    )
    zurueck = lese_regionalstatistik(pfad)
    pd.testing.assert_frame_equal(zurueck, df, check_like=False)
    assert zurueck.attrs["merkmale"] == df.attrs["merkmale"]
