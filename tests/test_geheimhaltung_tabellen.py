"""Geheimhaltung von Kreuztabellen: primäre Regeln, sekundäre Sperrung, Angreiferprüfung.

Die bekannten Antworten K1 und K2 stammen aus den Testfällen von sdcTable
(siehe GEHEIMHALTUNG.md); geprüft wird die Invariante (Prüfung bestanden, wenige
Zellen), nicht ein einzelnes Muster.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bimo import geheimhaltung
from bimo.fehler import GeheimhaltungsFehler
from bimo.geheimhaltung import (
    INSGESAMT,
    ist_dominant,
    pruefe_sperrung,
    sperre_tabelle,
    verletzt_p_prozent,
    veroeffentliche,
)

# ---------------------------------------------------------------- primäre Regeln


@pytest.mark.parametrize(
    ("beitraege", "sensibel"),
    [([80, 10, 10], False), ([100], True), ([90, 10], True), ([80, 20], True), ([70, 30], True)],
)
def test_dominanzregel_strikt_groesser(beitraege, sensibel):
    assert ist_dominant(beitraege, n=2, k=90) is sensibel


def test_p_prozent_regel_beispiel_tau_argus():
    assert verletzt_p_prozent([700, 200, 60, 40, 10], p=10) is False  # 110 ≥ 70
    assert verletzt_p_prozent([900, 60, 40, 10], p=10) is True  # 50 < 90


def test_primaere_regeln_leere_zelle_und_unsinn():
    assert ist_dominant([], n=2, k=90) is False
    assert verletzt_p_prozent([0, 0], p=10) is False
    with pytest.raises(GeheimhaltungsFehler, match="nicht negativer Zahlen"):
        ist_dominant([5, -1])
    with pytest.raises(GeheimhaltungsFehler, match="Zahlen sein"):
        verletzt_p_prozent(["viel", 3])
    with pytest.raises(GeheimhaltungsFehler, match="n ≥ 1"):
        ist_dominant([1, 2], n=0)


# ---------------------------------------------------------------- K1


@pytest.fixture
def k1() -> pd.DataFrame:
    return pd.DataFrame(
        {"männlich": [18, 14, 12, 11], "weiblich": [2, 19, 10, 14]},
        index=pd.Index(list("ABCD"), name="gruppe"),
    )


def _muster(tabelle: pd.DataFrame, zellen: list[tuple[str, str]]) -> pd.DataFrame:
    maske = pd.DataFrame(False, index=tabelle.index, columns=tabelle.columns)
    for zeile, spalte in zellen:
        maske.loc[zeile, spalte] = True
    return maske


def test_k1_intervalle_der_bekannten_muster(k1):
    nur_primaer = pruefe_sperrung(k1, _muster(k1, [("A", "weiblich")]))
    assert nur_primaer.intervall("A", "weiblich") == (2, 2)
    assert not nur_primaer.bestanden

    c = [("A", "weiblich"), ("A", "männlich"), ("C", "männlich"), ("C", "weiblich")]
    mit_c = pruefe_sperrung(k1, _muster(k1, c))
    assert mit_c.bestanden
    assert mit_c.intervall("A", "weiblich") == pytest.approx((0, 12))

    d = [("A", "weiblich"), ("A", "männlich"), ("D", "männlich"), ("D", "weiblich")]
    mit_d = pruefe_sperrung(k1, _muster(k1, d))
    assert mit_d.bestanden
    assert mit_d.intervall("A", "weiblich") == pytest.approx((0, 16))


def test_k1_bericht_ist_deutsch(k1):
    c = [("A", "weiblich"), ("A", "männlich"), ("C", "männlich"), ("C", "weiblich")]
    bericht = pruefe_sperrung(k1, _muster(k1, c)).bericht()
    assert "Zelle (A, weiblich): Wert 2, Angreifer-Intervall [0, 12], geschützt" in bericht
    assert "Prüfung bestanden" in bericht


def test_k1_sperrung_besteht_pruefung_mit_drei_sekundaerzellen(k1):
    s = sperre_tabelle(k1, mindestfallzahl=3)
    assert s.pruefung.bestanden
    assert s.anzahl_sekundaer == 3
    assert s.optimal and s.kosten == s.untere_schranke == 4
    assert s.primaer.sum().sum() == 1 and s.primaer.loc["A", "weiblich"]
    # unabhängig nachgeprüft, mit der vollständigen Tabelle als Eingabe
    assert pruefe_sperrung(s.tabelle, s.gesperrt).bestanden
    # Form der geschützten Tabelle: innere Zellen plus „Insgesamt“-Zeile und -Spalte
    assert list(s.tabelle.columns) == ["männlich", "weiblich", INSGESAMT]
    assert list(s.tabelle.index) == [*"ABCD", INSGESAMT]
    assert s.tabelle.loc[INSGESAMT, INSGESAMT] == 100
    assert s.gesperrt.shape == s.tabelle.shape and s.gesperrt.dtypes.eq(bool).all()


def test_k1_bei_gleicher_anzahl_kleine_werte_statt_summen(k1):
    s = sperre_tabelle(k1)
    gesperrt = {(z, sp) for z, sp in s.gesperrt.stack().loc[lambda x: x].index}
    assert gesperrt == {("A", "weiblich"), ("A", "männlich"), ("C", "männlich"), ("C", "weiblich")}


def test_k1_kosten_wert_sperrt_ebenfalls_sicher(k1):
    s = sperre_tabelle(k1, kosten="wert")
    assert s.pruefung.bestanden and s.anzahl_sekundaer == 3
    assert s.kosten == pytest.approx(42)  # 2 (primär) + 18 + 12 + 10
    assert s.optimal


def test_ohne_primaere_zelle_wird_nichts_gesperrt():
    t = pd.DataFrame({"a": [5, 7], "b": [3, 0]}, index=["x", "y"])
    s = sperre_tabelle(t)
    assert s.anzahl_gesperrt == 0 and s.pruefung.bestanden
    assert "Keine Zelle gesperrt" in s.pruefung.bericht()


def test_anzeige_mit_punkt_und_deutschen_zahlen():
    t = pd.DataFrame({"a": [1200, 2], "b": [3000, 40]}, index=["x", "y"])
    anzeige = sperre_tabelle(t).anzeige()
    assert anzeige.loc["y", "a"] == "."
    assert anzeige.loc[INSGESAMT, INSGESAMT] in {"4.242", "."}
    assert "." in str(sperre_tabelle(t))


# ---------------------------------------------------------------- K2: Einzelfälle


def test_k2_insider_braucht_eine_zelle_mehr():
    t = pd.DataFrame({"anzahl": [1, 2, 1, 0]}, index=list("abcd"))
    aussen = sperre_tabelle(t, mindestfallzahl=2)
    assert aussen.pruefung.bestanden
    assert aussen.pruefung.intervall("a", "anzahl") == pytest.approx((0, 2))
    assert aussen.pruefung.intervall("c", "anzahl") == pytest.approx((0, 2))
    # die Person in a kennt a = 1 und rechnet c = 1 genau aus
    innen = pruefe_sperrung(t, aussen.gesperrt, mindestfallzahl=2, insider=True)
    assert not innen.bestanden
    assert "Sicht der Person in (a, anzahl)" in innen.bericht()

    mit = sperre_tabelle(t, mindestfallzahl=2, insider=True)
    assert pruefe_sperrung(t, mit.gesperrt, mindestfallzahl=2, insider=True).bestanden
    innere = mit.gesperrt.loc[list("abcd"), "anzahl"]
    vorher = aussen.gesperrt.loc[list("abcd"), "anzahl"]
    assert innere.sum() == vorher.sum() + 1


# ---------------------------------------------------------------- Gegenbeispiel


def test_zwei_je_zeile_und_spalte_reichen_nicht():
    t = pd.DataFrame(
        [[5, 6, 2, 7], [4, 8, 9, 5], [7, 3, 6, 8], [9, 5, 4, 6]],
        index=["z1", "z2", "z3", "z4"],
        columns=["s1", "s2", "s3", "s4"],
    )
    zellen = [("z1", "s1"), ("z1", "s2"), ("z2", "s1"), ("z2", "s2")]  # Block oben links
    zellen += [("z3", "s3"), ("z3", "s4"), ("z4", "s3"), ("z4", "s4")]  # Block unten rechts
    zellen += [("z1", "s3")]  # die sensible Zelle verbindet beide Blöcke
    maske = _muster(t, zellen)
    assert (maske.sum(axis=0) >= 2).all() and (maske.sum(axis=1) >= 2).all()
    pruefung = pruefe_sperrung(t, maske)
    assert not pruefung.bestanden
    assert pruefung.intervall("z1", "s3") == pytest.approx((2, 2))


# ---------------------------------------------------------------- Hierarchie


@pytest.fixture
def hierarchie() -> pd.DataFrame:
    index = pd.MultiIndex.from_tuples(
        [
            ("Kreis A", "Gemeinde 1"),
            ("Kreis A", "Gemeinde 2"),
            ("Kreis A", "Gemeinde 3"),
            ("Kreis B", "Gemeinde 4"),
            ("Kreis B", "Gemeinde 5"),
            ("Kreis C", "Gemeinde 6"),
        ],
        names=["kreis", "gemeinde"],
    )
    return pd.DataFrame(
        {"Grundschule": [12, 1, 30, 8, 9, 2], "Gymnasium": [7, 4, 25, 0, 11, 5]}, index=index
    )


def test_hierarchie_hat_zwischensummen(hierarchie):
    s = sperre_tabelle(hierarchie)
    assert ("Kreis A", INSGESAMT) in s.tabelle.index
    assert (INSGESAMT, INSGESAMT) in s.tabelle.index
    assert s.tabelle.loc[("Kreis A", INSGESAMT), "Grundschule"] == 43
    assert s.tabelle.loc[(INSGESAMT, INSGESAMT), INSGESAMT] == 114
    assert s.pruefung.bestanden and s.optimal
    assert pruefe_sperrung(hierarchie, s.gesperrt).bestanden


def test_hierarchie_teilsumme_verraet_einzige_gemeinde(hierarchie):
    # Kreis C hat nur eine Gemeinde: ihre Zahl steht auch in der Kreissumme.
    s = sperre_tabelle(hierarchie)
    assert s.gesperrt.loc[("Kreis C", INSGESAMT), "Grundschule"]
    assert s.primaer.loc[("Kreis C", INSGESAMT), "Grundschule"]


def test_drei_ebenen(hierarchie):
    index = pd.MultiIndex.from_tuples(
        [("Nord", *k) for k in hierarchie.index[:3]] + [("Süd", *k) for k in hierarchie.index[3:]]
    )
    t = hierarchie.set_axis(index)
    s = sperre_tabelle(t)
    assert ("Nord", INSGESAMT, INSGESAMT) in s.tabelle.index
    assert s.pruefung.bestanden
    assert pruefe_sperrung(s.tabelle, s.gesperrt).bestanden


# ---------------------------------------------------------------- verknüpfte Tabellen


def test_verknuepfte_tabellen_einzeln_sicher_gemeinsam_nicht():
    geschlecht = pd.DataFrame({"m": [2, 8], "w": [10, 9]}, index=["A", "B"])
    herkunft = pd.DataFrame({"deutsch": [6, 9], "nichtdeutsch": [6, 8]}, index=["A", "B"])
    s = sperre_tabelle(geschlecht)
    # ein Muster, das die Zeilensumme von A sperrt, ist für sich sicher …
    g1 = _muster(
        s.tabelle, [("A", "m"), ("A", INSGESAMT), (INSGESAMT, "m"), (INSGESAMT, INSGESAMT)]
    )
    g2 = pd.DataFrame(False, index=herkunft.index, columns=herkunft.columns)
    assert pruefe_sperrung(geschlecht, g1).bestanden
    assert pruefe_sperrung(herkunft, g2).bestanden
    # … aber die zweite Tabelle veröffentlicht dieselbe Zeilensumme A = 12.
    gemeinsam = pruefe_sperrung(geschlecht, g1, verknuepft=[(herkunft, g2)])
    assert not gemeinsam.bestanden
    assert gemeinsam.intervall("A", "m") == pytest.approx((2, 2))


def test_verknuepfte_tabellen_muessen_zusammenpassen():
    a = pd.DataFrame({"m": [2, 8], "w": [10, 9]}, index=["A", "B"])
    b = pd.DataFrame({"x": [6, 9], "y": [7, 8]}, index=["A", "B"])
    with pytest.raises(GeheimhaltungsFehler, match="widersprechen sich in der Zelle"):
        pruefe_sperrung(a, a < 3, verknuepft=[(b, b < 0)])


# ---------------------------------------------------------------- Veröffentlichen


def test_veroeffentliche_sperrt_und_prueft(k1):
    text = veroeffentliche(k1)
    assert text.loc["A", "weiblich"] == "."
    assert (text == ".").sum().sum() == 4


def test_veroeffentliche_verweigert_unsicheres_muster(k1):
    with pytest.raises(GeheimhaltungsFehler, match="wird nicht veröffentlicht"):
        veroeffentliche(k1, gesperrt=_muster(k1, [("A", "weiblich")]))
    with pytest.raises(GeheimhaltungsFehler, match="sensibel, wird aber veröffentlicht"):
        veroeffentliche(k1, gesperrt=_muster(k1, []))
    ok = [("A", "weiblich"), ("A", "männlich"), ("D", "männlich"), ("D", "weiblich")]
    text = veroeffentliche(k1, gesperrt=_muster(k1, ok))
    assert text.loc["D", "weiblich"] == "." and text.loc["C", "weiblich"] == "10"


# ---------------------------------------------------------------- deutsche Fehler


@pytest.mark.parametrize(
    ("tabelle", "meldung"),
    [
        (pd.DataFrame({"a": [1, -2]}), "negativen"),
        (pd.DataFrame({"a": [1, np.nan]}), "fehlenden"),
        (pd.DataFrame({"a": ["x", "y"]}), "nur Zahlen"),
        (pd.DataFrame(), "keine inneren Zellen"),
        ([[1, 2]], "Erwartet wird ein DataFrame"),
        (pd.DataFrame({"a": [1], INSGESAMT: [5]}), "passen nicht"),
    ],
)
def test_unsinnige_eingaben_deutsche_meldung(tabelle, meldung):
    with pytest.raises(GeheimhaltungsFehler, match=meldung):
        sperre_tabelle(tabelle)


def test_unbekannte_kosten_und_mindestfallzahl(k1):
    with pytest.raises(GeheimhaltungsFehler, match="Unbekanntes Kostenmaß"):
        sperre_tabelle(k1, kosten="euro")
    with pytest.raises(GeheimhaltungsFehler, match="mindestens 1"):
        sperre_tabelle(k1, mindestfallzahl=0)
    with pytest.raises(GeheimhaltungsFehler, match="passt nicht zur Tabelle"):
        pruefe_sperrung(k1, pd.DataFrame({"x": [True]}))


def test_dominanz_als_zusaetzliche_primaerzelle(k1):
    primaer = _muster(k1, [("B", "weiblich")])  # z. B. aus ist_dominant
    s = sperre_tabelle(k1, primaer=primaer)
    assert s.gesperrt.loc["B", "weiblich"] and s.gesperrt.loc["A", "weiblich"]
    assert s.pruefung.bestanden


# ---------------------------------------------------------------- Eigenschaften


def _sekundaer_einzeln_weglassen(s, mindestfallzahl, insider):
    zeilen, spalten = np.nonzero(s.sekundaer.to_numpy())
    for z, sp in zip(zeilen, spalten, strict=True):
        zeile, spalte = s.tabelle.index[z], s.tabelle.columns[sp]
        weniger = s.gesperrt.copy()
        weniger.iloc[z, sp] = False
        pruefung = pruefe_sperrung(s.tabelle, weniger, mindestfallzahl, insider=insider)
        assert not pruefung.bestanden, f"({zeile}, {spalte}) war überflüssig"


tabellen = st.integers(2, 4).flatmap(
    lambda z: st.integers(2, 3).flatmap(
        lambda s: st.lists(
            st.lists(st.integers(0, 9), min_size=s, max_size=s), min_size=z, max_size=z
        )
    )
)


@pytest.mark.langsam
@settings(max_examples=50, deadline=None)
@given(tabellen, st.integers(2, 4), st.booleans())
def test_eigenschaft_sperrung_besteht_pruefung_und_ist_minimal(werte, t, insider):
    tabelle = pd.DataFrame(
        werte,
        index=[f"z{i}" for i in range(len(werte))],
        columns=[f"s{j}" for j in range(len(werte[0]))],
    )
    s = sperre_tabelle(tabelle, mindestfallzahl=t, insider=insider)
    assert s.pruefung.bestanden
    assert not (s.primaer & ~s.gesperrt).any().any()
    assert pruefe_sperrung(tabelle, s.gesperrt, t, insider=insider).bestanden
    assert s.optimal
    _sekundaer_einzeln_weglassen(s, t, insider)


@pytest.mark.langsam
@settings(max_examples=25, deadline=None)
@given(
    st.lists(st.lists(st.integers(0, 7), min_size=2, max_size=2), min_size=2, max_size=5),
    st.integers(1, 3),
)
def test_eigenschaft_hierarchie(werte, kreise):
    index = pd.MultiIndex.from_tuples(
        [(f"K{i % kreise}", f"G{i}") for i in range(len(werte))], names=["kreis", "gemeinde"]
    )
    tabelle = pd.DataFrame(werte, index=index, columns=["x", "y"]).sort_index()
    s = sperre_tabelle(tabelle)
    assert s.pruefung.bestanden
    assert pruefe_sperrung(tabelle, s.gesperrt).bestanden
    _sekundaer_einzeln_weglassen(s, 3, False)


@settings(max_examples=50, deadline=None)
@given(
    st.lists(st.integers(0, 12), min_size=2, max_size=8),
    st.integers(2, 5),
)
@pytest.mark.langsam
def test_eigenschaft_alte_summenzeilen_sperrung_besteht_neue_pruefung(werte, t):
    """Die eindimensionale Sperrung von schuetze_anzahlen hält der LP-Prüfung stand."""
    teile = pd.DataFrame({"ags": [f"17{i:03d}" for i in range(len(werte))], "wert": werte})
    land = pd.DataFrame({"ags": ["17"], "wert": [sum(werte)]})
    lang = pd.concat([teile, land], ignore_index=True).assign(jahr=2024)
    try:
        v = geheimhaltung.schuetze_anzahlen(lang, summenzeile="17", mindestfallzahl=t)
    except GeheimhaltungsFehler:
        return  # ehrlich abgelehnt ist auch sicher
    innen = teile.set_index("ags")[["wert"]]
    gesperrt = v.gesperrt.set_index(lang["ags"])["wert"]
    maske = pd.DataFrame(
        {"wert": gesperrt.to_numpy(), INSGESAMT: gesperrt.to_numpy()},
        index=[*innen.index, INSGESAMT],
    )
    assert pruefe_sperrung(innen, maske, mindestfallzahl=t).bestanden


# ---------------------------------------------------------------- K3: Einzeldaten


@pytest.fixture
def k3() -> pd.DataFrame:
    zeilen = [
        (2, 3, 1),
        (3, 3, 3),
        (2, 3, 1),
        (2, 3, 2),
        (3, 3, 1),
        (3, 3, 1),
        (1, 4, 1),
        (2, 3, 1),
    ]
    return pd.DataFrame(zeilen, columns=["a", "b", "c"], dtype="Int64")


def test_k3_haeufigkeiten(k3):
    from bimo.geheimhaltung import k_anonymitaet

    fk = k_anonymitaet(k3, ["a", "b", "c"])
    assert fk.tolist() == [3, 1, 3, 1, 2, 2, 1, 3]
    assert (fk == 1).sum() == 3 and (fk == 2).sum() == 2


def test_k3_fehlender_wert_passt_zu_allem(k3):
    from bimo.geheimhaltung import k_anonymitaet

    k3.loc[[2, 6], "c"] = pd.NA  # Datensätze 3 und 7
    assert k_anonymitaet(k3, ["a", "b", "c"]).tolist() == [3, 1, 4, 2, 2, 2, 1, 3]


def test_l_diversitaet_und_fehler(k3):
    from bimo.geheimhaltung import k_anonymitaet, l_diversitaet

    d = k3.assign(abschluss=["ohne", "MSA", "ohne", "Abi", "MSA", "Abi", "ohne", "ohne"])
    l_wert = l_diversitaet(d, ["a", "b"], "abschluss")
    assert l_wert.tolist() == [2, 2, 2, 2, 2, 2, 1, 2]
    with pytest.raises(GeheimhaltungsFehler, match="fehlen in den Daten"):
        k_anonymitaet(d, ["alter"])
    with pytest.raises(GeheimhaltungsFehler, match="sensible Merkmal"):
        l_diversitaet(d, ["a"], "einkommen")


# ---------------------------------------------------------------- K4: Cell-Key


def test_k4_cellkey_eigenschaften():
    from bimo.geheimhaltung import cellkey

    rng = np.random.default_rng(4)
    daten = pd.DataFrame(
        {
            "schulart": rng.choice(["GS", "OS", "GY", "FS"], size=120, p=[0.5, 0.3, 0.18, 0.02]),
            "geschlecht": rng.choice(["m", "w"], size=120),
        }
    )
    daten["schluessel"] = cellkey.datensatz_schluessel(len(daten), saat=4)
    a = cellkey.cellkey_tabelle(daten, "schulart", "geschlecht", d_max=2, js=2)
    b = cellkey.cellkey_tabelle(daten, "schulart", "geschlecht", d_max=2, js=2)
    pd.testing.assert_frame_equal(a, b)  # dieselbe Zelle, dieselbe Abweichung
    wahr = pd.crosstab(
        daten["schulart"], daten["geschlecht"], margins=True, margins_name="Insgesamt"
    )
    wahr = wahr.reindex(index=a.index, columns=a.columns)
    assert ((a - wahr).abs() <= 2).all().all()
    assert not a.isin([1, 2]).any().any()  # kleine Zahlen erscheinen nie
    assert (a.to_numpy()[wahr.to_numpy() == 0] == 0).all()  # Nullen bleiben null
    # Summen werden für sich überlagert und passen nicht mehr überall zu den Teilen
    innen = a.drop(index="Insgesamt", columns="Insgesamt")
    assert (innen.sum(axis=1) != a.loc[innen.index, "Insgesamt"]).any() or (
        innen.sum(axis=0) != a.loc["Insgesamt", innen.columns]
    ).any()


def test_k4_null_bleibt_null_und_im_mittel_unverzerrt():
    from bimo.geheimhaltung import cellkey

    assert all(cellkey.ueberlagere(0, k) == 0 for k in np.linspace(0, 0.999, 50))
    for n in (4, 10, 57):
        mittel = np.mean([cellkey.ueberlagere(n, k) for k in (np.arange(4000) + 0.5) / 4000])
        assert mittel == pytest.approx(n, abs=0.01)
    with pytest.raises(GeheimhaltungsFehler, match="Zellschlüssel"):
        cellkey.ueberlagere(5, 1.5)


# ------------------------------------------------ Verallgemeinern, lokal unterdrücken


def test_verallgemeinere_klassen_und_fehlende():
    werte = pd.Series([2010, 2013, 2014, 2015, 2016, None])
    klassen = geheimhaltung.verallgemeinere(werte, [2014, 2016])
    assert klassen.tolist()[:5] == ["bis 2013", "bis 2013", "2014–2015", "2014–2015", "ab 2016"]
    assert pd.isna(klassen.iloc[5])


def test_seltene_auspraegungen_zusammengefasst():
    werte = pd.Series(["a", "a", "a", "b", "c", "c", "c"])
    ergebnis = geheimhaltung.fasse_seltene_zusammen(werte, 3, "sonstige")
    assert ergebnis.tolist() == ["a", "a", "a", "sonstige", "c", "c", "c"]


def test_lokale_unterdrueckung_macht_k3_zweifach_anonym(k3):
    schluessel = list(k3.columns)
    vorher = geheimhaltung.k_anonymitaet(k3, schluessel)
    nachher, geloescht = geheimhaltung.lokal_unterdruecke(k3, schluessel, k=2)
    assert geheimhaltung.k_anonymitaet(nachher, schluessel).min() >= 2
    assert 0 < geloescht <= int((vorher < 2).sum()) * len(schluessel)
    sicher = vorher >= 2
    # Datensätze, die schon sicher waren, bleiben unverändert
    pd.testing.assert_frame_equal(
        nachher[sicher].astype(object), k3[sicher].astype(object), check_dtype=False
    )


def test_lokale_unterdrueckung_auf_den_schuelerdaten():
    from bimo import daten

    df = daten.lade("schuelerdaten").head(800)
    schluessel = ["sozialraum", "geburtsjahr", "geschlecht", "staatsangehoerigkeit"]
    nachher, geloescht = geheimhaltung.lokal_unterdruecke(df, schluessel, k=3)
    assert geheimhaltung.k_anonymitaet(nachher, schluessel).min() >= 3
    assert geloescht > 0
    # gelöscht wird nur in Schlüsselmerkmalen
    andere = [s for s in df.columns if s not in schluessel]
    pd.testing.assert_frame_equal(nachher[andere], df[andere])


def test_lokale_unterdrueckung_unmoeglich_bei_zu_wenigen_datensaetzen():
    df = pd.DataFrame({"a": [1, 2]})
    with pytest.raises(GeheimhaltungsFehler, match="nur 2 Datensätze"):
        geheimhaltung.lokal_unterdruecke(df, ["a"], k=3)


# ------------------------------------------------------- Tabellen mit einer Spalte


def test_eine_spalte_maske_nur_innen_erbt_die_summenspalte():
    """K2 mit einer Maske nur der inneren Zellen: Die Summenspalte verrät nichts."""
    t = pd.DataFrame({"n": [1, 2, 1, 0]}, index=list("abcd"))
    p = pruefe_sperrung(t, t == 1, mindestfallzahl=2, insider=True)
    assert p.intervall("a", "n") == (0, 2)
    # außen geschützt, aber die Person in a rechnet c aus – je Zelle einmal berichtet
    assert not p.bestanden
    assert len(p.maengel) == 2
    assert "Insgesamt)" not in p.bericht()
    assert p.bericht().endswith("2 Mängel.")


def test_eine_spalte_bericht_ohne_doppelte_zeilen():
    t = pd.DataFrame({"n": [1, 5, 7, 9]}, index=list("abcd"))
    s = sperre_tabelle(t)
    zeilen = s.pruefung.bericht().splitlines()
    assert not [z for z in zeilen if ", Insgesamt)" in z]
    assert s.pruefung.bestanden
