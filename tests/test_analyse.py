"""Analyse: Veränderung, Index, Standardisierung, ähnliche Kommunen, Typen, Sätze."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from bimo.fehler import ParameterFehler
from bimo.kapitel import analyse


@pytest.fixture
def klein():
    """Drei Kreise, zwei Merkmale – von Hand nachrechenbar."""
    return pd.DataFrame(
        {"a": [0.0, 2.0, 4.0], "b": [10.0, 10.0, 40.0]},
        index=pd.Index(["17101", "17102", "17151"], name="ags"),
    )


def test_standardisiere_von_hand(klein):
    z = analyse.standardisiere(klein)
    # a: Mittel 2, Standardabweichung (durch n) sqrt(8/3)
    s = math.sqrt(8 / 3)
    assert z["a"].tolist() == pytest.approx([-2 / s, 0, 2 / s])
    # b: Mittel 20, Standardabweichung sqrt((100 + 100 + 400) / 3) = sqrt(200)
    assert z["b"].tolist() == pytest.approx([-10 / math.sqrt(200)] * 2 + [20 / math.sqrt(200)])


def test_standardisiere_konstantes_merkmal():
    with pytest.raises(ParameterFehler, match="denselben Wert"):
        analyse.standardisiere(pd.DataFrame({"a": [1.0, 1.0]}))


def test_aehnliche_kommunen_von_hand(klein):
    ergebnis = analyse.aehnliche_kommunen("17101", merkmale=["a", "b"], anzahl=2, tabelle=klein)
    assert ergebnis["ags"].tolist() == ["17102", "17151"]
    s = math.sqrt(8 / 3)
    # 17102: nur a unterscheidet sich, um 2 / s; 17151: a um 4 / s, b um 30 / sqrt(200)
    assert ergebnis["abstand"].tolist() == pytest.approx(
        [2 / s, math.hypot(4 / s, 30 / math.sqrt(200))]
    )
    assert ergebnis["name"].tolist() == ["Hafenstedt", "Landkreis Nordmark"]


def test_aehnliche_kommunen_ohne_sich_selbst_und_anzahl(klein):
    ergebnis = analyse.aehnliche_kommunen("17151", merkmale=["a"], anzahl=1, tabelle=klein)
    assert ergebnis["ags"].tolist() == ["17102"]


def test_aehnliche_kommunen_fehler(klein):
    with pytest.raises(ParameterFehler, match="gibt es in der Tabelle nicht"):
        analyse.aehnliche_kommunen("99999", merkmale=["a"], tabelle=klein)
    with pytest.raises(ParameterFehler, match="fehlen die Merkmale"):
        analyse.aehnliche_kommunen("17101", merkmale=["x"], tabelle=klein)
    with pytest.raises(ParameterFehler, match="Jahr"):
        analyse.aehnliche_kommunen("17101")


def test_aehnliche_kommunen_musterland():
    ergebnis = analyse.aehnliche_kommunen("17253", 2024, anzahl=3)
    assert len(ergebnis) == 3
    assert "17253" not in ergebnis["ags"].tolist()
    assert ergebnis["abstand"].is_monotonic_increasing


def _reihe():
    return pd.DataFrame(
        {
            "ags": ["1"] * 3 + ["2"] * 3,
            "jahr": [2014, 2019, 2024] * 2,
            "zaehler": [10, 20, 30, 100, 100, 100],
            "wert": [40.0, 42.0, 44.0, 20.0, 20.0, 10.0],
        }
    )


def test_veraenderung_prozentpunkte_und_prozent():
    v = analyse.veraenderung(_reihe(), ["1", "2"], 2024).set_index("ags")
    assert v.at["1", "prozentpunkte_10j"] == pytest.approx(4.0)
    assert v.at["1", "prozent_10j"] == pytest.approx(10.0)
    assert v.at["1", "prozentpunkte_5j"] == pytest.approx(2.0)
    assert v.at["2", "prozent_5j"] == pytest.approx(-50.0)


def test_indexreihe():
    i = analyse.indexreihe(_reihe(), 2014)
    assert i[i["ags"] == "1"]["index"].tolist() == pytest.approx([100, 105, 110])
    with pytest.raises(ParameterFehler, match="Basisjahr"):
        analyse.indexreihe(_reihe(), 1999)


def test_schwankung():
    s = analyse.schwankung(_reihe(), ["2"]).iloc[0]
    assert s["mittlerer_sprung"] == pytest.approx(5.0)
    assert s["groesster_sprung"] == pytest.approx(10.0)
    assert s["mittlere_fallzahl"] == pytest.approx(100.0)


def test_raenge():
    t = _reihe()
    r = analyse.raenge(t, 2024)
    assert r["ags"].tolist() == ["1", "2"] and r["rang"].tolist() == [1, 2]
    assert r["abstand_zum_naechsten"].iloc[0] == pytest.approx(34.0)


def test_typisiere(klein):
    t = analyse.typisiere(klein, {"a": "A"})
    assert t.loc["17101", "typ"] == "A niedrig, b niedrig"
    assert t.loc["17151", "typ"] == "A hoch, b hoch"


def test_saetze():
    assert (
        analyse.satz_vergleich("Talgrund", 31.2, "dem Land", 35.3)
        == "Talgrund liegt mit 31,2\u00a0% um 4,1 Prozentpunkte unter dem Land (35,3\u00a0%)."
    )
    assert "über" in analyse.satz_vergleich("X", 40.0, "dem Land", 35.0)
    assert "gleichauf" in analyse.satz_vergleich("X", 35.01, "dem Land", 35.0)
    satz = analyse.satz_veraenderung("Talgrund", 40.0, 2014, 44.0, 2024)
    assert "stieg" in satz and "4,0 Prozentpunkte" in satz and "10,0\u00a0%" in satz
    assert "sank" in analyse.satz_veraenderung("X", 40.0, 2014, 30.0, 2024)
    assert "gleich" in analyse.satz_veraenderung("X", 40.0, 2014, 40.0, 2024)


def test_formatiere():
    t = analyse.formatiere(
        pd.DataFrame({"w": [1234.56, float("nan")]}), {"w": 1}, prozentspalten=()
    )
    assert t["w"].tolist() == ["1.234,6", "."]


def test_werte_hat_namen_und_kreistyp():
    w = analyse.werte("uebergangsquote_gymnasium")
    assert {"name", "art", "zaehler", "nenner"} <= set(w.columns)
    assert set(w["art"]) == {"Kreisfreie Stadt", "Landkreis", "Land"}


def test_gruppenquote_aus_summen_nicht_mittel():
    t = pd.DataFrame(
        {"ags": ["1", "2"], "jahr": [2024, 2024], "zaehler": [1, 30], "nenner": [10, 90]}
    )
    t["wert"] = t["zaehler"] / t["nenner"] * 100
    g = analyse.gruppenquote(t, ["1", "2"], "Gruppe")
    assert g["wert"].iloc[0] == pytest.approx(31 / 100 * 100)  # nicht (10 + 33,3) / 2
    with pytest.raises(ParameterFehler):
        analyse.gruppenquote(t, ["9"], "leer")


def test_vergleich_musterland():
    t = analyse.werte("uebergangsquote_gymnasium")
    v = analyse.vergleich(t, "17253", 2024, {"Nachbarn": ["17159", "17255"]})
    assert v["vergleich"].tolist() == ["Landkreis Kornboden", "Musterland", "Nachbarn"]
    assert v["differenz_pp"].iloc[0] == 0
    land = t[(t["ags"] == "17") & (t["jahr"] == 2024)]["wert"].iloc[0]
    assert v["differenz_pp"].iloc[1] == pytest.approx(v["wert"].iloc[0] - land)


def test_indexgrafik_ganzzahlige_achse():
    t = _reihe().assign(name=lambda d: "Gebiet " + d["ags"])
    bild = analyse.indexgrafik(t, 2014, titel="Index", quelle="Test")
    orte = bild.figur.axes[0].get_yticks()
    assert all(float(o).is_integer() for o in orte)
    assert "Index" in bild.alt


def test_vergleich_anzeige_formatiert_und_schuetzt():
    t = pd.DataFrame(
        {
            "vergleich": ["A", "B"],
            "jahr": [2024, 2024],
            "zaehler": [2, 300],
            "nenner": [10, 1000],
            "wert": [20.0, 30.0],
            "differenz_pp": [0.0, -10.0],
        }
    )
    text = analyse.vergleich_anzeige(t)
    assert text["wert"].tolist() == [".", "30,0\u00a0%"]
    assert text["differenz_pp"].tolist() == [".", "-10,0"]
    assert "differenz_pp" not in analyse.vergleich_anzeige(t, mit_differenz=False)
