"""Geheimhaltung der Quotentabellen: primär, vererbt, sekundär gegen Differenzbildung."""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bimo import geheimhaltung
from bimo.fehler import GeheimhaltungsFehler


def _tabelle(teile: dict[str, tuple[int, int]], jahr: int = 2024) -> pd.DataFrame:
    zeilen = [{"ags": a, "jahr": jahr, "zaehler": z, "nenner": n} for a, (z, n) in teile.items()]
    land_z = sum(z for z, _ in teile.values())
    land_n = sum(n for _, n in teile.values())
    zeilen.append({"ags": "17", "jahr": jahr, "zaehler": land_z, "nenner": land_n})
    t = pd.DataFrame(zeilen)
    t["wert"] = t["zaehler"] / t["nenner"] * 100
    return t


def test_fallzahlregel_echte_null_ist_nicht_sensibel():
    werte = pd.Series([0, 1, 2, 3, 10])
    assert list(geheimhaltung.ist_primaer_gesperrt(werte, 3)) == [False, True, True, False, False]


def test_quote_erbt_sperrung_des_zaehlers():
    t = _tabelle({"17001": (2, 40), "17002": (30, 50)}).iloc[:2]
    v = geheimhaltung.schuetze_quoten(t)
    assert v.gesperrt.loc[0, ["zaehler", "nenner", "wert"]].all()
    assert not v.gesperrt.loc[1].any()
    assert v.tabelle.loc[0, ["zaehler", "nenner", "wert"]].isna().all()


def test_anzeige_zeigt_punkt_und_deutsche_zahlen():
    t = _tabelle({"17001": (2, 40), "17002": (1300, 5000)}).iloc[:2]
    anzeige = geheimhaltung.schuetze_quoten(t).anzeige(
        stellen={"wert": 1}, prozentspalten=("wert",)
    )
    assert list(anzeige.loc[0, ["zaehler", "nenner", "wert"]]) == [".", ".", "."]
    assert list(anzeige.loc[1, ["zaehler", "nenner", "wert"]]) == ["1.300", "5.000", "26,0\u00a0%"]
    assert anzeige.loc[1, "jahr"] == 2024  # Jahre werden nicht als Zahl formatiert


def test_ohne_sekundaere_sperrung_waere_zurueckrechenbar():
    t = _tabelle({"17001": (2, 40), "17002": (30, 50), "17003": (70, 90)})
    nur_primaer = geheimhaltung.schuetze_quoten(t)
    # Land minus veröffentlichte Kreise ergibt den gesperrten Wert genau:
    sichtbar = nur_primaer.tabelle
    rest = (
        sichtbar.loc[sichtbar["ags"] == "17", "zaehler"].iloc[0]
        - sichtbar.loc[sichtbar["ags"].isin(["17002", "17003"]), "zaehler"].sum()
    )
    assert rest == 2


def test_summenzeile_erzwingt_zweite_sperrung():
    t = _tabelle({"17001": (2, 40), "17002": (30, 50), "17003": (70, 90)})
    v = geheimhaltung.schuetze_quoten(t, summenzeile="17")
    gesperrt = set(v.tabelle.loc[v.tabelle["zaehler"].isna(), "ags"])
    assert gesperrt == {"17001", "17002"}  # die kleinste Zelle, die genügt
    assert not v.tabelle.loc[v.tabelle["ags"] == "17", "zaehler"].isna().any()


def test_keine_sperrung_ohne_kleine_zahlen():
    t = _tabelle({"17001": (20, 40), "17002": (30, 50)})
    assert geheimhaltung.schuetze_quoten(t, summenzeile="17").anzahl_gesperrt == 0


def test_unmoegliche_sperrung_meldet_sich():
    t = _tabelle({"17001": (2, 40), "17002": (0, 50)})
    with pytest.raises(GeheimhaltungsFehler, match="Sperrung unmöglich"):
        geheimhaltung.schuetze_quoten(t, summenzeile="17")


def test_fehlende_spalten_deutsche_meldung():
    with pytest.raises(GeheimhaltungsFehler, match="fehlen die Spalten nenner"):
        geheimhaltung.schuetze_quoten(
            pd.DataFrame({"ags": ["1"], "jahr": [1], "zaehler": [1], "wert": [1.0]})
        )


def _angreifer_intervall(t: pd.DataFrame, v: geheimhaltung.Veroeffentlichung, spalte: str):
    """Was ein Angreifer aus Summe und veröffentlichten Teilen über die gesperrten Teile weiß:
    Die gesperrten Teile summieren sich zu S ≥ 0; jeder liegt also in [0, S]."""
    teile = v.tabelle[v.tabelle["ags"] != "17"]
    summe = t.loc[t["ags"] == "17", spalte].iloc[0]
    return summe - teile[spalte].dropna().sum()


@pytest.mark.langsam
@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.tuples(st.integers(0, 12), st.integers(0, 12)), min_size=2, max_size=8),
    st.integers(2, 5),
)
def test_eigenschaft_kein_gesperrter_wert_zurueckrechenbar(werte, t_min):
    teile = {f"17{i:03d}": (z, n + z) for i, (z, n) in enumerate(werte)}
    t = _tabelle(teile)
    try:
        v = geheimhaltung.schuetze_quoten(t, summenzeile="17", mindestfallzahl=t_min)
    except GeheimhaltungsFehler:
        return  # ehrlich abgelehnt ist auch sicher
    for spalte in ("zaehler", "nenner"):
        primaer = t[(t["ags"] != "17") & geheimhaltung.ist_primaer_gesperrt(t[spalte], t_min)]
        # 1. kein sensibler Wert wird veröffentlicht
        assert v.tabelle.loc[primaer.index, spalte].isna().all()
        if primaer.empty:
            continue
        # 2. der Angreifer kann weder ausschließen, dass ein Wert die Schwelle erreicht (UPL),
        #    noch dass er null ist (LPL = 1)
        s = _angreifer_intervall(t, v, spalte)
        for a in primaer[spalte]:
            assert s >= a + max(1, t_min - a)


def test_angreiferpruefung_verweigert_ein_zu_schwaches_muster(monkeypatch):
    """Fällt die sekundäre Sperrung aus, hält die Prüfung vor der Rückgabe die Tabelle auf."""
    from bimo.geheimhaltung import eindimensional

    monkeypatch.setattr(eindimensional, "_sekundaer", lambda _t, gesperrt, *_a: gesperrt)
    t = _tabelle({"17001": (2, 40), "17002": (30, 50), "17003": (70, 90)})
    with pytest.raises(GeheimhaltungsFehler, match="Angreiferprüfung"):
        geheimhaltung.schuetze_quoten(t, summenzeile="17")
