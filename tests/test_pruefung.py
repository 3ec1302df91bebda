"""Plausibilitätsprüfung ``pruefe``: jede Auffälligkeit genau einmal, saubere Daten still."""

from __future__ import annotations

import json
import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bimo import daten
from bimo.daten.pruefung import PRUEFUNGEN, Pruefbericht, pruefe
from bimo.fehler import DatenFehler
from bimo.indikatoren import indikator

JAHRE = [2018, 2019, 2020, 2021]
ERKLAERUNG = "Kinder werden am Ort der Betreuung gezählt, die Bevölkerung am Wohnort."


def _reihe(werte_je_ags: dict[str, list[float]], jahre=JAHRE) -> pd.DataFrame:
    """ags × jahr with the given values (one list per region)."""
    zeilen = [
        {"ags": ags, "jahr": jahr, "wert": wert}
        for ags, werte in werte_je_ags.items()
        for jahr, wert in zip(jahre, werte, strict=True)
    ]
    return pd.DataFrame(zeilen)


def _nach_geschlecht(land: bool = True) -> pd.DataFrame:
    """Kreise (and the Land) × Jahr × Geschlecht with consistent totals."""
    zeilen = []
    for i, ags in enumerate(["17101", "17102", "17201"]):
        for k, jahr in enumerate(JAHRE):
            m, w = 1000 + 100 * i + k, 1050 + 100 * i + 2 * k
            zeilen += [
                {"ags": ags, "jahr": jahr, "geschlecht": "maennlich", "wert": m},
                {"ags": ags, "jahr": jahr, "geschlecht": "weiblich", "wert": w},
                {"ags": ags, "jahr": jahr, "geschlecht": "Insgesamt", "wert": m + w},
            ]
    tabelle = pd.DataFrame(zeilen)
    if land:
        summe = tabelle.groupby(["jahr", "geschlecht"], as_index=False)["wert"].sum()
        tabelle = pd.concat([tabelle, summe.assign(ags="17")], ignore_index=True)
    return tabelle


def _einmal(bericht: Pruefbericht, pruefung: str) -> pd.Series:
    """The single finding of a check (fails if there are none or several)."""
    treffer = bericht.tabelle[bericht.tabelle["pruefung"] == pruefung]
    assert len(treffer) == 1, bericht
    return treffer.iloc[0]


def _zeile(tabelle: pd.DataFrame, **schluessel) -> int:
    maske = np.ones(len(tabelle), dtype=bool)
    for spalte, wert in schluessel.items():
        maske &= (tabelle[spalte] == wert).to_numpy()
    (treffer,) = tabelle.index[maske]
    return treffer


# --- clean tables -------------------------------------------------------------------------------


def test_saubere_tabelle_ergibt_leeren_bericht():
    bericht = pruefe(_nach_geschlecht(), name="Bevölkerung")
    assert len(bericht) == 0
    assert bericht.ok
    assert repr(bericht).startswith("Keine Auffälligkeiten in „Bevölkerung“")
    assert "Keine Auffälligkeiten" in bericht._repr_html_()
    # „Insgesamt“ und die Gebietsebenen wurden erkannt und geprüft
    assert {"Teilsummen", "Gebietssummen", "Zeitreihensprünge"} <= set(bericht.geprueft)
    assert list(bericht.tabelle.columns) == [
        "pruefung",
        "schwere",
        "ort",
        "spalte",
        "befund",
        "zeilen",
    ]


# --- one planted problem each ------------------------------------------------------------------


def test_negativer_wert_ist_ein_fehler():
    tabelle = _reihe({"17101": [1000, 1010, 1020, 1030], "17102": [500, 505, 510, 515]})
    i = _zeile(tabelle, ags="17102", jahr=2019)
    tabelle.loc[i, "wert"] = -5
    bericht = pruefe(tabelle, sprung=None)
    befund = _einmal(bericht, "Negative Werte")
    assert len(bericht) == 1
    assert befund["schwere"] == "Fehler"
    assert befund["ort"] == "ags=17102, jahr=2019"
    assert "-5" in befund["befund"]
    assert befund["zeilen"] == (i,)
    assert not bericht.ok


