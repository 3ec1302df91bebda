"""Betreuungsquote: von Hand nachgerechnet."""

from __future__ import annotations

import pandas as pd
import pytest

from bimo import indikatoren
from bimo.fehler import ParameterFehler


def _kita(zeilen):
    return pd.DataFrame(zeilen, columns=["ags", "jahr", "altersgruppe", "betreuungsart", "wert"])


def _bev(zeilen):
    return pd.DataFrame(zeilen, columns=["ags", "jahr", "geschlecht", "alter", "wert"])


@pytest.fixture
def klein():
    kita = _kita(
        [
            ("17001", 2024, "unter 3", "Kindertageseinrichtung", 30),
            ("17001", 2024, "unter 3", "Kindertagespflege", 10),
            ("17001", 2024, "3 bis unter 6", "Kindertageseinrichtung", 95),
            ("17001", 2024, "3 bis unter 6", "Kindertagespflege", 1),
            ("17002", 2024, "unter 3", "Kindertageseinrichtung", 20),
            ("17002", 2024, "unter 3", "Kindertagespflege", 0),
        ]
    )
    bev = []
    for ags, je_alter_vorjahr, je_alter_jahr in (("17001", 20, 50), ("17002", 40, 10)):
        for alter in range(6):
            for geschlecht in ("maennlich", "weiblich"):
                bev.append((ags, 2023, geschlecht, alter, je_alter_vorjahr // 2))
                bev.append((ags, 2024, geschlecht, alter, je_alter_jahr // 2))
    return kita, _bev(bev)


def test_quote_von_hand(klein):
    kita, bev = klein
    q = indikatoren.betreuungsquote(kita, bev, "unter 3").set_index("ags")
    # 17001: (30 + 10) / (3 Altersjahre × 20) × 100 = 66,67 – Nenner vom 31.12.2023
    assert q.loc["17001", "zaehler"] == 40
    assert q.loc["17001", "nenner"] == 60
    assert q.loc["17001", "wert"] == pytest.approx(200 / 3)
    # 17002: 20 / 120 × 100
    assert q.loc["17002", "wert"] == pytest.approx(100 / 6)


def test_nenner_ist_vorjahr(klein):
    kita, bev = klein
    q = indikatoren.betreuungsquote(kita, bev, "unter 3")
    assert set(q["jahr"]) == {2024}  # für 2025 fehlt der Zähler, für 2023 der Nenner (31.12.2022)


def test_drei_bis_sechs(klein):
    kita, bev = klein
    q = indikatoren.betreuungsquote(kita, bev, "3 bis unter 6").set_index("ags")
    assert q.loc["17001", "wert"] == pytest.approx(96 / 60 * 100)  # über 100 % ist möglich


def test_land_aus_summen_nicht_aus_mittel(klein):
    kita, bev = klein
    q = indikatoren.mit_land(indikatoren.betreuungsquote(kita, bev, "unter 3"))
    land = q[q["ags"] == "17"].iloc[0]
    assert land["zaehler"] == 60 and land["nenner"] == 180
    assert land["wert"] == pytest.approx(100 / 3)
    assert land["wert"] != pytest.approx((200 / 3 + 100 / 6) / 2)


def test_unbekannte_altersgruppe():
    with pytest.raises(ParameterFehler, match="Unbekannte Altersgruppe „unter 4“.*„unter 3“"):
        indikatoren.kinder_in_betreuung(_kita([]), "unter 4")


def test_register_vollstaendig_beschrieben():
    for ind in indikatoren.REGISTER.values():
        for feld in (
            "name",
            "themenfeld",
            "definition",
            "zaehler",
            "nenner",
            "quelle",
            "stichtag",
            "einheit",
        ):
            assert getattr(ind, feld).strip(), (ind.kennung, feld)
        tabelle = ind.berechne()
        assert {"ags", "jahr", "zaehler", "nenner", "wert"} <= set(tabelle.columns)
        assert "17" in set(tabelle["ags"])


def test_unbekannter_indikator():
    with pytest.raises(ParameterFehler, match="Unbekannter Indikator"):
        indikatoren.indikator("quote_x")


def test_musterland_stimmt_mit_rohdaten(wurzel):
    """Unabhängig nachgerechnet direkt aus den CSV-Dateien."""
    kita = pd.read_csv(wurzel / "datasets/musterland/kindertagesbetreuung.csv", dtype={"ags": str})
    bev = pd.read_csv(wurzel / "datasets/musterland/bevoelkerung.csv", dtype={"ags": str})
    z = kita.query("ags == '17252' and jahr == 2024 and altersgruppe == 'unter 3'")["wert"].sum()
    n = bev.query("ags == '17252' and jahr == 2023 and alter < 3")["wert"].sum()
    q = (
        indikatoren.indikator("betreuungsquote_u3")
        .berechne()
        .query("ags == '17252' and jahr == 2024")
    )
    assert q["wert"].iloc[0] == pytest.approx(z / n * 100)
