"""Bausteine der Datenaufbereitung."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from bimo import daten
from bimo.kapitel import aufbereitung as a


def test_ags_teile():
    t = a.ags_teile(["17", "171", "17101", "17159001", 1001, "1001"])
    assert list(t["ebene"]) == [
        "Land",
        "Regierungsbezirk",
        "Kreis",
        "Gemeinde",
        "ungültig",
        "ungültig",
    ]
    zeile = t.iloc[3]
    assert (zeile["land"], zeile["regierungsbezirk"], zeile["kreis"], zeile["gemeinde"]) == (
        "17",
        "1",
        "59",
        "001",
    )


def test_zahlen_mit_zeichen():
    t = a.zahlen_mit_zeichen(["12", "-", ".", "x", "1.234", "2,5", "...", "abc"])
    assert t["wert"].iloc[0] == 12 and t["wert"].iloc[1] == 0
    assert math.isnan(t["wert"].iloc[2]) and math.isnan(t["wert"].iloc[3])
    assert t["wert"].iloc[4] == 1234 and t["wert"].iloc[5] == 2.5
    assert list(t["zeichen"]) == ["", "-", ".", "x", "", "", "...", "?"]


def test_auf_heutigen_gebietsstand_gleich_sauber():
    roh = daten.lade("kindertagesbetreuung", variante="roh").drop_duplicates()
    schluessel = ["ags", "jahr", "altersgruppe", "betreuungsart"]
    neu = a.auf_heutigen_gebietsstand(roh, schluessel)
    assert neu["wert"].dtype == roh["wert"].dtype
    assert set(neu["ags"]) == set(daten.kreise()["ags"])
    v = a.vergleiche(neu, daten.lade("kindertagesbetreuung"), schluessel)
    # nur die beiden eingebauten Wertfehler bleiben übrig
    assert v.nur_links.empty and v.nur_rechts.empty and len(v.verschieden) == 2


def test_korrigiere():
    t = pd.DataFrame({"ags": ["1", "2"], "jahr": [1, 1], "wert": [10, 20]})
    neu = a.korrigiere(t, {"ags": "2"}, 2, "Tippfehler")
    assert list(neu["wert"]) == [10, 2] and list(t["wert"]) == [10, 20]
    assert neu.attrs["korrekturen"][0]["grund"] == "Tippfehler"
    assert a.wert_an(t, {"ags": "1"}) == 10
    with pytest.raises(daten.DatenFehler, match="trifft 2 Zeilen"):
        a.korrigiere(t, {"jahr": 1}, 0, "x")
    with pytest.raises(daten.DatenFehler, match="keine Spalte"):
        a.korrigiere(t, {"gibtsnicht": 1}, 0, "x")


def test_vergleiche():
    links = pd.DataFrame({"k": ["a", "b", "c"], "wert": [1, 2, 3]})
    rechts = pd.DataFrame({"k": ["c", "b", "d"], "wert": [3.0, 5.0, 4.0]})
    v = a.vergleiche(links, rechts, ["k"], namen=("roh", "sauber"))
    assert not v.gleich
    assert list(v.nur_links["k"]) == ["a"] and list(v.nur_rechts["k"]) == ["d"]
    assert list(v.verschieden["k"]) == ["b"]
    assert "1 Zeilen nur in „roh“" in repr(v)
    assert a.vergleiche(links, links.iloc[::-1], ["k"]).gleich


def test_rangvergleich():
    erste = pd.DataFrame({"ags": ["17101", "17102", "17"], "jahr": 2024, "wert": [1.0, 2.0, 9.0]})
    zweite = pd.DataFrame({"ags": ["17101", "17102"], "jahr": 2024, "wert": [5.0, 3.0]})
    t = a.rangvergleich(erste, zweite, 2024, ("A", "B"))
    assert list(t["ags"]) == ["17102", "17101"]
    assert list(t["rangwechsel"]) == [1, -1]
    with pytest.raises(daten.DatenFehler):
        a.rangvergleich(erste, zweite, 1990, ("A", "B"))