def test_dublette_wird_einmal_mit_beiden_zeilen_gemeldet():
    tabelle = _nach_geschlecht()
    i = _zeile(tabelle, ags="17101", jahr=2019, geschlecht="weiblich")
    doppelt = pd.concat([tabelle, tabelle.loc[[i]]], ignore_index=True)
    bericht = pruefe(doppelt)
    befund = _einmal(bericht, "Doppelte Schlüssel")
    assert len(bericht) == 1  # Summen und Zeitreihen nehmen die erste Zeile
    assert befund["schwere"] == "Fehler"
    assert befund["ort"] == "ags=17101, jahr=2019, geschlecht=weiblich"
    assert befund["zeilen"] == (i, len(tabelle))
    assert "2-mal" in befund["befund"] and "1.052" in befund["befund"]


def test_dublette_mit_anderem_wert_nennt_beide_werte():
    tabelle = _reihe({"17101": [1000, 1010, 1020, 1030]})
    anders = tabelle.iloc[[1]].assign(wert=1111)
    bericht = pruefe(pd.concat([tabelle, anders], ignore_index=True))
    befund = _einmal(bericht, "Doppelte Schlüssel")
    assert "verschiedenen Werten" in befund["befund"]
    assert "1.010" in befund["befund"] and "1.111" in befund["befund"]


def test_teilsumme_um_7_daneben():
    tabelle = _nach_geschlecht(land=False)
    i = _zeile(tabelle, ags="17201", jahr=2020, geschlecht="Insgesamt")
    tabelle.loc[i, "wert"] -= 7
    bericht = pruefe(tabelle)
    befund = _einmal(bericht, "Teilsummen")
    assert len(bericht) == 1
    assert befund["schwere"] == "Fehler"
    assert befund["ort"] == "ags=17201, jahr=2020, geschlecht=Insgesamt"
    # 1.202 + 1.254 = 2.456, „Insgesamt“ steht mit 2.449 in der Tabelle
    assert "2.456" in befund["befund"] and "2.449" in befund["befund"]
    assert "Differenz +7" in befund["befund"]
    assert set(befund["zeilen"]) == {i, i - 1, i - 2}


def test_summen_und_teile_ausdruecklich():
    tabelle = _nach_geschlecht(land=False)
    darunter = tabelle[tabelle["geschlecht"] == "weiblich"].assign(geschlecht="darunter: Frauen")
    tabelle = pd.concat([tabelle, darunter], ignore_index=True)
    # ohne teile zählt „darunter: Frauen“ als Teil: 3 Kreise × 4 Jahre falsche Summen
    assert len(pruefe(tabelle, summen={"geschlecht": "Insgesamt"})) == 12
    sauber = pruefe(
        tabelle,
        summen={"geschlecht": "Insgesamt"},
        teile={"geschlecht": ["maennlich", "weiblich"]},
    )
    assert len(sauber) == 0
    assert "Teilsummen" not in pruefe(tabelle, summen={}).geprueft


def test_kreise_ergeben_nicht_das_land():
    tabelle = _reihe({"17101": [1000] * 4, "17102": [1100] * 4, "17": [2100] * 4})
    i = _zeile(tabelle, ags="17", jahr=2020)
    tabelle.loc[i, "wert"] = 2200
    bericht = pruefe(tabelle, sprung=None)
    befund = _einmal(bericht, "Gebietssummen")
    assert len(bericht) == 1
    assert befund["schwere"] == "Fehler"
    assert befund["ort"] == "ags=17, jahr=2020"
    assert befund["befund"] == (
        "Die 2 Kreise ergeben zusammen 2.100, Land 17 hat 2.200: Differenz -100."
    )


