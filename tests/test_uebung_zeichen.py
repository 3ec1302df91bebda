"""Selbstkontrolle der Übung „Zeichen“: Zuordnung und Mittelwert."""

from __future__ import annotations

import pandas as pd
import pytest

from bimo.uebungen import zeichen
from bimo.uebungen.zeichen import ANDERS, GEHEIM, NULL, VORHANDEN

RICHTIG = {"-": NULL, "0": VORHANDEN, ".": GEHEIM, "x": ANDERS, "/": ANDERS, "...": ANDERS}


def test_richtige_zuordnung():
    assert zeichen.pruefe_zeichen(RICHTIG).richtig


@pytest.mark.parametrize(
    "aenderung, erwartet",
    [
        ({"-": ANDERS}, "echte Null, kein fehlender Wert"),
        ({"-": GEHEIM}, "echte Null, kein fehlender Wert"),
        ({"0": NULL}, "mehr als nichts"),
        ({"x": GEHEIM}, "nicht „x“"),
        ({".": NULL}, "unbekannt oder geheim"),
    ],
)
def test_typische_verwechslungen(aenderung, erwartet):
    r = zeichen.pruefe_zeichen({**RICHTIG, **aenderung})
    assert not r.richtig
    assert erwartet in r.text


def test_gestufte_hinweise():
    antwort = {**RICHTIG, "/": VORHANDEN, "...": NULL}
    texte = [zeichen.pruefe_zeichen(antwort, versuch=v).text for v in (1, 2, 3)]
    assert "2 von 6" in texte[0]
    assert "„/“" in texte[1] and "„...“" in texte[1]
    assert "nicht sicher genug" in texte[2] and "später" in texte[2]


@pytest.mark.parametrize("unsinn", [None, "egal", 5, [], {}])
def test_unsinn_stuerzt_nicht_ab(unsinn):
    r = zeichen.pruefe_zeichen(unsinn)
    assert not r.richtig and r.text


def test_unbekannte_gruppe():
    r = zeichen.pruefe_zeichen({**RICHTIG, "x": "weiß nicht"})
    assert not r.richtig and "gibt es die Gruppe" in r.text


@pytest.fixture(scope="module")
def werte():
    zellen = zeichen.spalte()["zelle"]
    assert (zellen == "-").any(), "Die Übung braucht mindestens ein „-“."
    zahlen = pd.to_numeric(zellen.str.replace(".", "", regex=False), errors="coerce")
    return zahlen.fillna(0).mean(), zahlen.mean(), zahlen.fillna(0).sum()


def test_mittelwert_richtig(werte):
    r = zeichen.pruefe_mittelwert(f"{werte[0]:.1f}".replace(".", ","))
    assert r.richtig


def test_mittelwert_strich_als_fehlend(werte):
    r = zeichen.pruefe_mittelwert(round(werte[1], 2))
    assert not r.richtig and "als fehlend behandelt" in r.text


def test_mittelwert_summe(werte):
    r = zeichen.pruefe_mittelwert(werte[2])
    assert not r.richtig and "Summe" in r.text


def test_mittelwert_gestuft_und_unsinn():
    texte = [zeichen.pruefe_mittelwert(1000, versuch=v).text for v in (1, 2, 3)]
    assert len(set(texte)) == 3 and "÷" in texte[2]
    assert "keine Zahl" in zeichen.pruefe_mittelwert("viel").text


def test_widget_zuordnung():
    pytest.importorskip("ipywidgets")
    aufgabe = zeichen.aufgabe_zeichen()
    for z, feld in aufgabe.auswahl.items():
        feld.value = RICHTIG[z]
    aufgabe.knopf.click()
    assert "Richtig" in aufgabe.ausgabe.value and aufgabe.versuche == 1
