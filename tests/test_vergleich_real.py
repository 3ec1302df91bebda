"""Ehrliche Vergleiche mit echten Daten (Regionalstatistik 2017): ähnliche Kommunen aus
demselben Land und vom selben Kreistyp, der Gruppenwert als Summe der Zähler durch Summe
der Nenner, der Rang mit Richtung und Gleichstand."""

from __future__ import annotations

import pytest

from bimo import berichte
from bimo.berichte.inhalt import AEHNLICHKEIT, kreistyp
from tests.conftest import REALDATEN

FRUEHER = REALDATEN / "regionalstatistik_2017"

if not (FRUEHER / "12411-02-03-4_00.csv").is_file():
    pytest.skip(f"Die echten Exporte fehlen ({FRUEHER}).", allow_module_level=True)

# die kreisfreien Städte Niedersachsens (Gebietsstand 2016)
NIEDERSACHSEN_KREISFREI = {"03101", "03102", "03103", "03401", "03402", "03403", "03404", "03405"}


@pytest.fixture(scope="module")
def braunschweig():
    return berichte.bericht("03101", daten=str(FRUEHER))


def test_braunschweig_nur_mit_kreisfreien_staedten_niedersachsens(braunschweig):
    assert braunschweig.aehnliche, "keine Vergleichskommunen"
    assert set(braunschweig.aehnliche) <= NIEDERSACHSEN_KREISFREI - {"03101"}
    text = braunschweig.vergleichskommunen().markdown
    assert "kreisfreien Städten in Niedersachsen" in text
    assert "Summe ihrer veröffentlichten Zähler" in text and "ungewichtet" not in text


def test_kreistyp_am_namen_jeder_schreibweise():
    basis = berichte.bericht("03101", daten=str(FRUEHER)).basis
    typ = {a: kreistyp(n) for a, n in zip(basis.kreise["ags"], basis.kreise["name"], strict=True)}
    assert typ["09161"] == typ["08111"] == typ["03101"] == "kreisfreie Stadt"  # Ingolstadt …
    assert typ["09186"] == typ["05382"] == typ["05334"] == typ["03241"] == "Landkreis"
    assert typ["10041"] == "Landkreis"  # Regionalverband Saarbrücken
    # 2016: 107 kreisfreie Städte (mit Berlin, Hamburg, Eisenach), 294 Landkreise
    werte = list(typ.values())
    assert (werte.count("kreisfreie Stadt"), werte.count("Landkreis")) == (107, 294)


def test_gruppenwert_ist_summe_der_zaehler_durch_summe_der_nenner(braunschweig):
    kennung, jahr = "betreuungsquote_u3", 2016
    t = braunschweig._veroeffentlicht(kennung)
    gruppe = t[(t["jahr"] == jahr) & t["ags"].isin(braunschweig.aehnliche)]
    erwartet = gruppe["zaehler"].astype(float).sum() / gruppe["nenner"].astype(float).sum() * 100
    wert, n = braunschweig._mittel_aehnliche(kennung, jahr)
    assert n == len(braunschweig.aehnliche)
    assert wert == pytest.approx(erwartet)
    mittel = gruppe["wert"].astype(float).mean()
    assert abs(wert - mittel) > 1e-9  # das ungewichtete Mittel wäre etwas anderes
    zeile = braunschweig.kennzahlen("Frühkindliche Bildung").daten.iloc[0]
    assert zeile["Vergleichskommunen"] == f"{erwartet:.1f}".replace(".", ",") + "\xa0%"


def test_rang_mit_richtung_und_auswahlmerkmal_markiert(braunschweig):
    demografie = braunschweig.kennzahlen("Rahmenbedingungen/Demografie").daten
    assert "Rang im Land (1 = höchster Wert)" in demografie.columns
    merkmale = demografie[demografie["Kennzahl"].str.endswith("(Auswahlmerkmal)")]
    assert len(merkmale) == len([m for m in AEHNLICHKEIT if m in braunschweig.basis.werte]) - 1
    assert "gleiche (gerundete) Werte haben den gleichen Rang" in braunschweig.quellen().markdown


def test_stadtstaat_vergleicht_mit_kreisfreien_staedten_aller_laender():
    hamburg = berichte.bericht("02000", daten=str(FRUEHER))
    assert hamburg.aehnliche and len({a[:2] for a in hamburg.aehnliche}) > 1
    assert all(kreistyp(hamburg.basis.name(a)) == "kreisfreie Stadt" for a in hamburg.aehnliche)
    assert "aller Länder" in hamburg.vergleichskommunen().markdown