def test_gebietshierarchie_regierungsbezirk_und_gemeinden():
    # Gemeinden -> Kreis -> Regierungsbezirk -> Land; ein Kreis ist um 30 zu groß
    werte = {
        "17101000": [400] * 4,
        "17151001": [100] * 4,
        "17151002": [150] * 4,
        "17101": [400] * 4,
        "17151": [250] * 4,
        "17201": [300] * 4,
        "171": [650] * 4,
        "172": [300] * 4,
        "17": [950] * 4,
    }
    tabelle = _reihe(werte)
    assert len(pruefe(tabelle)) == 0
    i = _zeile(tabelle, ags="17151", jahr=2019)
    tabelle.loc[i, "wert"] = 280
    bericht = pruefe(tabelle, sprung=None)
    # Die Gemeinden ergeben den Kreis nicht mehr, und der Kreis sprengt seinen Bezirk
    gefunden = bericht.tabelle.set_index("ort")["befund"]
    assert len(bericht) == 2, bericht
    assert (
        "Die 2 Gemeinden ergeben zusammen 250, Kreis 17151 hat 280"
        in gefunden["ags=17151, jahr=2019"]
    )
    assert (
        "Die 2 Kreise ergeben zusammen 680, Regierungsbezirk 171 hat 650"
        in gefunden["ags=171, jahr=2019"]
    )


@pytest.mark.parametrize("typ", ["str", "string", "object"])
def test_textspalten_jeder_art(typ):
    tabelle = _nach_geschlecht()
    tabelle = tabelle.astype({"ags": typ, "geschlecht": typ})
    assert len(pruefe(tabelle)) == 0
    i = _zeile(tabelle, ags="17", jahr=2021, geschlecht="maennlich")
    tabelle.loc[i, "wert"] += 1
    bericht = pruefe(tabelle)
    assert "Differenz -1" in _einmal(bericht, "Gebietssummen")["befund"]
    assert "Differenz +1" in _einmal(bericht, "Teilsummen")["befund"]


def test_einzelner_teil_und_einzelner_kreis():
    tabelle = pd.DataFrame(
        {
            "ags": ["17", "17101", "17101"],
            "jahr": 2020,
            "art": ["Insgesamt", "Insgesamt", "Kita"],
            "wert": [5, 6, 6],
        }
    )
    befund = _einmal(pruefe(tabelle), "Gebietssummen")["befund"]
    assert befund == "Darunter steht nur Kreis 17101 mit 6, Land 17 hat 5: Differenz +1."
    tabelle.loc[2, "wert"] = 4
    befund = _einmal(pruefe(tabelle, hierarchie=False), "Teilsummen")["befund"]
    assert befund == "Der einzige Teil art=Kita hat 4, „Insgesamt“ ist 6: Differenz -2."


def test_gebietsschluessel_als_zahl_wird_angemahnt():
    tabelle = _reihe({"17101": [1, 1, 1, 1], "1001": [2, 2, 2, 2]})
    bericht = pruefe(tabelle.assign(ags=tabelle["ags"].astype(int)))
    schluessel = bericht.nur("Gebietsschlüssel").tabelle
    assert list(schluessel["schwere"]) == ["Warnung", "Warnung"]
    assert "als Zahl gespeichert" in schluessel["befund"].iloc[0]
    assert "„1001“ hat 4 Zeichen" in schluessel["befund"].iloc[1]


def test_fehlendes_jahr_einer_region():
    tabelle = _reihe({"17101": [1000, 1010, 1020, 1030], "17102": [500, 505, 510, 515]})
    tabelle = tabelle.drop(index=_zeile(tabelle, ags="17102", jahr=2020))
    bericht = pruefe(tabelle)
    befund = _einmal(bericht, "Zeitreihenlücken")
    assert len(bericht) == 1
    assert befund["schwere"] == "Warnung"
    assert befund["ort"] == "ags=17102"
    assert "2020" in befund["befund"] and "2018 bis 2021" in befund["befund"]


def test_fehlendes_jahr_in_einer_reihe():
    tabelle = _nach_geschlecht(land=False)
    tabelle = tabelle.drop(index=_zeile(tabelle, ags="17101", jahr=2019, geschlecht="weiblich"))
    bericht = pruefe(tabelle, summen={})
    befund = _einmal(bericht, "Zeitreihenlücken")
    assert befund["ort"] == "ags=17101, geschlecht=weiblich"
    assert "fehlt das Jahr 2019" in befund["befund"]


