"""Bausteine des Kapitels Datenschutz: echte Tabellen, Informationsverlust, Gegenbeispiel."""

from __future__ import annotations

import pytest

from bimo import daten
from bimo.geheimhaltung import INSGESAMT, pruefe_sperrung
from bimo.kapitel.datenschutz import (
    KLEINE_SOZIALRAEUME,
    UEBRIGE,
    cellkey_daten,
    cellkey_vergleich,
    einmaligkeit,
    gegenbeispiel_zwei_je_zeile,
    informationsverlust,
    kita_gemeinden,
    kita_kleine_gemeinden,
    l_diversitaet_uebersicht,
    schuelerdaten_verallgemeinert,
    sperren_je_zeile_und_spalte,
    summenabweichung,
)


def test_kita_gemeinden_summe_ist_kreissumme():
    t = kita_gemeinden("17255", 2024)
    kita = daten.lade("kindertagesbetreuung")
    kreis = kita[
        (kita["ags"] == "17255")
        & (kita["jahr"] == 2024)
        & kita["altersgruppe"].isin(["unter 3", "3 bis unter 6"])
    ]
    assert t.to_numpy().sum() == kreis["wert"].sum()
    assert list(t.columns) == ["unter 3", "3 bis unter 6"]


def test_unbekannter_kreis():
    with pytest.raises(daten.DatenFehler, match="17999"):
        kita_gemeinden("17999", 2024)


def test_kleine_gemeinden_behalten_die_summe():
    voll = kita_gemeinden()
    klein = kita_kleine_gemeinden(anzahl=5)
    assert len(klein) == 6 and klein.index[-1] == UEBRIGE
    assert (klein.sum() == voll.sum()).all()
    with pytest.raises(Exception, match="anzahl"):
        kita_kleine_gemeinden(anzahl=0)


@pytest.mark.langsam
def test_informationsverlust_waechst_mit_der_schwelle():
    v = informationsverlust(kita_gemeinden(), range(2, 11))
    assert list(v.index) == list(range(2, 11))
    assert (v["primär"].diff().dropna() >= 0).all()
    assert v["Anteil Wert"].between(0, 100).all()


def test_gegenbeispiel():
    tabelle, maske = gegenbeispiel_zwei_je_zeile()
    assert min(sperren_je_zeile_und_spalte(maske)) >= 2
    p = pruefe_sperrung(tabelle, maske)
    assert not p.bestanden
    unten, oben = p.intervall("Zeile A", "Spalte 3")
    assert unten == oben == tabelle.loc["Zeile A", "Spalte 3"]


def test_k3_aus_geheimhaltung_md():
    import pandas as pd

    d = pd.DataFrame(
        [(2, 3, 1), (3, 3, 3), (2, 3, 1), (2, 3, 2), (3, 3, 1), (3, 3, 1), (1, 4, 1), (2, 3, 1)],
        columns=["a", "b", "c"],
    )
    e = einmaligkeit(d, ["a", "b", "c"])
    assert e["einmalig (fk = 1)"] == 3 and e["fk = 2"] == 2


def test_verallgemeinerung_und_l_diversitaet():
    df = schuelerdaten_verallgemeinert()
    assert KLEINE_SOZIALRAEUME in set(df["sozialraum_zusammengefasst"])
    assert set(df["foerderbedarf"]) == {"ja", "nein"}
    fein = einmaligkeit(df, ["sozialraum", "geburtsjahr", "geschlecht"])
    grob = einmaligkeit(df, ["sozialraum_zusammengefasst", "geburtsjahrgruppe", "geschlecht"])
    assert grob["einmalig (fk = 1)"] < fein["einmalig (fk = 1)"]
    l_werte = l_diversitaet_uebersicht(df, ["sozialraum", "klassenstufe"], "foerderschwerpunkt")
    assert l_werte.sum() == len(df)


def test_cellkey_eigenschaften():
    df = cellkey_daten()
    original, ueberlagert = cellkey_vergleich(df, "sozialraum", "geschlecht", ["SR01", "SR31"])
    _, nochmal = cellkey_vergleich(df, "sozialraum", "geschlecht", ["SR01", "SR31"])
    assert ueberlagert.equals(nochmal)
    assert ((original == 0) <= (ueberlagert == 0)).all().all()
    assert (abs(ueberlagert - original) <= 2).all().all()
    assert INSGESAMT in summenabweichung(ueberlagert).index
