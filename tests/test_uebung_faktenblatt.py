"""Selbstkontrolle der Übung „Faktenblatt: die passende Grafik je Botschaft“."""

from __future__ import annotations

import pytest

from bimo import indikatoren
from bimo.kern.format import prozent
from bimo.uebungen import faktenblatt as fb

AGS, JAHR = "17252", 2024


@pytest.fixture(scope="module")
def richtig():
    return {b.kennung: b.richtig for b in fb.botschaften(AGS, JAHR)}


def test_botschaften_kommen_aus_den_daten():
    t = indikatoren.indikator("betreuungsquote_u3").berechne()
    wert = t[(t["ags"] == AGS) & (t["jahr"] == JAHR)]["wert"].iloc[0]
    saetze = {b.kennung: b.satz for b in fb.botschaften(AGS, JAHR)}
    assert prozent(wert) in saetze["entwicklung"]
    assert "Landkreis Talgrund" in saetze["vergleich"]
    assert len(saetze) == 5


def test_richtige_antwort(richtig):
    r = fb.pruefe_faktenblatt(richtig, AGS, JAHR)
    assert r.richtig and "Punktwolke" in r.text


def test_beschriftungen_statt_kennungen(richtig):
    antwort = {k: fb.DIAGRAMMTYPEN[v] for k, v in richtig.items()}
    assert fb.pruefe_faktenblatt(antwort, AGS, JAHR).richtig


@pytest.mark.parametrize(
    "botschaft, wahl, erwartet",
    [
        ("entwicklung", "torte", "Teile eines Ganzen"),
        ("entwicklung", "balken_sortiert", "Zeitfolge"),
        ("vergleich", "balken_unsortiert", "unsortiert"),
        ("vergleich", "torte", "nicht zu 100 %"),
        ("zusammensetzung", "torte", "Winkel"),
        ("regional", "karte_anzahlen", "wo viele Menschen wohnen"),
        ("zusammenhang", "linie", "Punktwolke"),
        ("entwicklung", "karte_anzahlen", "Quoten (Verhältniszahlen)"),
    ],
)
def test_typische_fehler(richtig, botschaft, wahl, erwartet):
    r = fb.pruefe_faktenblatt({**richtig, botschaft: wahl}, AGS, JAHR)
    assert not r.richtig
    assert erwartet in r.text
    assert "4 von 5" in r.text


def test_hinweise_werden_konkreter(richtig):
    # „Punktwolke“ für die Entwicklung hat keinen eigenen Hinweis: gestuft
    antwort = {**richtig, "entwicklung": "punktwolke"}
    texte = [fb.pruefe_faktenblatt(antwort, AGS, JAHR, versuch=v).text for v in (1, 2, 3)]
    assert "Was soll man sehen" in texte[0]
    assert "Liniendiagramm" in texte[1] and "Liniendiagramm" not in texte[0]
    assert "Also: Liniendiagramm" in texte[2]
    assert len(set(texte)) == 3


@pytest.mark.parametrize("muell", [None, "linie", 42, ["linie"]])
def test_keine_zuordnung(muell):
    r = fb.pruefe_faktenblatt(muell, AGS, JAHR)
    assert not r.richtig and "Zuordnung" in r.text


def test_nichts_gewaehlt():
    r = fb.pruefe_faktenblatt({"entwicklung": ""}, AGS, JAHR)
    assert not r.richtig and "noch keine Grafik" in r.text


def test_teilweise_gewaehlt(richtig):
    r = fb.pruefe_faktenblatt({**richtig, "regional": ""}, AGS, JAHR)
    assert not r.richtig and "Regionale Verteilung" in r.text


def test_unbekannter_typ(richtig):
    r = fb.pruefe_faktenblatt({**richtig, "vergleich": "Radar"}, AGS, JAHR)
    assert not r.richtig and "„Radar“ kenne ich nicht" in r.text


def test_oberflaeche_prueft_und_zaehlt_versuche(richtig):
    aufgabe = fb.aufgabe_faktenblatt(AGS, JAHR)
    assert not aufgabe.pruefen().richtig
    for kennung, wahl in richtig.items():
        aufgabe.auswahl[kennung].value = wahl
    assert aufgabe.pruefen().richtig
    assert aufgabe.versuche == 2
    assert "Richtig" in aufgabe.ausgabe.value
    assert aufgabe._repr_mimebundle_()["text/plain"].startswith("Übung Faktenblatt")