def test_zweijaehrliche_daten_haben_keine_luecken():
    tabelle = _reihe({"17101": [10, 11, 12, 13]}, jahre=[2017, 2019, 2021, 2023])
    assert len(pruefe(tabelle)) == 0
    luecke = _einmal(pruefe(tabelle.drop(index=2)), "Zeitreihenlücken")
    assert "fehlt das Jahr 2021" in luecke["befund"]


def test_gebietsreform_ist_ein_hinweis():
    tabelle = pd.concat(
        [
            _reihe({"17101": [1000] * 4}),
            _reihe({"17154": [300, 310]}, jahre=[2018, 2019]),
            _reihe({"17159": [500, 510]}, jahre=[2020, 2021]),
        ],
        ignore_index=True,
    )
    bericht = pruefe(tabelle)
    assert bericht.ok
    hinweise = bericht.nur("Zeitreihenlücken", schwere="Hinweis").tabelle
    assert list(hinweise["ort"]) == ["ags=17154", "ags=17159"]
    assert "endet schon 2019" in hinweise["befund"].iloc[0]
    assert "beginnt erst 2020" in hinweise["befund"].iloc[1]


def test_sprung_hin_und_zurueck_ist_eine_warnung():
    tabelle = _reihe(
        {"17101": [1000, 1000, 3000, 1000, 1000], "17102": [800, 810, 820, 830, 840]},
        jahre=[2018, 2019, 2020, 2021, 2022],
    )
    bericht = pruefe(tabelle)
    befund = _einmal(bericht, "Zeitreihensprünge")
    assert len(bericht) == 1
    assert befund["schwere"] == "Warnung"
    assert befund["ort"] == "ags=17101, jahr=2020"
    assert "von 1.000 (2019) auf 3.000 (2020, +200" in befund["befund"]
    assert "2021 zurück auf 1.000" in befund["befund"]


def test_bleibender_sprung_ist_ein_hinweis():
    tabelle = _reihe({"17101": [1000, 1000, 3000, 3000]})
    befund = _einmal(pruefe(tabelle), "Zeitreihensprünge")
    assert befund["schwere"] == "Hinweis"
    assert "bleibt danach auf dieser Höhe" in befund["befund"]


def test_kleine_spruenge_mit_mindestbetrag():
    tabelle = _reihe({"17101": [20, 30, 20, 21]})
    assert len(pruefe(tabelle).nur("Sprünge")) == 1
    assert len(pruefe(tabelle, sprung_mindestens=20).nur("Sprünge")) == 0
    assert "Zeitreihensprünge" not in pruefe(tabelle, sprung=None).geprueft


def test_quote_ueber_100_ohne_erklaerung_ist_ein_fehler():
    tabelle = _reihe({"17101": [95.0, 96.5, 104.0, 97.0], "17102": [50.0, 51.0, 52.0, 53.0]})
    bericht = pruefe(tabelle, quoten={"wert": None}, sprung=None)
    befund = _einmal(bericht, "Quoten über 100 %")
    assert len(bericht) == 1
    assert befund["schwere"] == "Fehler"
    assert befund["ort"] == "ags=17101"
    assert "104,0\u00a0% (2020)" in befund["befund"]


def test_quote_ueber_100_mit_erklaerung_ist_ein_hinweis():
    tabelle = _reihe({"17101": [95.0, 96.5, 104.0, 97.0], "17102": [50.0, 51.0, 52.0, 53.0]})
    bericht = pruefe(tabelle, quoten={"wert": ERKLAERUNG}, sprung=None)
    befund = _einmal(bericht, "Quoten über 100 %")
    assert bericht.ok
    assert befund["schwere"] == "Hinweis"
    assert "104,0\u00a0%" in befund["befund"] and ERKLAERUNG in befund["befund"]
    # Quoten werden nicht summiert: ein Land mit einer Quote stört die Gebietssummen nicht
    mit_land = pd.concat([tabelle, _reihe({"17": [70.0, 71.0, 72.0, 73.0]})], ignore_index=True)
    assert pruefe(mit_land, quoten=["wert"]).nur("Gebietssummen").tabelle.empty


