"""Sozialindex, Typisierung und Präventionskette: von Hand nachgerechnet und Eigenschaften."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from bimo.fehler import BimoFehler, DatenFehler, ParameterFehler
from bimo.kapitel import sozialraum


@pytest.fixture(scope="module")
def tabelle() -> pd.DataFrame:
    return sozialraum.kennzahlen(2024)


@pytest.fixture(scope="module")
def basis(tabelle) -> sozialraum.Sozialindex:
    return sozialraum.sozialindex(tabelle)


def _klein() -> pd.DataFrame:
    """4 Gebiete, 2 Indikatoren: x (höher = mehr Belastung), y (höher = weniger Belastung)."""
    return pd.DataFrame(
        {"x": [1.0, 2.0, 3.0, 4.0], "y": [20.0, 20.0, 10.0, 30.0], "ew": [1, 1, 1, 1]},
        index=pd.Index(["A", "B", "C", "D"], name="sozialraum"),
    )


# --- Kennzahlen -------------------------------------------------------------------------------


def test_kennzahlen_spalten_und_quoten(tabelle):
    assert len(tabelle) == 32
    assert tabelle.index.name == "sozialraum"
    for spalte in ["name", "einwohner", *sozialraum.QUOTEN]:
        assert spalte in tabelle.columns
    for quote, (zaehler, nenner) in sozialraum.QUOTEN.items():
        zeile = tabelle.loc["SR01"]
        assert zeile[quote] == pytest.approx(zeile[zaehler] / zeile[nenner] * 100)
    # Nenner 0: Quote fehlt, ist nicht 0 %
    assert tabelle.loc["SR32", "viertklaessler"] == 0
    assert math.isnan(tabelle.loc["SR32", "uebergangsquote_gymnasium"])
    assert sorted(tabelle.index[tabelle["kleinraum"]]) == ["SR31", "SR32"]


def test_kennzahlen_unbekanntes_jahr():
    with pytest.raises(DatenFehler, match="1999"):
        sozialraum.kennzahlen(1999)


def test_stadtwerte_sind_quote_der_summen(tabelle):
    stadt = sozialraum.stadtwerte(tabelle)
    erwartet = tabelle["sgb2_unter_15"].sum() / tabelle["einwohner_unter_15"].sum() * 100
    assert stadt["sgb2_quote_unter_15"] == pytest.approx(erwartet)


# --- z-Standardisierung -------------------------------------------------------------------------


def test_z_mittel_0_und_sd_1(basis):
    z = basis.z.dropna()
    assert np.allclose(z.mean(), 0, atol=1e-12)
    assert np.allclose(z.std(ddof=0), 1)


def test_z_gewichtet(tabelle):
    index = sozialraum.sozialindex(tabelle, gewichtung_nach="einwohner")
    z = index.z.dropna()
    w = tabelle.loc[z.index, "einwohner"].astype(float)
    for spalte in z:
        mittel = np.average(z[spalte], weights=w)
        assert mittel == pytest.approx(0, abs=1e-12)
        assert np.average((z[spalte] - mittel) ** 2, weights=w) == pytest.approx(1)
    # ungewichtet ist der Mittelwert dann nicht 0
    assert abs(z.mean().iloc[0]) > 1e-3


def test_kleines_beispiel_von_hand():
    index = sozialraum.sozialindex(_klein(), ["x", "y"], richtung={"x": 1, "y": -1})
    sd_x, sd_y = math.sqrt(1.25), math.sqrt(50)
    z_x = [(v - 2.5) / sd_x for v in (1, 2, 3, 4)]
    z_y = [-(v - 20) / sd_y for v in (20, 20, 10, 30)]  # Richtung −1
    assert index.z["x"].tolist() == pytest.approx(z_x)
    assert index.z["y"].tolist() == pytest.approx(z_y)
    erwartet = [(a + b) / 2 for a, b in zip(z_x, z_y, strict=True)]
    assert index.statussumme.tolist() == pytest.approx(erwartet)
    gerundet = [-0.670820, -0.223607, 0.930714, -0.036287]
    assert index.statussumme.tolist() == pytest.approx(gerundet, abs=1e-6)
    # Mittel 0, SD = Wurzel(Mittel der Quadrate) = 0,58471: A < −1 SD → hoch;
    # C zwischen +1 und +2 SD → niedrig
    sd = math.sqrt(sum(v * v for v in erwartet) / 4)
    assert sd == pytest.approx(0.584710, abs=1e-6)
    assert index.grenzen["standardabweichung"] == pytest.approx(sd)
    assert index.klassen.astype(str).tolist() == ["hoch", "mittel", "niedrig", "mittel"]
    assert index.stufen["C"] == 9 and index.stufen["A"] == 1
    assert index.gewichte.tolist() == pytest.approx([0.5, 0.5])


def test_expertengewichte_werden_normiert():
    index = sozialraum.sozialindex(
        _klein(), ["x", "y"], richtung={"x": 1, "y": -1}, gewichte={"x": 3, "y": 1}
    )
    assert index.gewichte.tolist() == pytest.approx([0.75, 0.25])
    assert index.statussumme["A"] == pytest.approx(0.75 * (-1.5 / math.sqrt(1.25)))


# --- Invarianzen und Richtung -------------------------------------------------------------------


@pytest.mark.parametrize("art", ["konstante", "faktor"])
def test_lineare_umrechnung_aendert_nichts(tabelle, basis, art):
    geaendert = tabelle.copy()
    spalte = "anteil_migrationshintergrund"
    if art == "konstante":
        geaendert[spalte] = geaendert[spalte] + 17.5
    else:
        geaendert[spalte] = geaendert[spalte] * 3.2
    neu = sozialraum.sozialindex(geaendert)
    pd.testing.assert_series_equal(neu.statussumme, basis.statussumme, atol=1e-10)
    assert neu.klassen.equals(basis.klassen)
    assert neu.stufen.equals(basis.stufen)
    assert sozialraum.klassenwechsel(basis, neu).empty


def test_umgekehrte_richtung_spiegelt_raenge(tabelle):
    spalte = "sgb2_quote_unter_15"
    plus = sozialraum.sozialindex(tabelle, [spalte], richtung={spalte: 1})
    minus = sozialraum.sozialindex(tabelle, [spalte], richtung={spalte: -1})
    r_plus = plus.statussumme.dropna().rank()
    r_minus = minus.statussumme.dropna().rank()
    assert (r_plus + r_minus == len(r_plus) + 1).all()
    # alle Richtungen umgedreht: Statussumme gespiegelt
    alle = sozialraum.sozialindex(tabelle, richtung={k: -1 for k in sozialraum.RICHTUNG})
    basis = sozialraum.sozialindex(tabelle)
    assert np.allclose(alle.statussumme.dropna(), -basis.statussumme.dropna())


def test_richtung_text_nennt_beide_skalen(basis):
    assert "Stufe 9 = höchste Belastung" in basis.richtung_text
    assert "„hoch“ = wenig Belastung" in basis.richtung_text


# --- PCA ----------------------------------------------------------------------------------------


def test_pca_gewichte_summe_1_und_vorzeichen(tabelle):
    indikatoren = [*sozialraum.RICHTUNG, "uebergangsquote_gymnasium"]
    index = sozialraum.sozialindex(tabelle, indikatoren, gewichte="pca")
    assert index.gewichte.sum() == pytest.approx(1)
    assert (index.gewichte > 0).all()
    assert 0 < index.erklaerte_varianz <= 1
    # Index wächst mit der Belastung: positiv mit SGB-II-Quote, negativ mit Übergangsquote
    s = index.statussumme.dropna()
    assert s.corr(tabelle.loc[s.index, "sgb2_quote_unter_15"]) > 0.5
    assert s.corr(tabelle.loc[s.index, "uebergangsquote_gymnasium"]) < -0.5


def test_pca_vorzeichen_auch_bei_umgedrehten_daten():
    rng = np.random.default_rng(1)
    a = rng.normal(size=40)
    daten = pd.DataFrame({"a": a, "b": a + rng.normal(scale=0.3, size=40)})
    index = sozialraum.sozialindex(daten, ["a", "b"], richtung={"a": -1, "b": -1}, gewichte="pca")
    assert (index.gewichte > 0).all()
    assert index.statussumme.corr(-daten["a"]) > 0.9


# --- Klassen und Stufen ---------------------------------------------------------------------------


def test_hoechste_belastung_ist_sehr_niedrig_und_stufe_9():
    werte = [1.0] * 5 + [2.0] * 4 + [50.0]
    daten = pd.DataFrame({"a": werte, "b": [w * 2 + (i % 2) for i, w in enumerate(werte)]})
    index = sozialraum.sozialindex(daten, ["a", "b"], richtung={"a": 1, "b": 1})
    letzte = daten.index[-1]
    assert index.klassen[letzte] == "sehr niedrig"
    assert index.stufen[letzte] == 9
    assert index.stufen[index.statussumme.idxmin()] == 1


def test_klassen_und_stufen_richtung_musterstadt(basis):
    s = basis.statussumme.dropna()
    assert basis.stufen[s.idxmax()] == 9
    assert basis.stufen[s.idxmin()] == 1
    assert basis.klassen[s.idxmin()] == "hoch"
    # die Klassen folgen der Statussumme (geordnet)
    codes = basis.klassen.cat.codes[s.index]
    assert (codes[s.sort_values().index].diff().dropna() >= 0).all()
    stufen = basis.stufen[s.sort_values().index]
    assert (stufen.diff().dropna() >= 0).all()
    assert set(basis.klassen.dropna()) <= set(sozialraum.KLASSEN)


def test_gleiche_statussumme_gleiche_stufe():
    daten = pd.DataFrame({"a": [1.0, 1.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0]})
    index = sozialraum.sozialindex(daten, ["a"], richtung={"a": 1})
    assert index.stufen.iloc[0] == index.stufen.iloc[1] == index.stufen.iloc[2]
    assert index.stufen.iloc[-1] == 9


def test_kleine_sozialraeume_nicht_bewertet(basis):
    assert basis.ausgeschlossen == ["SR31", "SR32"]
    assert basis.statussumme[["SR31", "SR32"]].isna().all()
    assert basis.klassen[["SR31", "SR32"]].isna().all()
    assert basis.stufen[["SR31", "SR32"]].isna().all()
    anzeige = sozialraum.index_anzeige(basis)
    assert (anzeige.loc[["SR31", "SR32"], "Statusklasse"] == ".").all()
    assert anzeige.index[0] == basis.statussumme.idxmax()


# --- Sensitivität ---------------------------------------------------------------------------------


def test_sensitivitaet_passt_zu_klassenwechsel(tabelle, basis):
    ergebnis = sozialraum.sensitivitaet(tabelle, basis)
    assert len(ergebnis) == 2 * len(basis.indikatoren)
    assert set(ergebnis["variante"]) == {"weggelassen", "doppelt gewichtet"}
    for zeile in ergebnis.itertuples():
        if zeile.variante == "weggelassen":
            rest = [i for i in basis.indikatoren if i != zeile.indikator]
            neu = sozialraum.neu_berechnen(tabelle, basis, rest)
        else:
            gew = basis.gewichte.to_dict()
            gew[zeile.indikator] *= 2
            neu = sozialraum.sozialindex(tabelle, gewichte=gew)
        wechsel = sozialraum.klassenwechsel(basis, neu)
        assert zeile.klassenwechsel == wechsel["klasse_geaendert"].sum()
        assert zeile.stufenwechsel == wechsel["stufe_geaendert"].sum()


def test_klassenwechsel_spalten(tabelle, basis):
    neu = sozialraum.sozialindex(tabelle, gewichte={k: 1 for k in ["sgb2_quote_unter_15"]} | {
        "anteil_migrationshintergrund": 0.1, "anteil_alleinerziehend": 3})  # fmt: skip
    wechsel = sozialraum.klassenwechsel(basis, neu)
    for spalte in ["klasse_vorher", "klasse_nachher", "stufe_vorher", "stufe_nachher"]:
        assert spalte in wechsel.columns
    assert (wechsel["klasse_geaendert"] | wechsel["stufe_geaendert"]).all()
    geaendert = wechsel[wechsel["klasse_geaendert"]]
    assert (geaendert["klasse_vorher"] != geaendert["klasse_nachher"]).all()


# --- Fehler -------------------------------------------------------------------------------------


def test_fehler_deutsch(tabelle):
    with pytest.raises(DatenFehler, match="Unbekannte Spalte"):
        sozialraum.sozialindex(tabelle, ["gibt_es_nicht"])
    with pytest.raises(BimoFehler, match="Unbekannte Gewichtung"):
        sozialraum.sozialindex(tabelle, gewichte="zufall")
    with pytest.raises(BimoFehler, match="Gewichte passen nicht"):
        sozialraum.sozialindex(tabelle, gewichte={"sgb2_quote_unter_15": 1})
    konstant = tabelle.assign(konstant=5.0)
    with pytest.raises(DatenFehler, match="Streuung 0"):
        sozialraum.sozialindex(konstant, ["konstant", "sgb2_quote_unter_15"],
                               richtung={"konstant": 1})  # fmt: skip
    with pytest.raises(ParameterFehler, match="keine Richtung"):
        sozialraum.sozialindex(tabelle.assign(neu=tabelle["einwohner"]), ["neu"])
    with pytest.raises(ParameterFehler, match="[+]1 oder -1"):
        sozialraum.sozialindex(tabelle, richtung={"sgb2_quote_unter_15": 2})
    with pytest.raises(DatenFehler, match="keine Zahlen"):
        sozialraum.sozialindex(tabelle, ["name"], richtung={"name": 1})
    with pytest.raises(DatenFehler, match="Tabelle"):
        sozialraum.sozialindex("keine Tabelle")


# --- Typisierung --------------------------------------------------------------------------------


MERKMALE = [*sozialraum.RICHTUNG, *sozialraum.BILDUNGSINDIKATOREN]


def test_typisierung_reproduzierbar(tabelle):
    a = sozialraum.typisierung(tabelle, MERKMALE, 4, saat=3)
    b = sozialraum.typisierung(tabelle, MERKMALE, 4, saat=3)
    pd.testing.assert_series_equal(a.gruppen, b.gruppen)
    assert a.silhouette == b.silhouette
    assert set(a.gruppen.dropna()) == {1, 2, 3, 4}
    assert a.groessen.is_monotonic_decreasing  # Typ 1 ist der größte
    assert a.gruppen[["SR31", "SR32"]].isna().all()
    assert list(a.zentren.columns) == MERKMALE and len(a.zentren) == 4
    assert -1 <= a.silhouette <= 1


def test_typisierung_hierarchisch(tabelle):
    ergebnis = sozialraum.typisierung(tabelle, MERKMALE, 3, methode="hierarchisch")
    assert ergebnis.groessen.sum() == 30
    with pytest.raises(ParameterFehler, match="Unbekannte Methode"):
        sozialraum.typisierung(tabelle, MERKMALE, 3, methode="zufall")
    with pytest.raises(ParameterFehler, match="k muss"):
        sozialraum.typisierung(tabelle, MERKMALE, 1)


def _drei_haufen() -> pd.DataFrame:
    rng = np.random.default_rng(0)
    mitten = [(0, 0), (100, 0), (0, 100)]
    punkte = np.vstack([rng.normal(m, 0.5, size=(8, 2)) for m in mitten])
    return pd.DataFrame(punkte, columns=["a", "b"])


def test_stabilitaet_trennbar_ist_1():
    daten = _drei_haufen()
    assert sozialraum.stabilitaet(daten, ["a", "b"], 3) == pytest.approx(1.0)
    typen = sozialraum.typisierung(daten, ["a", "b"], 3)
    assert typen.silhouette > 0.9
    assert typen.groessen.tolist() == [8, 8, 8]


def test_stabilitaet_musterstadt_zwischen_0_und_1(tabelle):
    wert = sozialraum.stabilitaet(tabelle, MERKMALE, 4, saaten=range(5))
    assert -1 <= wert <= 1


# --- Bildung, Schulen, Präventionskette -----------------------------------------------------------


def test_bildungsvergleich_und_zirkelschluss(tabelle):
    vergleich = sozialraum.bildungsvergleich(2024)
    assert len(vergleich) == 30
    r = sozialraum.korrelationen(vergleich).set_index("indikator")
    assert r.loc["uebergangsquote_gymnasium", "pearson_r"] < 0
    assert r.loc["sprachfoerderbedarf", "pearson_r"] > 0
    assert (r["n"] == 30).all()
    mit_ergebnis = sozialraum.sozialindex(tabelle, ["sgb2_quote_unter_15", "sprachfoerderbedarf"])
    with pytest.raises(ParameterFehler, match="Zirkelschluss"):
        sozialraum.bildungsvergleich(2024, index=mit_ergebnis)


def test_schulsozialindex(basis):
    schulen = sozialraum.schulsozialindex(basis)
    assert len(schulen) == 32
    klein = schulen[schulen["kleine_schule"]]
    assert klein["index_schuelerschaft"].isna().all() and klein["stufe"].isna().all()
    # Musterstadt: jede Schule hat Kinder aus genau einem Sozialraum
    gs01 = schulen.loc["GS01"]
    assert gs01["index_wohnort"] == pytest.approx(basis.statussumme[gs01["sozialraum"]])
    assert gs01["anteil_sgb2"] == pytest.approx(gs01["anzahl_sgb2"] / gs01["schueler"] * 100)
    assert set(schulen["stufe"].dropna()) <= set(range(1, 10))


def test_schulsozialindex_gewichtet_nach_kindern(basis):
    kinder = pd.DataFrame(
        {
            "schule": ["X"] * 30,
            "sozialraum": ["SR02"] * 10 + ["SR14"] * 20,
            "sgb2_bezug": ["ja"] * 5 + ["nein"] * 25,
            "familiensprache": ["deutsch"] * 30,
            "foerderschwerpunkt": ["keiner"] * 30,
        }
    )
    weitere = kinder.assign(schule="Y", sgb2_bezug="nein", familiensprache="nicht deutsch")
    weitere["foerderschwerpunkt"] = ["Lernen"] * 3 + ["keiner"] * 27
    schulen = sozialraum.schulsozialindex(basis, pd.concat([kinder, weitere]))
    erwartet = (10 * basis.statussumme["SR02"] + 20 * basis.statussumme["SR14"]) / 30
    assert schulen.loc["X", "index_wohnort"] == pytest.approx(erwartet)


def test_praeventionskette(tabelle):
    kette = sozialraum.praeventionskette("SR02", 2024)
    assert list(kette["etappe"].cat.categories) == [
        "Kita und Schuleingang", "Grundschule", "weiterführende Schule", "Übergang Beruf"
    ]  # fmt: skip
    assert set(kette["etappe"].astype(str)) == set(kette["etappe"].cat.categories)
    zeile = kette.set_index("indikator").loc["sgb2_quote_unter_15"]
    assert zeile["sozialraum"] == pytest.approx(tabelle.loc["SR02", "sgb2_quote_unter_15"])
    assert zeile["abstand"] == pytest.approx(zeile["sozialraum"] - zeile["stadt"])
    luecke = kette[kette["etappe"] == "Übergang Beruf"]
    assert luecke["sozialraum"].isna().all() and luecke["stadt"].notna().all()
    with pytest.raises(DatenFehler, match="Unbekannter Sozialraum"):
        sozialraum.praeventionskette("SR99")


def test_praeventionskette_kleiner_sozialraum_zeigt_punkt():
    anzeige = sozialraum.praeventionskette_anzeige(sozialraum.praeventionskette("SR31"))
    assert set(anzeige["Sozialraum"]) <= {".", "–"}


# --- Veröffentlichen und Karten -------------------------------------------------------------------


def test_veroeffentliche_quote_sperrt_kleine(tabelle):
    for quote in sozialraum.QUOTEN:
        pub = sozialraum.veroeffentliche_quote(tabelle, quote)
        t = pub.tabelle.set_index("sozialraum")
        assert t.loc[["SR31", "SR32"], "wert"].isna().all()
        assert t.loc[["SR31", "SR32"], "zaehler"].isna().all()
        assert pd.notna(t.loc[sozialraum.STADT, "wert"])
        anzeige = pub.anzeige(stellen={"wert": 1}, prozentspalten=("wert",))
        assert (anzeige.set_index("sozialraum").loc[["SR31", "SR32"], "wert"] == ".").all()
    with pytest.raises(ParameterFehler):
        sozialraum.veroeffentliche_quote(tabelle, "gibt_es_nicht")


@pytest.mark.langsam
def test_karten(basis, tabelle):
    karte = sozialraum.karte_klassen(basis)
    assert "nicht bewertet" in karte.alt and "Hafengelände" in karte.alt
    stufen = sozialraum.karte_klassen(basis, art="stufen")
    assert "Stufe" in stufen.alt
    vielfache = sozialraum.karten_indikatoren(
        tabelle.assign(
            sgb2_quote_unter_15=tabelle["sgb2_quote_unter_15"].mask(tabelle["kleinraum"])
        ),
        ["sgb2_quote_unter_15", "sprachfoerderbedarf"],
        titel="Zwei Quoten",
    )
    assert "Zwei Quoten" in vielfache.alt and "Grau schraffiert" in vielfache.alt
    with pytest.raises(ParameterFehler):
        sozialraum.karte_klassen(basis, art="kreise")


def test_typen_vergleich(tabelle):
    vergleich = sozialraum.typen_vergleich(tabelle, MERKMALE, ks=[2, 3], saaten=range(3))
    assert vergleich["k"].tolist() == [2, 3]
    erwartet = sozialraum.typisierung(tabelle, MERKMALE, 3).silhouette
    assert vergleich.loc[1, "silhouette"] == pytest.approx(erwartet)
    assert vergleich.loc[1, "groessen"].count("/") == 2


def test_geschuetzte_quoten_und_schulanzeige(tabelle, basis):
    quoten = sozialraum.geschuetzte_quoten(tabelle, ["sgb2_quote_unter_15"])
    assert quoten.loc[["SR31", "SR32"], "sgb2_quote_unter_15"].isna().all()
    assert quoten.loc["SR01", "sgb2_quote_unter_15"] == pytest.approx(
        tabelle.loc["SR01", "sgb2_quote_unter_15"]
    )
    anzeige = sozialraum.schulsozialindex_anzeige(sozialraum.schulsozialindex(basis))
    klein = anzeige[anzeige["Schule"].isin(["GS31", "GS32"])]
    assert (klein["Stufe"] == ".").all() and (klein["Index Schülerschaft"] == ".").all()
