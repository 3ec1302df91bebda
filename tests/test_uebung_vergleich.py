"""Selbstkontrolle der Übung „Vergleich“: Prozentpunkte und Prozent auseinanderhalten."""

from __future__ import annotations

import pytest

from bimo.daten import DatenFehler
from bimo.kapitel import analyse
from bimo.uebungen import vergleich as vg

AGS, JAHR = "17253", 2024


def werte(referenz):
    t = analyse.werte("uebergangsquote_gymnasium")
    eigen = t[(t["ags"] == AGS) & (t["jahr"] == JAHR)]["wert"].iloc[0]
    if referenz == "Land":
        ref = t[(t["ags"] == "17") & (t["jahr"] == JAHR)]["wert"].iloc[0]
    elif referenz == "Vorjahr":
        ref = t[(t["ags"] == AGS) & (t["jahr"] == JAHR - 1)]["wert"].iloc[0]
    else:
        nachbarn = analyse.aehnliche_kommunen(AGS, JAHR, anzahl=3)["ags"]
        g = t[t["ags"].isin(nachbarn) & (t["jahr"] == JAHR)]
        ref = g["zaehler"].sum() / g["nenner"].sum() * 100
    return eigen, ref


@pytest.mark.parametrize("referenz", vg.REFERENZEN)
def test_beide_richtigen_angaben(referenz):
    eigen, ref = werte(referenz)
    pp, rel = eigen - ref, (eigen - ref) / ref * 100
    assert vg.pruefe_vergleich(round(pp, 1), "Prozentpunkte", AGS, JAHR, referenz).richtig
    assert vg.pruefe_vergleich(round(rel, 1), "Prozent", AGS, JAHR, referenz).richtig
    assert vg.pruefe_vergleich(
        f"{pp:.1f}".replace(".", ","), "Prozentpunkte", AGS, JAHR, referenz
    ).richtig


@pytest.mark.parametrize(
    "fehler, einheit, erwartet",
    [
        (lambda e, r: e - r, "Prozent", "nicht Prozent"),
        (lambda e, r: (e - r) / r * 100, "Prozentpunkte", "in Prozent angegeben"),
        (lambda e, r: r - e, "Prozentpunkte", "Vorzeichen"),
        (lambda e, r: (r - e) / r * 100, "Prozent", "Vorzeichen"),
        (lambda e, r: (e - r) / e * 100, "Prozent", "nicht auf den Wert des Kreises"),
        (lambda e, r: (e - r) / r, "Prozent", "Anteil"),
    ],
)
@pytest.mark.parametrize("referenz", ["Land", "ähnliche Kreise"])
def test_typische_fehler(referenz, fehler, einheit, erwartet):
    e, r = werte(referenz)
    antwort = vg.pruefe_vergleich(round(fehler(e, r), 2), einheit, AGS, JAHR, referenz)
    assert not antwort.richtig
    assert erwartet in antwort.text


def test_gestufte_hinweise():
    texte = [vg.pruefe_vergleich(55, "Prozent", AGS, JAHR, versuch=v).text for v in (1, 2, 3)]
    assert "geteilt durch" in texte[0]
    assert "Referenz" in texte[1] and "%" in texte[1]
    assert "Rechenweg" in texte[2]
    assert len(set(texte)) == 3


@pytest.mark.parametrize("muell", ["viel", "", None])
def test_muell_zahl(muell):
    r = vg.pruefe_vergleich(muell, "Prozent", AGS, JAHR)
    assert not r.richtig and "keine Zahl" in r.text


@pytest.mark.parametrize("einheit", [None, "", "Promille"])
def test_muell_einheit(einheit):
    r = vg.pruefe_vergleich("-3", einheit, AGS, JAHR)
    assert not r.richtig and "Einheit" in r.text


def test_unbekannte_referenz():
    with pytest.raises(DatenFehler, match="Unbekannte Referenz"):
        vg.vergleichswerte(AGS, JAHR, "Bund")


def test_widget():
    pytest.importorskip("ipywidgets")
    o = vg.aufgabe_vergleich(AGS, JAHR)
    e, r = werte("Land")
    o.eingabe.value = f"{e - r:.1f}".replace(".", ",")
    o.einheit.value = "Prozentpunkte"
    assert o.pruefen().richtig
    o.referenz.value = "Vorjahr"
    assert "2023" in o.children[1].value
    assert not o.pruefen().richtig