def test_fehlender_wert_ohne_zeichen_aber_nicht_mit_punkt():
    tabelle = _reihe({"17101": [1000, 1010, 1020, 1030], "17102": [500, 505, 510, 515]})
    tabelle["zeichen"] = pd.Series([""] * len(tabelle), dtype="str")
    ohne = _zeile(tabelle, ags="17101", jahr=2019)
    mit = _zeile(tabelle, ags="17102", jahr=2020)
    tabelle.loc[[ohne, mit], "wert"] = math.nan
    tabelle.loc[mit, "zeichen"] = "."
    bericht = pruefe(tabelle)
    befund = _einmal(bericht, "Fehlende und ungültige Werte")
    assert len(bericht) == 1
    assert befund["schwere"] == "Fehler"
    assert befund["ort"] == "ags=17101, jahr=2019"
    assert befund["zeilen"] == (ohne,)
    assert "kein Zeichen" in befund["befund"]


def test_zeichen_in_der_wertspalte_und_unendlich():
    tabelle = pd.DataFrame(
        {
            "ags": ["17101", "17102", "17151"],
            "jahr": [2020, 2020, 2020],
            "wert": pd.Series(["12", ".", "1,5"], dtype="str"),
        }
    )
    befunde = pruefe(tabelle).tabelle["befund"].tolist()
    assert len(befunde) == 2
    assert "„.“" in befunde[0] and "eigene Spalte" in befunde[0]
    assert "„1,5“" in befunde[1] and "Dezimalkomma" in befunde[1]
    unendlich = _reihe({"17101": [1.0, math.inf, 1.0, 1.0]})
    assert "unendlich" in _einmal(pruefe(unendlich), "Fehlende und ungültige Werte")["befund"]


def test_wertebereich():
    tabelle = pd.DataFrame(
        {"ags": "17101", "jahr": 2020, "alter": [0, 45, 90, 130], "wert": [5, 6, 7, 8]}
    )
    befund = _einmal(pruefe(tabelle, bereiche={"alter": (0, 90)}), "Wertebereich")
    assert befund["schwere"] == "Fehler"
    assert befund["befund"] == "alter=130 liegt außerhalb des Bereichs von 0 bis 90."


# --- the report ---------------------------------------------------------------------------------


def test_bericht_zusammenfassung_filter_und_anzeige():
    tabelle = _reihe(
        {"17101": [1000, -5, 1000, 1000, 1000], "17102": [500, 500, 1500, 500, 500]},
        jahre=[2018, 2019, 2020, 2021, 2022],
    )
    tabelle = pd.concat([tabelle, tabelle.iloc[[0]]], ignore_index=True)
    bericht = pruefe(tabelle, name="Muster <Test>")
    assert bericht.zusammenfassung == "2 Fehler, 2 Warnungen in „Muster <Test>“"
    assert list(bericht.tabelle["schwere"]) == ["Fehler", "Fehler", "Warnung", "Warnung"]
    assert len(bericht.nur("negativ")) == 1
    assert len(bericht.nur("Zeitreihe")) == 2
    assert len(bericht.nur(schwere="Warnung")) == 2
    assert bericht.nur("Doppelte").tabelle["ort"].tolist() == ["ags=17101, jahr=2018"]
    assert bericht.anzahl("Hinweis") == 0
    text = repr(bericht)
    assert text.splitlines()[0] == bericht.zusammenfassung
    assert "pruefung" in text and "ags=17102, jahr=2020" in text
    html = bericht._repr_html_()
    assert "Muster &lt;Test&gt;" in html and "<table" in html
    with pytest.raises(DatenFehler, match="Keine Prüfung heißt „Tippfehler“"):
        bericht.nur("Tippfehler")
    with pytest.raises(DatenFehler, match="Schweregrad"):
        bericht.nur(schwere="fehler")


