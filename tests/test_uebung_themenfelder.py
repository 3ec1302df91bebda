"""Übung „Entlang des Lebenslaufs“: Indikatoren den Themenfeldern zuordnen."""

from __future__ import annotations

import pytest

from bimo import indikatoren
from bimo.uebungen.themenfelder import (
    AUSWAHL,
    VERWECHSLUNGEN,
    aufgabe_themenfelder,
    pruefe_themenfelder,
    richtige_zuordnung,
)


def test_je_themenfeld_ein_indikator():
    assert sorted(richtige_zuordnung().values()) == sorted(indikatoren.THEMENFELDER)


def test_verwechslungen_sind_wirklich_falsch():
    richtig = richtige_zuordnung()
    for (kennung, feld), _hinweis in VERWECHSLUNGEN.items():
        assert kennung in AUSWAHL
        assert feld in indikatoren.THEMENFELDER
        assert richtig[kennung] != feld


def test_richtige_zuordnung_aus_dem_register():
    r = pruefe_themenfelder(richtige_zuordnung())
    assert r.richtig
    assert "Lebenslaufs" in r.text


@pytest.mark.parametrize(("kennung", "feld"), list(VERWECHSLUNGEN))
def test_typische_verwechslung_bekommt_gezielten_hinweis(kennung, feld):
    antwort = richtige_zuordnung() | {kennung: feld}
    r = pruefe_themenfelder(antwort)
    assert not r.richtig
    assert "5 von 6 richtig" in r.text
    assert VERWECHSLUNGEN[(kennung, feld)] in r.text


def test_hinweise_werden_konkreter():
    # Übergangsquote Gymnasium ist keine der gezielten Verwechslungen
    antwort = richtige_zuordnung() | {"foerderschulbesuchsquote": "Berufliche Bildung"}
    erst = pruefe_themenfelder(antwort, versuch=1)
    zweit = pruefe_themenfelder(antwort, versuch=2)
    dritt = pruefe_themenfelder(antwort, versuch=3)
    assert "1 weitere Zuordnung stimmt" in erst.text
    assert "Förderschulbesuchsquote" in zweit.text
    assert "Definition:" in dritt.text


@pytest.mark.parametrize(
    ("antwort", "hinweis"),
    [
        ("Soziale Lage", "je Indikator ein Auswahlfeld"),
        ({}, "noch nichts zugeordnet"),
        ({k: "" for k in AUSWAHL}, "noch nichts zugeordnet"),
        ({AUSWAHL[0]: "Hochschule"}, "kein Themenfeld"),
    ],
)
def test_unvollstaendig_oder_unsinnig(antwort, hinweis):
    r = pruefe_themenfelder(antwort)
    assert not r.richtig
    assert hinweis in r.text


def test_teilweise_zugeordnet_nennt_die_offenen():
    antwort = {AUSWAHL[0]: richtige_zuordnung()[AUSWAHL[0]]}
    r = pruefe_themenfelder(antwort)
    assert "Noch ohne Themenfeld" in r.text
    assert "1 von 6 richtig" in r.text


def test_widget_prueft():
    kontrolle = aufgabe_themenfelder()
    for kennung, feld in richtige_zuordnung().items():
        kontrolle.auswahl[kennung].value = feld
    assert kontrolle.pruefen().richtig
    assert "Richtig" in kontrolle.ausgabe.value
    assert kontrolle.versuche == 1
