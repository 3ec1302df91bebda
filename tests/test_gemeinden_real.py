"""Gemeindeprofile aus der echten Gemeindetabelle 12411-02-03-5 (Regionalstatistik, 2017).

Liegt eine Gemeindetabelle (…-5) im Datenordner, baut ``bimo berichte --kommune <8 Ziffern>``
ein Gemeindeprofil: die Kennzahlen, die sich aus Gemeindetabellen rechnen lassen, verglichen
mit dem Kreis (Kreiswert wie im Kommunalprofil). Geprüft wird gegen eine unabhängige Lesung
der Rohdatei mit dem ``csv``-Modul, die Schlüssel der Gemeinden in Gemeindeverbänden
(10–11 Stellen → 8), die Geheimhaltung mit dem Angreifer-LP gegen den veröffentlichten
Kreiswert, und der Bericht selbst.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pandas as pd
import pytest

from bimo import berichte, cli
from bimo.berichte import datenbasis
from bimo.fehler import ParameterFehler
from bimo.geheimhaltung import pruefe_sperrung
from tests.conftest import REALDATEN

FRUEHER = REALDATEN / "regionalstatistik_2017"
GEMEINDETABELLE = FRUEHER / "12411-02-03-5_00.csv"

if not GEMEINDETABELLE.is_file():
    pytest.skip(
        f"Die echte Gemeindetabelle fehlt ({GEMEINDETABELLE}); sie liegt nur neben dem Projekt.",
        allow_module_level=True,
    )

JUNG = ("unter 3 Jahre", "3 bis unter 6 Jahre", "6 bis unter 10 Jahre", "10 bis unter 15 Jahre",
        "15 bis unter 18 Jahre", "18 bis unter 20 Jahre")  # fmt: skip
ERWERB = ("20 bis unter 25 Jahre", "25 bis unter 30 Jahre", "30 bis unter 35 Jahre",
          "35 bis unter 40 Jahre", "40 bis unter 45 Jahre", "45 bis unter 50 Jahre",
          "50 bis unter 55 Jahre", "55 bis unter 60 Jahre", "60 bis unter 65 Jahre")  # fmt: skip


def _roh(schluessel: str) -> dict[str, int]:
    """Die Altersgruppen (insgesamt) einer Zeile der Rohdatei – mit dem csv-Modul, die
    Spalten nach ihrer Beschriftung (die erste Spalte je Altersgruppe ist „Insgesamt“)."""
    with GEMEINDETABELLE.open(encoding="latin-1", newline="") as f:
        zeilen = list(csv.reader(f, delimiter=";"))
    kopf = next(z for z in zeilen if "unter 3 Jahre" in z)
    spalte = {}
    for i, text in enumerate(kopf):
        spalte.setdefault(text.strip(), i)
    zeile = next(z for z in zeilen if z and z[0].strip() == schluessel)
    return {g: int(zeile[spalte[g]]) for g in (*JUNG, *ERWERB)}


@pytest.fixture(scope="module")
def basis():
    return datenbasis.lade(FRUEHER)


@pytest.fixture(scope="module")
def gemeinden(basis):
    g = basis.gemeindebasis()
    assert g is not None
    return g


@pytest.mark.parametrize(
    ("roh", "ags", "name"),
    [
        ("01051001", "01051001", "Albersdorf"),
        ("03151401002", "03151002", "Barwedel"),  # in der Samtgemeinde Boldecker Land
        ("0713100007", "07131007", "Bad Neuenahr-Ahrweiler"),  # verbandsfreie Gemeinde
    ],
)
def test_jugendquotient_der_gemeinde_wie_in_der_rohdatei(gemeinden, roh, ags, name):
    werte = _roh(roh)
    jung, erwerb = sum(werte[g] for g in JUNG), sum(werte[g] for g in ERWERB)
    t = gemeinden.werte["jugendquotient"]
    zeile = t[(t["ags"] == ags) & (t["jahr"] == 2015)].iloc[0]
    assert (zeile["zaehler"], zeile["nenner"]) == (jung, erwerb)
    assert zeile["wert"] == pytest.approx(100 * jung / erwerb)
    assert gemeinden.name(ags) == name
    assert gemeinden.land_von(ags) == ags[:5]  # Bezug: der Kreis


def test_jede_gemeinde_einmal_und_im_kreis_der_kreisbasis(basis, gemeinden):
    g = gemeinden.kreise
    assert g["ags"].is_unique and g["ags"].str.fullmatch(r"\d{8}").all()
    assert len(g) > 11_000  # 2015: gut 11.000 Gemeinden mit Einwohnern
    assert set(g["land"]) <= set(basis.kreise["ags"])
    # Gemeinden der 2016 aufgelösten Kreise Göttingen/Osterode gehören zum neuen Kreis
    assert (g["land"] == "03159").sum() > 20 and not g["land"].isin(["03152", "03156"]).any()
    # Gemeindeschlüssel, die in zwei Verbänden stehen (einer aufgelöst, „-“), zählen einmal
    dahlum = gemeinden.werte["jugendquotient"].query("ags == '03158007'")
    assert len(dahlum) == 1 and dahlum["nenner"].iloc[0] > 0


def test_gemeindezahlen_halten_dem_angreifer_mit_dem_kreiswert_stand(gemeinden):
    """Jede Gemeinde mit kleiner Fallzahl bleibt geschützt, auch wenn der Angreifer den
    Kreiswert kennt, den das Kommunalprofil veröffentlicht: je Kreis, Jahr und Spalte ein
    lineares Programm (bimo.geheimhaltung.pruefe_sperrung) – in jedem Kreis, der eine
    Gemeinde mit kleiner Fallzahl hat (2015: fünf Kreise in Rheinland-Pfalz und
    Schleswig-Holstein), für jede Kennzahl der Gemeinden."""
    geprueft = 0
    for kennung, kreis, wahr in _kreise_mit_kleinen_gemeinden(gemeinden):
        v = gemeinden.geschuetzt(kennung, 3, bezug=kreis)
        innen = v.tabelle["gebiet"] != "LAND"
        for jahr, teil in v.tabelle[innen].groupby("jahr"):
            maske = v.gesperrt.loc[teil.index]
            for spalte in ("zaehler", "nenner"):
                if not maske[spalte].any():
                    continue
                schluessel = list(zip(teil["ags"], teil["jahr"], strict=True))
                werte = pd.DataFrame({spalte: wahr.loc[schluessel, spalte].to_numpy()})
                gesperrt = pd.DataFrame({spalte: maske[spalte].to_numpy()})
                pruefung = pruefe_sperrung(werte.astype(int), gesperrt, 3)
                assert pruefung.bestanden, f"{kreis} {jahr} {spalte}:\n{pruefung.bericht()}"
                geprueft += 1
        sichtbar = v.tabelle.loc[~v.gesperrt["zaehler"], "zaehler"].astype(float)
        assert not ((sichtbar > 0) & (sichtbar < 3)).any()
    assert geprueft >= 5


def _kreise_mit_kleinen_gemeinden(gemeinden):
    for kennung in gemeinden.werte:
        wahr = gemeinden._kreise_und_summe(kennung)[0]
        klein = wahr[(wahr["zaehler"] < 3) | (wahr["nenner"] < 3)]
        kreise = sorted(set(klein["land"]))
        assert kreise, kennung  # es gibt kleine Gemeinden: die Prüfung hat zu tun
        for kreis in kreise:
            yield kennung, kreis, wahr.set_index(["ags", "jahr"])


def test_gesperrter_kreiswert_sperrt_seine_gemeinden(gemeinden):
    """Ist der Kreiswert im Kommunalprofil gesperrt, darf die Summe der Gemeinden ihn nicht
    verraten: dann sind Kreis und Gemeinden gesperrt (hier künstlich: Gifhorn gesperrt)."""
    oben = gemeinden.oberbasis
    kennung = "jugendquotient"
    v_oben = oben.geschuetzt(kennung, 3)
    tabelle = v_oben.tabelle.copy()
    tabelle.loc[tabelle["ags"] == "03151", ["zaehler", "nenner", "wert"]] = pd.NA
    kuenstlich = (kennung, 4, None)
    oben._zwischenspeicher[kuenstlich] = type(v_oben)(
        tabelle, v_oben.gesperrt, v_oben.mindestfallzahl, v_oben.wertspalten
    )
    try:
        v = gemeinden.geschuetzt(kennung, 4, bezug="03151")
        assert len(v.tabelle) > 40 and v.tabelle["wert"].isna().all()
        assert v.gesperrt["zaehler"].all()
        nachbar = gemeinden.geschuetzt(kennung, 3, bezug="03151")  # ohne Eingriff: sichtbar
        assert nachbar.tabelle["wert"].notna().any()
    finally:
        oben._zwischenspeicher.pop(kuenstlich, None)
        gemeinden._zwischenspeicher.pop((kennung, 4, "03151"), None)


def test_bericht_der_gemeinde_vergleicht_mit_dem_kreis():
    b = berichte.bericht("03151002", daten=str(FRUEHER))
    assert b.basis.ist_gemeindebasis() and b.land == "03151"
    kopf = b.kopf("kommunalprofil").markdown
    assert "# Gemeindeprofil Barwedel" in kopf and "Gifhorn, Landkreis (Kreis)" in kopf
    tabelle = b.kennzahlen("Rahmenbedingungen/Demografie").daten
    zeile = tabelle[tabelle["Kennzahl"].str.startswith("Jugendquotient")].iloc[0]
    assert zeile["Barwedel"] == "29,5" and (zeile["Zähler"], zeile["Nenner"]) == ("181", "614")
    rang = "Rang im Kreis (1 = höchster Wert)"
    assert rang in tabelle.columns and zeile[rang].endswith("von 48")
    kreis = b.basis.oberbasis.werte["jugendquotient"].query("ags == '03151' and jahr == 2015")
    assert zeile["Gifhorn, Landkreis"] == f"{kreis['wert'].iloc[0]:.1f}".replace(".", ",")
    assert "unter dem Kreiswert" in b.einordnung("Rahmenbedingungen/Demografie").markdown
    quellen = b.quellen().markdown
    assert (
        "Tabelle 12411-02-03-5" in quellen and "Nur für Kreise, im Kommunalprofil 03151" in quellen
    )


def test_meldungen_fuer_gemeindeschluessel(basis):
    with pytest.raises(ParameterFehler, match="kreisfreie Stadt ist ihr eigener Kreis.*09162"):
        basis.pruefe_kommune("09162000")
    with pytest.raises(ParameterFehler, match=r"Meinten Sie:.*\d{8} \("):
        basis.pruefe_kommune("09184999")


@pytest.mark.berichte
def test_bimo_berichte_baut_ein_gemeindeprofil(tmp_path: Path, capsys):
    argumente = ["berichte", "--daten", str(FRUEHER), "--kommune", "03151002", "03151"]
    rc = cli.main([*argumente, "--docx", "--ausgabe", str(tmp_path)])
    assert rc == 0, capsys.readouterr().err
    seite = (tmp_path / "03151002.html").read_text(encoding="utf-8")
    assert "Gemeindeprofil Barwedel" in seite and "Rang im Kreis" in seite
    assert "Keine Karte: Zu den Gemeinden liegen keine Gemeindeflächen vor" in seite
    assert "Kommunalprofil Gifhorn" in (tmp_path / "03151.html").read_text(encoding="utf-8")
    index = (tmp_path / "index.html").read_text(encoding="utf-8")
    assert "Barwedel" in index and "Gifhorn" in index
    # die Quellen in der XLSX: das Gemeindeprofil nennt die Gemeindetabelle, das Kreisprofil
    # nur, was es speist
    import openpyxl

    def quellen(name: str) -> str:
        blatt = openpyxl.load_workbook(tmp_path / name)["Quelle und Hinweise"]
        return "\n".join(str(z.value) for z in blatt["A"] if z.value)

    assert "Tabelle 12411-02-03-5" in quellen("03151002.xlsx")
    assert "Tabelle 12411-02-03-5" not in quellen("03151.xlsx")
    assert "dl-de/by-2-0" in quellen("03151.xlsx")
    # und als Word-Datei, mit echten Daten: Tabellen und der Quellenvermerk der Dateien
    from docx import Document

    doc = Document(tmp_path / "03151002.docx")
    assert doc.paragraphs[0].text == "Gemeindeprofil Barwedel"
    assert any("Barwedel" in [z.text for z in t.rows[0].cells] for t in doc.tables)
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "Tabelle 12411-02-03-5" in text and "dl-de/by-2-0" in text


def test_bimo_daten_pruefen_nennt_die_gemeindeprofile(capsys):
    assert cli.main(["daten", "pruefen", str(FRUEHER)]) == 0
    ausgabe = capsys.readouterr().out
    assert "12411-02-03-5_00.csv" in ausgabe and "speist Gemeindeprofile" in ausgabe
    assert "Dazu Gemeindeprofile aus 12411-02-03-5 (13782 Gemeinden in der Datei)" in ausgabe
    assert "--kommune <achtstelliger Gemeindeschlüssel>" in ausgabe
