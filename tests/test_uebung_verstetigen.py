"""Tests der Selbstkontrolle „Verstetigen: Wann kommt der nächste Wert?“."""

import pytest

from bimo import daten
from bimo.uebungen.verstetigen import (
    INDIKATOREN,
    aufgabe_verstetigen,
    pruefe_stichtag,
    pruefe_verstetigen,
    richtige_antwort,
)

N = int(daten.lade("kindertagesbetreuung")["jahr"].max())


def test_richtige_antwort_aus_den_daten():
    assert richtige_antwort("betreuungsquote_u3") == (f"01.03.{N + 1}", f"31.12.{N}")
    assert richtige_antwort("jugendquotient") == (f"31.12.{N + 1}", f"31.12.{N + 1}")
    assert richtige_antwort("kinder_je_kita") == (f"01.03.{N + 1}", f"01.03.{N + 1}")


def test_alles_richtig():
    antwort = {k: richtige_antwort(k) for k in INDIKATOREN}
    assert pruefe_verstetigen(antwort).richtig
    # auch ohne führende Null
    assert pruefe_stichtag(f"1.3.{N + 1}", "betreuungsquote_u3", "zaehler").richtig


def test_stichtag_verwechselt():
    r = pruefe_stichtag(f"31.12.{N + 1}", "betreuungsquote_u3", "zaehler")
    assert not r.richtig and "Stichtag verwechselt" in r.text and "01.03." in r.text
    r = pruefe_stichtag(f"01.03.{N + 1}", "jugendquotient", "zaehler")
    assert not r.richtig and "Bevölkerungsstand gilt am 31.12." in r.text


def test_schon_vorhandener_stand():
    r = pruefe_stichtag(f"01.03.{N}", "betreuungsquote_u3", "zaehler")
    assert not r.richtig and "gibt es schon" in r.text


def test_veroeffentlichungsjahr_statt_datenjahr():
    r = pruefe_stichtag(f"01.03.{N + 2}", "betreuungsquote_u3", "zaehler")
    assert not r.richtig and "Datenjahr" in r.text


def test_vorjahres_nenner_vergessen():
    r = pruefe_stichtag(f"31.12.{N + 1}", "betreuungsquote_u3", "nenner")
    assert not r.richtig and "Vorjahres-Nenner vergessen" in r.text


def test_vorjahres_nenner_zu_unrecht():
    r = pruefe_stichtag(f"31.12.{N}", "jugendquotient", "nenner")
    assert not r.richtig and "keinen Vorjahres-Nenner" in r.text


def test_einrichtungen_am_01_03():
    r = pruefe_stichtag(f"31.12.{N}", "kinder_je_kita", "nenner")
    assert not r.richtig and "wie die Kinder am 01.03." in r.text


def test_gestufte_hinweise():
    eins = pruefe_stichtag("15.06.2030", "jugendquotient", "zaehler", versuch=1).text
    zwei = pruefe_stichtag("15.06.2030", "jugendquotient", "zaehler", versuch=2).text
    drei = pruefe_stichtag("15.06.2030", "jugendquotient", "zaehler", versuch=3).text
    assert "Steckbrief" in eins and "Stichtag 31.12." not in eins
    assert "Stichtag 31.12." in zwei
    assert f"zum Jahr {N + 1}" in drei


@pytest.mark.parametrize("antwort", ["", "morgen", "32.13.2025", None, 2025, "2025-03-01"])
def test_kein_datum(antwort):
    r = pruefe_stichtag(antwort, "jugendquotient", "zaehler")
    assert not r.richtig and "kein Datum" in r.text


@pytest.mark.parametrize("antwort", [None, "01.03.2025", 42, ["a"]])
def test_antwort_keine_zuordnung(antwort):
    r = pruefe_verstetigen(antwort)
    assert not r.richtig and "je Indikator zwei Daten" in r.text


def test_fehlende_und_unvollstaendige_angaben():
    assert "Es fehlen noch Angaben" in pruefe_verstetigen({}).text
    antwort = {k: richtige_antwort(k) for k in INDIKATOREN}
    antwort["jugendquotient"] = "31.12.2025"  # nur eine Angabe
    r = pruefe_verstetigen(antwort)
    assert not r.richtig and "kein Datum" in r.text


def test_sammelrueckmeldung_nennt_indikator():
    antwort = {k: richtige_antwort(k) for k in INDIKATOREN}
    antwort["betreuungsquote_u3"] = (f"01.03.{N + 1}", f"31.12.{N + 1}")
    r = pruefe_verstetigen(antwort)
    assert not r.richtig
    assert r.text.startswith("Betreuungsquote der Kinder unter 3 Jahren – Nenner")


def test_oberflaeche():
    oberflaeche = aufgabe_verstetigen()
    *zeilen, knopf, ausgabe = oberflaeche.children
    assert len(zeilen) == len(INDIKATOREN) + 1
    for zeile, kennung in zip(zeilen[1:], INDIKATOREN, strict=True):
        z, n = zeile.children[1:]
        z.value, n.value = richtige_antwort(kennung)
    knopf.click()
    assert "Richtig" in ausgabe.value
