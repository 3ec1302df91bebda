"""Übung „Typen bilden“: Silhouette und Stabilität lesen."""

from __future__ import annotations

import pytest

from bimo.uebungen import typisierung as u


@pytest.fixture(scope="module")
def g():
    return u.guete()


@pytest.mark.langsam
def test_guete_tabelle(g):
    assert list(g.index) == list(u.KS)
    assert g["silhouette"].between(-1, 1).all()
    assert g["stabilitaet"].between(-1, 1.000001).all()


@pytest.mark.langsam
def test_bestes_k_richtig(g):
    k = int(g["silhouette"].idxmax())
    assert u.pruefe_typisierung(k).richtig
    assert u.pruefe_typisierung(f"k = {k}").richtig


@pytest.mark.langsam
def test_kleinste_silhouette(g):
    k = int(g["silhouette"].idxmin())
    r = u.pruefe_typisierung(k)
    assert not r.richtig
    assert "am kleinsten" in r.text


def test_groesstes_k(g):
    r = u.pruefe_typisierung(max(u.KS))
    assert not r.richtig
    assert "Mehr Typen" in r.text


def test_unsinn_und_hinweise(g):
    assert "keine ganze Zahl" in u.pruefe_typisierung("viele").text
    assert "keine ganze Zahl" in u.pruefe_typisierung("3,5").text
    assert "zwischen 2 und 8" in u.pruefe_typisierung(12).text
    andere = [
        k
        for k in u.KS
        if k not in (u.bestes_k(), int(g["silhouette"].idxmin()), max(u.KS))
        and k != int(g["stabilitaet"].idxmax())
    ]
    assert "Regler" in u.pruefe_typisierung(andere[0], versuch=1).text
    assert "idxmax" in u.pruefe_typisierung(andere[0], versuch=2).text


def test_empfehlung_richtig(g):
    k = u.empfehlung()
    antwort = u.KEINE if k is None else f"k = {k}"
    assert u.pruefe_empfehlung(antwort).richtig
    if k is not None:
        assert g.loc[k, "stabilitaet"] >= u.SCHWELLE_STABIL
        assert k >= u.MINDEST_K


def test_empfehlung_stabilitaet_uebersehen(g):
    instabil = [k for k in u.KS if k >= u.MINDEST_K and g.loc[k, "stabilitaet"] < u.SCHWELLE_STABIL]
    assert instabil, "Die Musterdaten sollten eine instabile Lösung haben."
    # das instabile k mit der höchsten Silhouette: der typische Fehler
    k = int(g.loc[instabil, "silhouette"].idxmax())
    r = u.pruefe_empfehlung(f"k = {k}")
    assert not r.richtig
    assert "Stabilität übersehen" in r.text


def test_empfehlung_zu_wenige_typen_und_keine():
    r = u.pruefe_empfehlung(f"k = {min(u.KS)}")
    assert "mindestens" in r.text
    if u.empfehlung() is not None:
        assert "Es gibt eine stabile Lösung" in u.pruefe_empfehlung(u.KEINE).text


def test_empfehlung_unsinn():
    assert "wählen" in u.pruefe_empfehlung("").text
    assert "zwischen 2 und 8" in u.pruefe_empfehlung("k = 12").text
    assert "zwischen 2 und 8" in u.pruefe_empfehlung("vier").text


def test_widgets():
    regler = u.aufgabe_typisierung()
    assert "Silhouette" in regler.info.value
    regler.regler.value = 3
    assert "k = 3" in regler.info.value
    regler.eingabe.value = str(u.bestes_k())
    assert regler.pruefen().richtig
    auswahl = u.aufgabe_empfehlung()
    assert not auswahl.pruefen().richtig
