"""Übung „k-Anonymität“: einmalige Datensätze zählen, Merkmale vergröbern."""

from __future__ import annotations

import pytest

from bimo.uebungen.k_anonymitaet import (
    SCHLUESSEL_TEIL1,
    _fk,
    aufgabe_einmalige,
    aufgabe_k_anonymitaet,
    pruefe_einmalige,
    pruefe_verallgemeinerung,
    schuelerdaten,
)


@pytest.fixture(scope="module")
def fk():
    return _fk(SCHLUESSEL_TEIL1)


def test_richtig(fk):
    assert pruefe_einmalige(int((fk == 1).sum())).richtig


def test_gruppen_statt_datensaetze():
    gruppen = len(schuelerdaten()[list(SCHLUESSEL_TEIL1)].drop_duplicates())
    assert "Merkmalskombinationen" in pruefe_einmalige(gruppen).text


def test_fehlende_werte_als_eigene_auspraegung():
    df = schuelerdaten()
    groesse = df.groupby(list(SCHLUESSEL_TEIL1), dropna=False)["sozialraum"].transform("size")
    r = pruefe_einmalige(int((groesse == 1).sum()))
    assert "fehlende Werte" in r.text


def test_fk_kleiner_drei(fk):
    assert "fk = 2" in pruefe_einmalige(int((fk < 3).sum())).text


def test_gegenteil(fk):
    assert "NICHT einmalig" in pruefe_einmalige(len(fk) - int((fk == 1).sum())).text


def test_unsinn_und_hinweise():
    assert "keine Zahl" in pruefe_einmalige("viele").text
    assert "fk == 1" in pruefe_einmalige(3, versuch=1).text
    assert "Kombinationen" in pruefe_einmalige(3, versuch=2).text


def test_verallgemeinerung_richtig():
    r = pruefe_verallgemeinerung(["sozialraum_zusammengefasst", "geburtsjahrgruppe", "geschlecht"])
    assert r.richtig


@pytest.mark.parametrize(
    ("auswahl", "hinweis"),
    [
        ([], "wählen Sie Merkmale"),
        (None, "wählen Sie Merkmale"),
        (["gibtsnicht"], "Unbekannte"),
        (
            ["sozialraum", "sozialraum_zusammengefasst", "geburtsjahrgruppe", "geschlecht"],
            "dieselbe Information",
        ),
        (["sozialraum", "geschlecht"], "Ohne Alter"),
        (["sozialraum", "geburtsjahr", "geschlecht"], "weniger als 3"),
    ],
)
def test_verallgemeinerung_fehler(auswahl, hinweis):
    r = pruefe_verallgemeinerung(auswahl)
    assert not r.richtig and hinweis in r.text


def test_verallgemeinerung_hinweis_konkreter():
    auswahl = ["sozialraum", "geburtsjahr", "geschlecht"]
    assert "Noch fein sind" not in pruefe_verallgemeinerung(auswahl, versuch=1).text
    assert (
        "Noch fein sind: geburtsjahr, sozialraum"
        in pruefe_verallgemeinerung(auswahl, versuch=2).text
    )


def test_widgets(fk):
    kontrolle = aufgabe_einmalige()
    kontrolle.eingabe.value = str(int((fk == 1).sum()))
    assert kontrolle.pruefen().richtig
    box = aufgabe_k_anonymitaet()
    box.auswahl.value = ("sozialraum_zusammengefasst", "klassenstufe", "geschlecht")
    box.pruefen()
    assert "Richtig" in box.ausgabe.value
