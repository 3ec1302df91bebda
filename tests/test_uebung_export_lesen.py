"""Selbstkontrolle der Übung „Export lesen“."""

from __future__ import annotations

import pandas as pd
import pytest

from bimo.uebungen import export_lesen as e


@pytest.fixture(scope="module")
def roh():
    """Die Datei, mit reinem pandas gelesen (wie in der Lösung)."""
    t = pd.read_csv(e.pfad(), sep=";", encoding="cp1252", skiprows=9, header=None, dtype=str)
    return t[t[0].str.fullmatch(r"\d{4}")]


@pytest.fixture(scope="module")
def kreise(roh):
    k = roh[roh[1].str.len() == 5]
    return pd.DataFrame(
        {
            "jahr": k[0].astype(int),
            "ags": k[1],
            "ohne_abschluss": k[4].replace("-", "0").astype(int),
        }
    )


def test_tabelle_richtig(kreise):
    assert e.pruefe_tabelle(kreise).richtig


def test_tabelle_ags_als_zahl(kreise):
    r = e.pruefe_tabelle(kreise.assign(ags=kreise["ags"].astype(int)))
    assert not r.richtig and "führende Null" in r.text


def test_tabelle_strich_als_fehlend(kreise, roh):
    k = roh[roh[1].str.len() == 5]
    falsch = kreise.assign(ohne_abschluss=pd.to_numeric(k[4], errors="coerce").to_numpy())
    r = e.pruefe_tabelle(falsch)
    assert not r.richtig and "„-“ heißt" in r.text


def test_tabelle_mit_fusszeilen(kreise):
    mit_fuss = pd.concat(
        [kreise, pd.DataFrame({"jahr": [None], "ags": [None], "ohne_abschluss": [0]})]
    )
    r = e.pruefe_tabelle(mit_fuss)
    assert not r.richtig and "Fußzeilen" in r.text


def test_tabelle_mit_land(roh):
    alle = pd.DataFrame({"jahr": roh[0].astype(int), "ags": roh[1], "ohne_abschluss": 0})
    r = e.pruefe_tabelle(alle)
    assert not r.richtig and "Regierungsbezirke" in r.text


def test_tabelle_falsche_spalte(kreise, roh):
    k = roh[roh[1].str.len() == 5]
    r = e.pruefe_tabelle(kreise.assign(ohne_abschluss=k[9].replace("-", "0").astype(int)))
    assert not r.richtig and "richtige Spalte" in r.text


@pytest.mark.parametrize("unsinn", [None, "text", pd.DataFrame(), pd.DataFrame({"a": [1]})])
def test_tabelle_unsinn(unsinn):
    r = e.pruefe_tabelle(unsinn)
    assert not r.richtig and r.text


def _summe(roh, jahr, spalte=4, laengen=(5,)):
    t = roh[(roh[0] == str(jahr)) & roh[1].str.len().isin(laengen)]
    return t[spalte].replace("-", "0").astype(int).sum()


def test_zahlen_richtig(roh):
    assert e.pruefe_export_lesen(_summe(roh, e.JAHR), "landessumme").richtig
    land = roh[(roh[0] == str(e.JAHR)) & (roh[1] == "17")][4].astype(int).iloc[0]
    assert land == _summe(roh, e.JAHR)
    assert e.pruefe_export_lesen("12", "kreise").richtig
    wert = roh[(roh[0] == str(e.JAHR)) & (roh[1] == e.KREIS)][4].astype(int).iloc[0]
    assert e.pruefe_export_lesen(wert, "kreiswert").richtig


@pytest.mark.parametrize(
    "antwort, frage, erwartet",
    [
        (lambda r: _summe(r, e.JAHR, laengen=(2, 5)), "landessumme", "doppelt"),
        (lambda r: _summe(r, e.JAHR, laengen=(2, 3, 5)), "landessumme", "dreimal"),
        (lambda r: _summe(r, e.JAHR - 1), "landessumme", "anderen Jahres"),
        (lambda r: _summe(r, e.JAHR, spalte=9), "landessumme", "weiblich"),
        (lambda r: _summe(r, e.JAHR, spalte=3), "landessumme", "alle Abgänger"),
        (lambda r: 14, "kreise", "„-“"),
        (lambda r: 17, "kreise", "Regierungsbezirke"),
        (lambda r: 13, "kreise", "anderen Jahres"),
    ],
)
def test_typische_fehler(roh, antwort, frage, erwartet):
    r = e.pruefe_export_lesen(antwort(roh), frage)
    assert not r.richtig and erwartet in r.text


def test_gestuft_und_unsinn():
    texte = [e.pruefe_export_lesen(999999, "landessumme", versuch=v).text for v in (1, 2, 3)]
    assert len(set(texte)) == 3 and "Landeszeile" in texte[2]
    assert "keine Zahl" in e.pruefe_export_lesen("viele", "kreise").text


def test_widget():
    pytest.importorskip("ipywidgets")
    box = e.aufgabe_export_lesen()
    kontrolle = box.kontrollen[0]
    kontrolle.eingabe.value = "12"
    kontrolle.knopf.click()
    assert "Richtig" in kontrolle.ausgabe.value
