"""Betreuungsquote: von Hand nachgerechnet."""

from __future__ import annotations

import pandas as pd
import pytest

from bimo import daten, indikatoren
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
    kita = pd.read_csv(
        wurzel / "src/bimo/daten/datensaetze/musterland/kindertagesbetreuung.csv",
        dtype={"ags": str},
    )
    bev = pd.read_csv(
        wurzel / "src/bimo/daten/datensaetze/musterland/bevoelkerung.csv", dtype={"ags": str}
    )
    z = kita.query("ags == '17252' and jahr == 2024 and altersgruppe == 'unter 3'")["wert"].sum()
    n = bev.query("ags == '17252' and jahr == 2023 and alter < 3")["wert"].sum()
    q = (
        indikatoren.indikator("betreuungsquote_u3")
        .berechne()
        .query("ags == '17252' and jahr == 2024")
    )
    assert q["wert"].iloc[0] == pytest.approx(z / n * 100)


# --- die weiteren Indikatoren: kleine Beispiele von Hand ------------------------------------


def _bev_einzeln(je_alter: dict[int, int], ags="17001", jahr=2024, nichtdeutsch=0):
    zeilen = [(ags, jahr, "deutsch", a, n) for a, n in je_alter.items()]
    zeilen.append((ags, jahr, "nichtdeutsch", 30, nichtdeutsch))
    return pd.DataFrame(zeilen, columns=["ags", "jahr", "staatsangehoerigkeit", "alter", "wert"])


def _wert(tabelle, ags="17001"):
    return tabelle.set_index("ags").loc[ags, "wert"]


def test_demografie_von_hand():
    # 10 je Alter 0–19 (200), 5 je Alter 20–64 (225), 2 je Alter 65–90 (52), 25 Nichtdeutsche
    je_alter = {a: 10 if a < 20 else 5 if a < 65 else 2 for a in range(91)}
    bev = _bev_einzeln(je_alter, nichtdeutsch=25)
    assert _wert(indikatoren.jugendquotient(bev)) == pytest.approx(200 / 250 * 100)
    assert _wert(indikatoren.altenquotient(bev)) == pytest.approx(52 / 250 * 100)
    gesamt = 200 + 225 + 52 + 25
    assert _wert(indikatoren.anteil_im_alter(bev, 0, 18)) == pytest.approx(180 / gesamt * 100)
    assert _wert(indikatoren.anteil_nichtdeutsche(bev)) == pytest.approx(25 / gesamt * 100)


def test_altersgruppen_statt_einzeljahre():
    bev = pd.DataFrame(
        {"ags": "17001", "jahr": 2024, "alter": [0, 3], "alter_bis": [3, 6], "wert": [30, 40]}
    )
    assert indikatoren.einwohner_im_alter(bev, 0, 6)["wert"].iloc[0] == 70
    with pytest.raises(ParameterFehler, match="passen nicht"):
        indikatoren.einwohner_im_alter(bev, 0, 4)


def test_kinder_je_einrichtung_von_hand(klein):
    kita, _ = klein
    einrichtungen = pd.DataFrame({"ags": ["17001"], "jahr": [2024], "wert": [5]})
    t = indikatoren.kinder_je_einrichtung(kita, einrichtungen)
    assert _wert(t) == pytest.approx((30 + 95) / 5)  # ohne Tagespflege


def test_uebergangsquote_von_hand():
    ue = pd.DataFrame(
        {
            "ags": "17001",
            "jahr": 2024,
            "schulart": ["Gymnasium", "Realschule", "Hauptschule", "Gesamtschule"],
            "wert": [40, 30, 10, 20],
        }
    )
    assert _wert(indikatoren.uebergangsquote(ue, "Gymnasium")) == pytest.approx(40)
    assert _wert(indikatoren.uebergangsquote(ue, "Realschule")) == pytest.approx(30)
    with pytest.raises(ParameterFehler, match="Waldorfschule"):
        indikatoren.uebergangsquote(ue, "Waldorfschule")


def test_foerderschulbesuchsquote_von_hand():
    s = pd.DataFrame(
        {
            "ags": "17001",
            "jahr": 2024,
            "schulart": ["Grundschule", "Förderschule", "Gymnasium", "Gymnasium"],
            "klassenstufe": [1, 3, 10, 11],  # Klasse 11 zählt nicht mit
            "wert": [90, 5, 5, 100],
        }
    )
    assert _wert(indikatoren.foerderschulbesuchsquote(s)) == pytest.approx(5)


def _abg(zeilen):
    return pd.DataFrame(zeilen, columns=["ags", "jahr", "abschluss", "wert"])


