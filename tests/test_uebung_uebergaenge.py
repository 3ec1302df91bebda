"""Selbstkontrolle der Übung „Übergänge“: richtig, typische Fehler, gestufte Hinweise."""

from __future__ import annotations

import pytest

from bimo import daten
from bimo.uebungen import uebergaenge as ub

AGS, JAHR = "17252", 2024


@pytest.fixture(scope="module")
def z():
    ue = daten.lade("uebergaenge")
    sch = daten.lade("schueler")
    u = ue[ue["ags"] == AGS]
    s = sch[sch["ags"] == AGS]

    def summe(t, **b):
        for k, v in b.items():
            t = t[t[k] == v]
        return t["wert"].sum()

    return {
        "gym": summe(u, jahr=JAHR, schulart="Gymnasium"),
        "alle": summe(u, jahr=JAHR),
        "gym_vj": summe(u, jahr=JAHR - 1, schulart="Gymnasium"),
        "alle_vj": summe(u, jahr=JAHR - 1),
        "schueler": summe(s, jahr=JAHR),
        "grundschule": summe(s, jahr=JAHR, schulart="Grundschule"),
        "k4": summe(s, jahr=JAHR, schulart="Grundschule", klassenstufe=4),
        "k4_vj": summe(s, jahr=JAHR - 1, schulart="Grundschule", klassenstufe=4),
    }


def richtig(z):
    return z["gym"] / z["alle"] * 100


def test_richtig(z):
    r = ub.pruefe_uebergaenge(round(richtig(z), 1), AGS, JAHR)
    assert r.richtig
    assert f"{richtig(z):.1f}".replace(".", ",") in r.text
    assert ub.pruefe_uebergaenge(f"{richtig(z):.1f} %".replace(".", ","), AGS, JAHR).richtig


def test_andere_schulart(z):
    ue = daten.lade("uebergaenge")
    real = ue[(ue["ags"] == AGS) & (ue["jahr"] == JAHR) & (ue["schulart"] == "Realschule")]
    wert = real["wert"].sum() / z["alle"] * 100
    assert ub.pruefe_uebergaenge(round(wert, 1), AGS, JAHR, "Realschule").richtig


def test_anteile_ergeben_100():
    ue = daten.lade("uebergaenge")
    summe = 0.0
    for schulart in sorted(set(ue["schulart"])):
        r = ub.pruefe_uebergaenge(99, AGS, JAHR, schulart, versuch=3)
        teile = r.text.split("Der Rechenweg: ")[1].split(" × ")[0].split(" ÷ ")
        summe += float(teile[0].replace(".", "")) / float(teile[1].replace(".", "")) * 100
    assert summe == pytest.approx(100)


@pytest.mark.parametrize(
    "fehler, erwartet",
    [
        (lambda z: richtig(z) / 100, "Anteil (zwischen 0 und 1)"),
        (lambda z: z["gym"] / z["schueler"] * 100, "alle Schülerinnen und Schüler"),
        (lambda z: z["gym"] / z["grundschule"] * 100, "alle Grundschüler"),
        (lambda z: z["alle"] / z["gym"] * 100, "vertauscht"),
        (lambda z: z["gym_vj"] / z["alle_vj"] * 100, "Quote des Vorjahres"),
        (lambda z: z["gym"] / z["alle_vj"] * 100, "Der Nenner ist aus 2023"),
        (lambda z: z["gym_vj"] / z["alle"] * 100, "Der Zähler ist aus 2023"),
        (lambda z: z["gym"] / z["k4"] * 100, "nächste Jahrgang"),
        (lambda z: z["gym"] / z["k4_vj"] * 100, "Gut gedacht"),
    ],
)
def test_typische_fehler(z, fehler, erwartet):
    r = ub.pruefe_uebergaenge(round(fehler(z), 2), AGS, JAHR)
    assert not r.richtig
    assert erwartet in r.text


def test_hinweise_werden_konkreter(z):
    texte = [ub.pruefe_uebergaenge(70, AGS, JAHR, versuch=v).text for v in (1, 2, 3)]
    assert "÷" in texte[0] and AGS not in texte[0]
    assert AGS in texte[1]
    assert f"{z['alle']:,}".replace(",", ".") in texte[2]
    assert all("über dem Ergebnis" in t for t in texte)
    assert len(set(texte)) == 3


@pytest.mark.parametrize("muell", ["viel", "", None, "4,5,6"])
def test_muell(muell):
    r = ub.pruefe_uebergaenge(muell, AGS, JAHR)
    assert not r.richtig and "keine Zahl" in r.text


def test_unbekanntes_jahr():
    r = ub.pruefe_uebergaenge(40, AGS, 1990)
    assert not r.richtig and "keine Übergänge" in r.text


def test_laendervergleich():
    richtige = [a for a, (ok, _) in ub.LAENDER_ANTWORTEN.items() if ok]
    falsche = [a for a, (ok, _) in ub.LAENDER_ANTWORTEN.items() if not ok]
    assert len(richtige) == 1 and len(falsche) >= 2
    assert ub.pruefe_laendervergleich(richtige[0]).richtig
    erst = ub.pruefe_laendervergleich(falsche[0], versuch=1)
    zweit = ub.pruefe_laendervergleich(falsche[0], versuch=2)
    assert not erst.richtig and "Tipp" not in erst.text and "Tipp" in zweit.text
    for muell in ("", None, "weiß nicht", 3):
        r = ub.pruefe_laendervergleich(muell)
        assert not r.richtig and "eine der Antworten" in r.text


def test_widget():
    pytest.importorskip("ipywidgets")
    oberflaeche = ub.aufgabe_uebergaenge(AGS, JAHR)
    assert len(oberflaeche.children) == 2