def test_einzahl_und_lange_berichte():
    tabelle = _reihe({f"17{i:03d}": [-1, 1, 1, 1] for i in range(101, 161)})
    bericht = pruefe(tabelle, zeitreihe=False)
    assert bericht.zusammenfassung == "60 Fehler in der Tabelle"
    assert "… und 10 weitere Befunde" in repr(bericht)
    assert pruefe(tabelle.iloc[:4], zeitreihe=False).zusammenfassung == "1 Fehler in der Tabelle"


def test_zeilen_sind_die_indexbezeichnungen_der_tabelle():
    tabelle = _reihe({"17101": [1000, -1, 1000, 1000]}).set_axis(list("abcd"))
    assert _einmal(pruefe(tabelle, sprung=None), "Negative Werte")["zeilen"] == ("b",)


# --- wrong arguments ------------------------------------------------------------------------------


def test_fehlende_spalte_nennt_die_vorhandenen():
    tabelle = _reihe({"17101": [1, 2, 3, 4]})
    with pytest.raises(DatenFehler, match="„anzahl“ fehlt.*ags, jahr, wert"):
        pruefe(tabelle, wert="anzahl")
    with pytest.raises(DatenFehler, match="„quote“"):
        pruefe(tabelle, quoten={"quote": None})
    with pytest.raises(DatenFehler, match="„gebiet“"):
        pruefe(tabelle, gebiet="gebiet")
    with pytest.raises(DatenFehler, match="„wert“ fehlt"):
        pruefe(tabelle.rename(columns={"wert": "anzahl"}))
    with pytest.raises(DatenFehler, match="„Summe“"):
        pruefe(_nach_geschlecht(), summen={"geschlecht": "Summe"})
    with pytest.raises(DatenFehler, match="sprung"):
        pruefe(tabelle, sprung=-1)
    with pytest.raises(DatenFehler, match="DataFrame"):
        pruefe([1, 2, 3])
    with pytest.raises(DatenFehler, match="Schlüsselspalten"):
        pruefe(tabelle, schluessel=["ags"], zeit="jahr")


def test_daten_machen_nie_eine_ausnahme():
    kaputt = pd.DataFrame(
        {
            "ags": pd.Series(["17101", None, "", "17101"], dtype="str"),
            "jahr": ["2020", "2021", "zwanzig", "2020"],
            "wert": [1.0, None, -3.0, math.inf],
        }
    )
    bericht = pruefe(kaputt)
    assert not bericht.ok
    assert set(bericht.tabelle["pruefung"]) <= set(PRUEFUNGEN)
    assert len(pruefe(kaputt.iloc[:0])) == 0


_ZELLEN = {
    "ags": st.sampled_from(
        ["17", "171", "17101", "17102", "17101000", "1001", "DG", "", None, 17101]
    ),
    "jahr": st.one_of(st.integers(2015, 2020), st.sampled_from(["2019", "2019/20", None])),
    "art": st.sampled_from(["Insgesamt", "a", "b", None]),
    "wert": st.one_of(
        st.floats(allow_nan=True, allow_infinity=True),
        st.integers(-5, 10**6),
        st.sampled_from([".", "-", "1,5", "", None]),
    ),
    "zeichen": st.sampled_from(["", ".", "x", None]),
}


@pytest.mark.langsam
@settings(max_examples=100, deadline=None)
@given(
    zeilen=st.lists(st.fixed_dictionaries(_ZELLEN), max_size=25),
    quoten=st.sampled_from([None, {"wert": None}, {"wert": "erklärt"}]),
)
def test_beliebige_daten_machen_keine_ausnahme(zeilen, quoten):
    tabelle = pd.DataFrame(zeilen, columns=list(_ZELLEN))
    bericht = pruefe(tabelle, quoten=quoten, bereiche={"jahr": (2016, None)})
    assert set(bericht.tabelle["pruefung"]) <= set(PRUEFUNGEN)
    assert set(bericht.tabelle["schwere"]) <= {"Fehler", "Warnung", "Hinweis"}
    assert repr(bericht) and bericht._repr_html_()