def test_abgaenger_anteile_von_hand():
    abg = _abg(
        [
            ("17001", 2024, "ohne Ersten Schulabschluss", 8),
            ("17001", 2024, "Erster Schulabschluss", 22),
            ("17001", 2024, "Mittlerer Schulabschluss", 40),
            ("17001", 2024, "Allgemeine Hochschulreife", 30),
        ]
    )
    ohne = indikatoren.abgaenger_anteil(abg, "ohne Ersten Schulabschluss")
    assert _wert(ohne) == pytest.approx(8) and ohne["nenner"].iloc[0] == 100
    assert _wert(indikatoren.abgaenger_anteil(abg, "Allgemeine Hochschulreife")) == 30


def test_abgaenger_nenner_aus_insgesamt_wenn_teile_geheim():
    abg = _abg(
        [
            ("17001", 2015, "Insgesamt", 100),
            ("17001", 2015, "ohne Ersten Schulabschluss", 6),
            ("17001", 2015, "Fachhochschulreife", float("nan")),  # „.“ geheim
        ]
    )
    assert _wert(indikatoren.abgaenger_anteil(abg)) == pytest.approx(6)


def test_geheime_teilzahl_macht_die_summe_fehlend():
    ue = pd.DataFrame(
        {"ags": "17001", "jahr": 2024, "schulart": ["Gymnasium", "Realschule"], "wert": [4, None]}
    )
    assert pd.isna(_wert(indikatoren.uebergangsquote(ue)))


def test_quotensumme_naeherung_von_hand():
    abg = _abg([("17001", 2024, "ohne Ersten Schulabschluss", 9)])
    # Alter 15, 16, 17 am 31.12.2023: 100, 90, 110 → mittlerer Jahrgang 100
    bev = _bev_einzeln({14: 500, 15: 100, 16: 90, 17: 110, 18: 500}, jahr=2023)
    t = indikatoren.ohne_abschluss_quotensumme(abg, bev)
    assert t["jahr"].tolist() == [2024]
    assert t["nenner"].iloc[0] == pytest.approx(100)
    assert _wert(t) == pytest.approx(9)


def test_sektoranteil_von_hand():
    a = pd.DataFrame(
        {
            "ags": "17001",
            "jahr": 2024,
            "sektor": [
                "Berufsausbildung",
                "Übergangsbereich",
                "Erwerb der Hochschulzugangsberechtigung",
                "Studium",
            ],
            "wert": [50, 15, 10, 25],
        }
    )
    assert _wert(indikatoren.sektoranteil(a, "Übergangsbereich")) == pytest.approx(15)
    assert _wert(indikatoren.sektoranteil(a, "Studium")) == pytest.approx(25)


def test_vhs_je_1000_von_hand():
    wb = pd.DataFrame(
        {
            "ags": "17001",
            "jahr": 2024,
            "merkmal": ["Kurse", "Unterrichtsstunden", "Belegungen"],
            "wert": [10, 300, 120],
        }
    )
    bev = _bev_einzeln({40: 2000}, nichtdeutsch=0)
    assert _wert(indikatoren.vhs_je_1000_einwohner(wb, bev)) == pytest.approx(60)
    stunden = indikatoren.vhs_je_1000_einwohner(wb, bev, "Unterrichtsstunden")
    assert _wert(stunden) == pytest.approx(150)


def test_sgb2_quote_von_hand():
    sgb2 = pd.DataFrame({"ags": ["17001"], "jahr": [2024], "wert": [30]})
    bev = _bev_einzeln({a: 20 for a in range(20)})  # unter 15: 300
    assert _wert(indikatoren.sgb2_quote_unter_15(sgb2, bev)) == pytest.approx(10)


def test_mit_land_je_1000():
    t = pd.DataFrame(
        {"ags": ["17001", "17002"], "jahr": 2024, "zaehler": [1, 3], "nenner": [100, 300]}
    )
    t["wert"] = t["zaehler"] / t["nenner"] * 1000
    land = indikatoren.mit_land(t, faktor=1000).set_index("ags").loc["17", "wert"]
    assert land == pytest.approx(10)


# --- das Register auf Musterland ------------------------------------------------------------

PLAUSIBEL = {
    "jugendquotient": (20, 45),
    "altenquotient": (20, 70),
    "anteil_unter_18": (10, 25),
    "anteil_nichtdeutsche": (0, 40),
    "betreuungsquote_u3": (10, 60),
    "betreuungsquote_3_6": (80, 115),
    "kinder_je_kita": (30, 120),
    "uebergangsquote_gymnasium": (25, 65),
    "uebergangsquote_realschule": (10, 45),
    "foerderschulbesuchsquote": (1, 8),
    "ohne_abschluss_anteil": (2, 15),
    "ohne_abschluss_quotensumme": (2, 15),
    "anteil_hochschulreife": (15, 50),
    "anteil_uebergangsbereich": (5, 30),
    "anteil_studienanfaenger": (0, 60),
    "vhs_belegungen_je_1000": (20, 150),
    "vhs_unterrichtsstunden_je_1000": (50, 400),
    "sgb2_quote_unter_15": (3, 30),
}
FAKTOR_JE_EINHEIT = {
    "%": 100,
    "je 100 Personen von 20 bis unter 65 Jahren": 100,
    "je 1.000 Einwohner": 1000,
    "Kinder je Einrichtung": 1,
}


