"""Übung „Sperre selbst“: das eigene Sperrmuster wird wie von einem Angreifer geprüft."""

from __future__ import annotations

import pytest

from bimo.geheimhaltung import sperre_tabelle
from bimo.uebungen.sperre_selbst import (
    aufgabe_sperre_selbst,
    pruefe_sperre_selbst,
    uebungstabelle,
)


@pytest.fixture(scope="module")
def optimum():
    return sperre_tabelle(uebungstabelle())


def _zellen(maske):
    return [(z, s) for z in maske.index for s in maske.columns if maske.loc[z, s]]


def test_optimum_ist_richtig(optimum):
    r = pruefe_sperre_selbst(_zellen(optimum.gesperrt))
    assert r.richtig
    assert "so wenige wie möglich" in r.text


def test_maske_wird_auch_angenommen(optimum):
    assert pruefe_sperre_selbst(optimum.gesperrt).richtig


def test_nichts_gesperrt():
    assert "nichts gesperrt" in pruefe_sperre_selbst([]).text


def test_primaere_zelle_offen(optimum):
    sek = _zellen(optimum.sekundaer)
    r = pruefe_sperre_selbst(sek)
    assert not r.richtig
    assert "primäre Sperrung" in r.text


def test_nur_primaer_zurueckrechenbar(optimum):
    r = pruefe_sperre_selbst(_zellen(optimum.primaer))
    assert not r.richtig
    assert "exakt zurückrechnen" in r.text
    assert "einzige gesperrte Zelle" in r.text


def test_zu_viel_gesperrt(optimum):
    zellen = _zellen(optimum.gesperrt)
    extra = next(
        (z, s)
        for z in optimum.tabelle.index
        for s in optimum.tabelle.columns
        if (z, s) not in zellen and z != "Insgesamt"
    )
    r = pruefe_sperre_selbst([*zellen, extra])
    assert not r.richtig
    assert "nötig sind nur" in r.text


@pytest.mark.parametrize("unsinn", ["abc", 5, None, [("gibt", "esnicht")], [1, 2]])
def test_unsinn(unsinn):
    r = pruefe_sperre_selbst(unsinn)
    assert not r.richtig
    assert "nicht lesen" in r.text


def test_widget(optimum):
    box = aufgabe_sperre_selbst()
    for zelle in _zellen(optimum.gesperrt):
        box.zellen[zelle].value = True
    box.pruefen()
    assert "Richtig" in box.ausgabe.value
    assert box.zellen[_zellen(optimum.gesperrt)[0]].description == "."


def test_summen_sperren_mit_unbeschraenktem_intervall():
    # Werden die Summen mitgesperrt, hat der Angreifer nach oben keine Grenze mehr.
    r = pruefe_sperre_selbst(
        [
            ("Bad Tannhausen", "unter 3"),
            ("Bad Tannhausen", "Insgesamt"),
            ("Insgesamt", "unter 3"),
            ("Insgesamt", "Insgesamt"),
        ]
    )
    assert r.richtig
    assert "∞" in r.text


def test_hinweis_wird_konkreter():
    # Zwei Sperren in Zeile und Spalte, aber das Rechteck ist nicht geschlossen: Alterlow
    # (unter 3) folgt aus der eigenen Zeile. Erst der spätere Hinweis nennt das Rechteck.
    auswahl = [
        ("Bad Tannhausen", "unter 3"),
        ("Bad Tannhausen", "3 bis unter 6"),
        ("Alterlow", "unter 3"),
    ]
    erst = pruefe_sperre_selbst(auswahl, versuch=1)
    dann = pruefe_sperre_selbst(auswahl, versuch=3)
    assert not erst.richtig and not dann.richtig
    assert "helfen nicht genug" in erst.text
    assert "Rechteck" in dann.text
