"""Übung „Cell-Key“: Eigenschaften des Überlagerns."""

from __future__ import annotations

import pytest

from bimo.uebungen.cellkey import FRAGEN, abweichung, aufgabe_cellkey, pruefe_cellkey, tabellen


@pytest.mark.parametrize("frage", list(FRAGEN))
def test_richtige_antworten(frage):
    assert pruefe_cellkey(frage, FRAGEN[frage][1]).richtig


@pytest.mark.parametrize(
    ("frage", "antwort", "hinweis"),
    [
        ("gleiche_zelle", "nein, jedes Mal anders", "Mittelwert"),
        ("summen", "ja, genau", "Summe minus Teile"),
        ("nullen", "nein, auch Nullen werden verändert", "ebenfalls Nullen"),
    ],
)
def test_typische_fehler(frage, antwort, hinweis):
    r = pruefe_cellkey(frage, antwort)
    assert not r.richtig and hinweis in r.text
    assert "Richtig wäre" in pruefe_cellkey(frage, antwort, versuch=2).text


def test_unsinn():
    assert "Unbekannte Frage" in pruefe_cellkey("wetter", "ja").text
    assert "wählen Sie eine" in pruefe_cellkey("nullen", None).text
    assert "wählen Sie eine" in pruefe_cellkey("nullen", 42).text


@pytest.mark.langsam
@pytest.mark.parametrize("d_max", [1, 2, 3, 4])
def test_tabellen_haben_die_eigenschaften(d_max):
    original, ueberlagert = tabellen(d_max)
    assert ((original == 0) <= (ueberlagert == 0)).all().all()
    assert (abs(ueberlagert - original) <= d_max).all().all()
    assert tabellen(d_max)[1].equals(ueberlagert)


def test_summen_passen_nicht_immer():
    _, ueberlagert = tabellen(2)
    innen = ueberlagert.drop(columns="Insgesamt").drop(index="Insgesamt")
    assert (innen.sum(axis=1) != ueberlagert["Insgesamt"].drop("Insgesamt")).any()


def test_abweichung_und_widget():
    original, ueberlagert = tabellen(2)
    assert (
        abweichung("SR01", "keiner")
        == ueberlagert.loc["SR01", "keiner"] - original.loc["SR01", "keiner"]
    )
    box = aufgabe_cellkey()
    box.regler.value = 3
    assert "D = 3" in box.anzeige.value
    nullen = box.fragen[2]
    assert "wählen Sie eine" in nullen.pruefen().text
    nullen.auswahl.value = FRAGEN["nullen"][1]
    assert nullen.pruefen().richtig
    assert "Richtig" in nullen.ausgabe.value