# --- Musterland ---------------------------------------------------------------------------------


def test_musterland_kindertagesbetreuung_ohne_fehler():
    kita = daten.lade("kindertagesbetreuung")
    bericht = pruefe(kita, name="Kindertagesbetreuung")
    assert bericht.ok, bericht.nur(schwere="Fehler")
    assert set(bericht.tabelle["pruefung"]) <= {"Zeitreihensprünge"}


def test_musterland_kita_mit_land_und_insgesamt_ist_stimmig():
    kita = daten.lade("kindertagesbetreuung")
    schluessel = ["ags", "jahr", "altersgruppe"]
    insgesamt = kita.groupby(schluessel, as_index=False)["wert"].sum()
    kita = pd.concat([kita, insgesamt.assign(betreuungsart="Insgesamt")], ignore_index=True)
    land = kita.groupby(["jahr", "altersgruppe", "betreuungsart"], as_index=False)["wert"].sum()
    kita = pd.concat([kita, land.assign(ags=daten.LAND_AGS)], ignore_index=True)
    bericht = pruefe(kita, sprung=None)
    assert len(bericht) == 0, bericht
    i = _zeile(kita, ags="17201", jahr=2020, altersgruppe="unter 3", betreuungsart="Insgesamt")
    kita.loc[i, "wert"] += 7
    bericht = pruefe(kita, sprung=None)
    assert "Differenz -7" in _einmal(bericht, "Teilsummen")["befund"]
    assert "Differenz +7" in _einmal(bericht, "Gebietssummen")["befund"]


def test_musterland_bevoelkerung_ohne_fehler():
    bericht = pruefe(daten.lade("bevoelkerung"), bereiche={"alter": (0, 90)})
    assert bericht.ok, bericht.nur(schwere="Fehler")
    assert bericht.nur("Zeitreihenlücken").tabelle.empty


def test_betreuungsquote_3_6_ueber_100_nur_als_hinweis():
    quote = indikator("betreuungsquote_3_6").berechne()
    # Indikatortabelle: zaehler und nenner sind Anzahlen, wert ist eine Quote
    ohne = pruefe(quote)
    assert set(ohne.nur(schwere="Fehler").tabelle["pruefung"]) == {"Quoten über 100 %"}
    assert "ags=17201" in ohne.nur(schwere="Fehler").tabelle["ort"].tolist()
    mit = pruefe(quote, quoten={"wert": ERKLAERUNG}, name="Betreuungsquote 3 bis 6")
    assert mit.ok, mit
    hinweise = mit.nur("Quoten")
    assert "ags=17201" in hinweise.tabelle["ort"].tolist()
    assert set(hinweise.tabelle["schwere"]) == {"Hinweis"}
    assert mit.nur("Gebietssummen").tabelle.empty  # Land = Summe der Kreise (Zähler, Nenner)


ROHDATEN = daten.datenordner().parent / "musterland_rohdaten"
_PRUEFUNG_JE_ART = {
    "negativer Wert": "Negative Werte",
    "Dublette": "Doppelte Schlüssel",
    "Tippfehler": "Zeitreihensprünge",
    "fehlendes Jahr": "Zeitreihenlücken",
    "Gebietsstand": "Zeitreihenlücken",
    "unmöglicher Wert": "Wertebereich",
}


@pytest.mark.skipif(not (ROHDATEN / "probleme.json").exists(), reason="Rohdaten nicht erzeugt")
@pytest.mark.parametrize("name", ["kindertagesbetreuung", "bevoelkerung"])
def test_rohdaten_jedes_eingebaute_problem_wird_gefunden(name):
    probleme = json.loads((ROHDATEN / "probleme.json").read_text(encoding="utf-8"))
    roh = pd.read_csv(ROHDATEN / f"{name}.csv", dtype={"ags": str}, keep_default_na=False)
    bericht = pruefe(roh, bereiche={"alter": (0, 90)} if "alter" in roh else None)
    for problem in (p for p in probleme if p["tabelle"] == name):
        if problem["art"] not in _PRUEFUNG_JE_ART:
            continue
        gefunden = bericht.nur(_PRUEFUNG_JE_ART[problem["art"]]).tabelle["ort"]
        ags = problem["ort"].split(",")[0]
        assert gefunden.str.contains(ags, regex=False).any(), (problem, bericht)


