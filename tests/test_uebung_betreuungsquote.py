"""Selbstkontrolle der Übung „Betreuungsquote“: richtig, typische Fehler, gestufte Hinweise."""

from __future__ import annotations

import pytest

from bimo import daten
from bimo.uebungen import Selbstkontrolle, lies_zahl, pruefe_betreuungsquote

AGS, JAHR = "17252", 2024


@pytest.fixture(scope="module")
def zahlen():
    kita = daten.lade("kindertagesbetreuung")
    bev = daten.lade("bevoelkerung")
    k = kita[(kita["ags"] == AGS) & (kita["jahr"] == JAHR) & (kita["altersgruppe"] == "unter 3")]
    art = k.set_index("betreuungsart")["wert"]

    def einwohner(jahr, bis=3):
        return bev[(bev["ags"] == AGS) & (bev["jahr"] == jahr) & (bev["alter"] < bis)]["wert"].sum()

    return {
        "kita": art["Kindertageseinrichtung"],
        "pflege": art["Kindertagespflege"],
        "vorjahr": einwohner(JAHR - 1),
        "gleiches_jahr": einwohner(JAHR),
        "unter6": einwohner(JAHR - 1, 6),
    }


def richtig(z):
    return (z["kita"] + z["pflege"]) / z["vorjahr"] * 100


def test_richtige_antwort_gerundet(zahlen):
    r = pruefe_betreuungsquote(round(richtig(zahlen), 1), AGS, JAHR)
    assert r.richtig
    assert f"{richtig(zahlen):.1f}".replace(".", ",") in r.text


@pytest.mark.parametrize("muster", ["{},{}", "{}.{}", "{},{} %", " {},{}% "])
def test_eingabe_mit_komma_und_prozent(muster, zahlen):
    ganz, nachkomma = f"{richtig(zahlen):.1f}".split(".")
    assert pruefe_betreuungsquote(muster.format(ganz, nachkomma), AGS, JAHR).richtig


def test_daneben_ist_falsch(zahlen):
    assert not pruefe_betreuungsquote(richtig(zahlen) + 0.3, AGS, JAHR).richtig


@pytest.mark.parametrize(
    "fehler, erwartet",
    [
        (lambda z: richtig(z) / 100, "Anteil"),
        (lambda z: z["kita"] / z["vorjahr"] * 100, "Kindertagespflege"),
        (lambda z: z["vorjahr"] / (z["kita"] + z["pflege"]) * 100, "vertauscht"),
        (lambda z: (z["kita"] + z["pflege"]) / z["unter6"] * 100, "zu viele Kinder"),
        (lambda z: (z["kita"] + z["pflege"]) / z["gleiches_jahr"] * 100, "31.12.2023"),
    ],
)
def test_typische_fehler_bekommen_gezielten_hinweis(zahlen, fehler, erwartet):
    r = pruefe_betreuungsquote(round(fehler(zahlen), 2), AGS, JAHR)
    assert not r.richtig
    assert erwartet in r.text


def test_hinweise_werden_mit_jedem_versuch_konkreter(zahlen):
    texte = [pruefe_betreuungsquote(12.3, AGS, JAHR, versuch=v).text for v in (1, 2, 3)]
    assert "Zähler und Nenner" in texte[0] or "÷" in texte[0]
    assert "31.12.2023" in texte[1] and "31.12.2023" not in texte[0]
    assert f"{zahlen['vorjahr']:,}".replace(",", ".") in texte[2]  # der Rechenweg mit Zahlen
    assert all("unter dem Ergebnis" in t for t in texte)
    assert len(set(texte)) == 3


def test_keine_zahl():
    r = pruefe_betreuungsquote("viel", AGS, JAHR)
    assert not r.richtig and "keine Zahl" in r.text


def test_lies_zahl():
    assert lies_zahl("1.234,5") == 1234.5
    assert lies_zahl("12,3 %") == 12.3
    assert lies_zahl(7) == 7.0
    assert lies_zahl("") is None
    assert lies_zahl(True) is None


def test_widget_zaehlt_versuche_und_zeigt_rueckmeldung(zahlen):
    pytest.importorskip("ipywidgets")
    kontrolle = Selbstkontrolle(
        lambda antwort, versuch: pruefe_betreuungsquote(antwort, AGS, JAHR, versuch=versuch),
        beschriftung="Quote:",
    )
    kontrolle.eingabe.value = "12,3"
    kontrolle.knopf.click()
    assert kontrolle.versuche == 1
    assert "Noch nicht" in kontrolle.ausgabe.value
    kontrolle.eingabe.value = f"{richtig(zahlen):.1f}".replace(".", ",")
    kontrolle.knopf.click()
    assert kontrolle.versuche == 2
    assert "Richtig" in kontrolle.ausgabe.value
