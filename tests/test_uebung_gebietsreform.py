"""Selbstkontrolle der Übung „Gebietsreform“."""

from __future__ import annotations

import pytest

from bimo import daten, indikatoren
from bimo.uebungen import gebietsreform

JAHR = 2017


@pytest.fixture(scope="module")
def alt():
    """Quoten der alten Kreise aus den Rohdaten, unabhängig vom Modul gerechnet."""
    kita = daten.lade("kindertagesbetreuung", variante="roh").drop_duplicates()
    bev = daten.lade("bevoelkerung", variante="roh")
    q = indikatoren.betreuungsquote(kita, bev[bev["alter"] <= 90], "unter 3")
    return q[(q["jahr"] == JAHR) & q["ags"].isin(["17154", "17156"])].set_index("ags")


def test_richtig(alt):
    richtig = alt["zaehler"].sum() / alt["nenner"].sum() * 100
    r = gebietsreform.pruefe_gebietsreform(f"{richtig:.1f}".replace(".", ","), JAHR)
    assert r.richtig
    sauber = indikatoren.indikator("betreuungsquote_u3").berechne(land=False)
    wert = sauber[(sauber["ags"] == "17159") & (sauber["jahr"] == JAHR)]["wert"].iloc[0]
    assert wert == pytest.approx(richtig)


@pytest.mark.parametrize(
    "fehler, erwartet",
    [
        (lambda a: a.loc["17154", "wert"], "allein"),
        (lambda a: a.loc["17156", "wert"], "allein"),
        (lambda a: a["wert"].sum(), "addiert"),
        (lambda a: a["wert"].mean(), "gemittelt"),
        (lambda a: 0, "Bruch"),
    ],
)
def test_typische_fehler(alt, fehler, erwartet):
    r = gebietsreform.pruefe_gebietsreform(round(fehler(alt), 1), JAHR)
    assert not r.richtig and erwartet in r.text


def test_gestuft_und_unsinn():
    texte = [gebietsreform.pruefe_gebietsreform(80, JAHR, versuch=v).text for v in (1, 2, 3)]
    assert len(set(texte)) == 3
    assert "31.12.2016" in texte[1] and "÷" in texte[2]
    assert "keine Zahl" in gebietsreform.pruefe_gebietsreform("weiß nicht", JAHR).text


def test_zeitreihe():
    richtig = gebietsreform.reihe_richtig()
    assert gebietsreform.pruefe_zeitreihe(richtig).richtig
    mit_bruch = richtig.copy()
    mit_bruch[mit_bruch.index < 2019] = 0
    assert "Bruch" in gebietsreform.pruefe_zeitreihe(mit_bruch).text
    assert "Bruch" in gebietsreform.pruefe_zeitreihe(richtig[richtig.index >= 2019]).text
    summiert = richtig.copy()
    summiert[2016] = summiert[2016] * 2
    assert not gebietsreform.pruefe_zeitreihe(summiert).richtig
    assert not gebietsreform.pruefe_zeitreihe("unsinn").richtig