# --- property: consistent tables are clean, one inconsistency is one finding --------------------


@st.composite
def _stimmige_tabellen(draw) -> pd.DataFrame:
    ags = st.sampled_from(["17101", "17102", "17151", "17201", "17255"])
    kreise = draw(st.lists(ags, min_size=1, max_size=4, unique=True))
    jahre = list(range(2015, 2015 + draw(st.integers(3, 5))))
    teile = ["Kita", "Tagespflege", "sonstige"][: draw(st.integers(1, 3))]
    zahlen = st.integers(0, 50_000)
    zeilen = []
    for ags in kreise:
        for jahr in jahre:
            werte = [draw(zahlen) for _ in teile]
            zeilen += [
                {"ags": ags, "jahr": jahr, "art": t, "wert": w}
                for t, w in zip(teile, werte, strict=True)
            ]
            zeilen.append({"ags": ags, "jahr": jahr, "art": "Insgesamt", "wert": sum(werte)})
    tabelle = pd.DataFrame(zeilen)
    land = tabelle.groupby(["jahr", "art"], as_index=False)["wert"].sum().assign(ags="17")
    return pd.concat([tabelle, land], ignore_index=True)[["ags", "jahr", "art", "wert"]]


_ARTEN = [
    "Negative Werte",
    "Doppelte Schlüssel",
    "Teilsummen",
    "Gebietssummen",
    "Zeitreihenlücken",
    "Fehlende und ungültige Werte",
]


@pytest.mark.langsam
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(tabelle=_stimmige_tabellen(), art=st.sampled_from(_ARTEN), data=st.data())
def test_stimmige_tabellen_ohne_fehler_eine_stoerung_ein_befund(tabelle, art, data):
    sauber = pruefe(tabelle)
    assert sauber.ok, sauber
    assert sauber.nur("Zeitreihenlücken").tabelle.empty

    kreis = tabelle[tabelle["ags"] != "17"]
    i = data.draw(st.sampled_from(list(kreis.index)), label="Zeile")
    gestoert = tabelle.copy()
    if art == "Negative Werte":
        gestoert.loc[i, "wert"] = -gestoert.loc[i, "wert"] - 1
    elif art == "Doppelte Schlüssel":
        gestoert = pd.concat([gestoert, gestoert.loc[[i]]], ignore_index=True)
    elif art == "Teilsummen":
        summe = _zeile(
            gestoert, ags=gestoert.at[i, "ags"], jahr=gestoert.at[i, "jahr"], art="Insgesamt"
        )
        gestoert.loc[summe, "wert"] += data.draw(st.integers(1, 1000), label="Differenz")
    elif art == "Gebietssummen":
        land = _zeile(gestoert, ags="17", jahr=gestoert.at[i, "jahr"], art="Insgesamt")
        gestoert.loc[land, "wert"] += data.draw(st.integers(1, 1000), label="Differenz")
    elif art == "Zeitreihenlücken":
        jahre = sorted(tabelle["jahr"].unique())
        jahr = data.draw(st.sampled_from(jahre[1:-1]), label="Jahr")
        gestoert = gestoert[
            ~((gestoert["ags"] == gestoert.at[i, "ags"]) & (gestoert["jahr"] == jahr))
        ]
    else:
        gestoert["wert"] = gestoert["wert"].astype(float)
        gestoert.loc[i, "wert"] = math.nan

    bericht = pruefe(gestoert)
    assert len(bericht.nur(art)) == 1, bericht
    assert not bericht.ok or art == "Zeitreihenlücken"