def test_mindestens_15_indikatoren_in_allen_themenfeldern():
    assert len(indikatoren.REGISTER) >= 15
    felder = indikatoren.nach_themenfeld()
    assert list(felder) == list(indikatoren.THEMENFELDER)
    assert all(felder.values()), felder
    assert sum(len(v) for v in felder.values()) == len(indikatoren.REGISTER)


@pytest.mark.parametrize("kennung", sorted(indikatoren.REGISTER))
def test_indikator_plausibel_auf_musterland(kennung):
    ind = indikatoren.indikator(kennung)
    tabelle = ind.berechne()
    assert kennung in PLAUSIBEL, "Neuer Indikator: plausiblen Bereich eintragen"
    unten, oben = PLAUSIBEL[kennung]
    assert tabelle["wert"].notna().all()
    assert tabelle["wert"].between(unten, oben).all(), tabelle["wert"].describe()
    kreise = set(daten.gebiete().query("ebene == 'Kreis'")["ags"])
    for _, jahr in tabelle.groupby("jahr"):
        assert set(jahr["ags"]) == kreise | {daten.LAND_AGS}
    # Land = Summe der Zähler ÷ Summe der Nenner
    kreiszeilen = tabelle[tabelle["ags"] != daten.LAND_AGS].groupby("jahr")
    land = tabelle[tabelle["ags"] == daten.LAND_AGS].set_index("jahr")
    erwartet = kreiszeilen["zaehler"].sum() / kreiszeilen["nenner"].sum() * ind.faktor
    pd.testing.assert_series_equal(land["wert"], erwartet, check_names=False)
    # Einheit passt zum Faktor; Anteile bleiben unter 100 %, außer bekannt erklärt
    assert FAKTOR_JE_EINHEIT[ind.einheit] == ind.faktor
    if ind.einheit == "%" and not any("über 100 %" in h for h in ind.hinweise):
        assert (tabelle["zaehler"] <= tabelle["nenner"]).all()
    assert (tabelle["nenner"] > 0).all() and (tabelle["zaehler"] >= 0).all()


@pytest.mark.parametrize("kennung", sorted(indikatoren.REGISTER))
def test_indikator_voll_beschrieben_und_steckbrief(kennung):
    ind = indikatoren.indikator(kennung)
    for feld in ("lesart", "kennung", "name", "definition", "zaehler", "nenner", "quelle"):
        assert getattr(ind, feld).strip(), feld
    assert ind.hinweise and all(h.strip() for h in ind.hinweise)
    assert ind.themenfeld in indikatoren.THEMENFELDER
    assert ind.tabellen and all(t in daten.TABELLEN for t in ind.tabellen)
    text = indikatoren.steckbrief(kennung).markdown
    assert text.startswith(f"# {ind.name}\n")
    for teil in (ind.definition, ind.zaehler, ind.nenner, ind.quelle, ind.einheit, ind.lesart):
        assert teil in text
    assert all(h in text for h in ind.hinweise)


def test_pflichthinweise():
    def hinweise(kennung):
        return " ".join(indikatoren.indikator(kennung).hinweise)

    assert "über 100 %" in hinweise("betreuungsquote_3_6")
    assert "Quotensumm" in hinweise("ohne_abschluss_anteil")
    assert "Quotensumm" in hinweise("ohne_abschluss_quotensumme")
    assert "15 bis unter 18" in hinweise("ohne_abschluss_quotensumme")
    assert "Land zu Land" in hinweise("uebergangsquote_gymnasium")
    assert "unter 20 und 20 bis unter 65" in hinweise("jugendquotient")
    for kennung in ("vhs_belegungen_je_1000", "vhs_unterrichtsstunden_je_1000"):
        assert (
            "ungeprüft" in hinweise(kennung)
            and "ungeprüft" in indikatoren.indikator(kennung).quelle
        )


def test_berechne_mit_eigenen_tabellen(klein):
    kita, bev = klein
    ind = indikatoren.indikator("betreuungsquote_u3")
    eigene = ind.berechne(land=False, tabellen={"kindertagesbetreuung": kita, "bevoelkerung": bev})
    assert set(eigene["ags"]) == {"17001", "17002"}
    with pytest.raises(ParameterFehler, match="fehlen die Tabellen: bevoelkerung"):
        ind.berechne(tabellen={"kindertagesbetreuung": kita})
