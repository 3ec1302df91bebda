"""Übung „Schwelle“: Informationsverlust je Mindestfallzahl."""

from __future__ import annotations

import pytest

from bimo.uebungen.schwelle import aufgabe_schwelle, pruefe_schwelle, verlusttabelle


@pytest.fixture(scope="module")
def verlust():
    return verlusttabelle()


@pytest.fixture(scope="module")
def richtig(verlust):
    return int(verlust.index[verlust["Anteil Wert"] > 2.0][0])


@pytest.mark.langsam
def test_richtig(richtig):
    r = pruefe_schwelle(richtig)
    assert r.richtig
    assert "ganz gesperrt" in r.text


@pytest.mark.langsam
def test_eins_zu_klein(richtig):
    assert "erste Schwelle" in pruefe_schwelle(richtig - 1).text


def test_zellen_statt_wert(verlust, richtig):
    zellen = int(verlust.index[verlust["Anteil Zellen"] > 2.0][0])
    assert zellen != richtig
    assert "Anteil der Zellen" in pruefe_schwelle(zellen).text


def test_zu_gross(richtig):
    assert "kleinste" in pruefe_schwelle(richtig + 1).text


@pytest.mark.parametrize(
    ("unsinn", "hinweis"), [("x", "keine Zahl"), (11, "2 bis 10"), (2.5, "ganze Zahl")]
)
def test_unsinn(unsinn, hinweis):
    r = pruefe_schwelle(unsinn)
    assert not r.richtig and hinweis in r.text


def test_hinweise_werden_konkreter(verlust, richtig):
    zellen = int(verlust.index[verlust["Anteil Zellen"] > 2.0][0])
    kandidat = next(t for t in range(2, richtig - 1) if t != zellen)
    erst = pruefe_schwelle(kandidat, versuch=1)
    dann = pruefe_schwelle(kandidat, versuch=2)
    assert "Regler" in erst.text
    assert "gehen Sie weiter nach oben" in dann.text


@pytest.mark.langsam
def test_widget():
    box = aufgabe_schwelle()
    box.regler.value = 9
    assert "Gesperrt:" in box.anzeige.value
    box.kontrolle.eingabe.value = "x"
    assert not box.kontrolle.pruefen().richtig
