"""Selbstkontrolle der Übung „Diagramme prüfen“."""

from __future__ import annotations

import pytest

from bimo.uebungen import diagramme as dg


def test_loesung_folgt_aus_den_eigenschaften():
    loesung = dg.loesung()
    assert loesung["A"] == ["achse", "unsortiert"]
    assert loesung["B"] == []
    assert loesung["C"] == ["karte_anzahlen"]
    assert loesung["D"] == ["kein_n", "keine_quelle"]


def test_grafiken_passen_zu_den_eigenschaften():
    g = dg.grafiken(2024)
    assert set(g) == {"A", "B", "C", "D"}
    assert "Reihenfolge der Schlüssel" in g["A"].alt
    assert "beginnt bei 0,0" not in g["A"].alt
    assert "Linie Musterland" in g["B"].alt
    assert g["C"].alt.startswith("Karte") and "Kinder" in g["C"].alt
    assert "ohne Quellenangabe" in g["D"].alt and "Fallzahl" not in g["D"].alt
    assert not any("So nicht" in x.alt for x in g.values())  # nichts verraten


def test_richtige_antwort():
    r = dg.pruefe_diagramme(dg.loesung())
    assert r.richtig and "B: ohne Fehler" in r.text


def test_beschriftungen_und_einzelner_text():
    antwort = {
        "A": ["Achse nicht bei null", "unsortiert"],
        "B": [],
        "C": "Anzahlen statt Quoten auf der Karte",
        "D": ("keine Quelle", "kein n"),
    }
    assert dg.pruefe_diagramme(antwort).richtig


def test_falsch_markiert_wird_genannt():
    antwort = {**dg.loesung(), "B": ["unsortiert"]}
    r = dg.pruefe_diagramme(antwort)
    assert not r.richtig
    assert "Grafik B: „unsortiert“ trifft nicht zu" in r.text


@pytest.mark.parametrize(
    "grafik, fehler, blick, warum",
    [
        ("A", "achse", "senkrechte Achse", "übertreiben"),
        ("A", "unsortiert", "Reihenfolge", "Rangfolge"),
        ("C", "karte_anzahlen", "Was wird eingefärbt", "Größe der Kreise"),
        ("D", "keine_quelle", "unter die Grafik", "zitieren"),
        ("D", "kein_n", "Wie viele Fälle", "belastbar"),
    ],
)
def test_uebersehene_fehler_gestuft(grafik, fehler, blick, warum):
    antwort = dg.loesung()
    antwort[grafik] = [f for f in antwort[grafik] if f != fehler]
    erst, zweit, dritt = (dg.pruefe_diagramme(antwort, versuch=v) for v in (1, 2, 3))
    assert not erst.richtig
    assert f"Grafik {grafik}: 1 Fehler übersehen" in erst.text and blick in erst.text
    assert dg.FEHLER[fehler] not in erst.text.split("übersehen")[1].split(".")[0]
    assert f"übersehen „{dg.FEHLER[fehler]}“" in zweit.text and blick in zweit.text
    assert f"übersehen „{dg.FEHLER[fehler]}“" in dritt.text and warum in dritt.text


@pytest.mark.parametrize("muell", [None, "A", 3, ["achse"]])
def test_keine_zuordnung(muell):
    r = dg.pruefe_diagramme(muell)
    assert not r.richtig and "Zuordnung" in r.text


def test_nichts_markiert():
    r = dg.pruefe_diagramme({"A": [], "B": None, "C": ..., "D": ""})
    assert not r.richtig and "keinen Fehler markiert" in r.text


def test_unbekannter_fehler():
    r = dg.pruefe_diagramme({"A": ["zu bunt"]})
    assert not r.richtig and "„zu bunt“ kenne ich nicht" in r.text


def test_oberflaeche():
    aufgabe = dg.aufgabe_diagramme(2024, bilder=False)
    assert not aufgabe.pruefen().richtig  # nichts angekreuzt
    for name, fehler in dg.loesung().items():
        for kennung in fehler:
            aufgabe.kaestchen[name][kennung].value = True
    assert aufgabe.pruefen().richtig
    assert aufgabe.versuche == 2
    assert aufgabe._repr_mimebundle_()["text/plain"].startswith("Übung Diagramme prüfen")


@pytest.mark.langsam
def test_oberflaeche_mit_bildern():
    aufgabe = dg.aufgabe_diagramme(2024)
    erste_spalte = aufgabe.oberflaeche.children[0].children[0]
    assert "<img" in erste_spalte.children[0].value
    assert len(aufgabe.kaestchen["A"]) == len(dg.FEHLER)
