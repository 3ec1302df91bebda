"""Tests der Selbstkontrolle „Auftrag klären“."""

import pytest

from bimo.kapitel import auftrag
from bimo.uebungen.auftrag import HOECHSTENS, aufgabe_auftrag, pruefe_auftrag

FRAGE = "krippe_talgrund"


@pytest.mark.parametrize("frage", sorted(auftrag.KERNFRAGEN))
def test_richtige_auswahl_aus_den_daten(frage):
    k = auftrag.KERNFRAGEN[frage]
    assert pruefe_auftrag(list(k.passende), frage).richtig
    assert pruefe_auftrag([*k.kern, k.kontext[0]], frage).richtig


def test_richtig_nennt_kern_und_kontext():
    r = pruefe_auftrag(["betreuungsquote_u3", "anteil_unter_18"], FRAGE)
    assert r.richtig and "Betreuungsquote der Kinder unter 3 Jahren" in r.text
    assert "beantwortet die Frage" in r.text and "macht den Wert" in r.text
    r = pruefe_auftrag(
        [
            "ohne_abschluss_anteil",
            "ohne_abschluss_quotensumme",
            "foerderschulbesuchsquote",
            "sgb2_quote_unter_15",
        ],
        "abschluss_musterstadt",
    )
    assert r.richtig and "beantworten die Frage" in r.text and "machen den Wert" in r.text


def test_indikator_mit_gezieltem_grund():
    r = pruefe_auftrag(["betreuungsquote_u3", "anteil_unter_18", "betreuungsquote_3_6"], FRAGE)
    assert not r.richtig
    assert "Drei- bis unter Sechsjährigen" in r.text


def test_indikator_aus_fremdem_themenfeld():
    r = pruefe_auftrag(["betreuungsquote_u3", "anteil_unter_18", "anteil_hochschulreife"], FRAGE)
    assert not r.richtig
    assert "gehört zum Themenfeld „Allgemeinbildende Schulen“" in r.text


def test_alle_daten_reflex():
    from bimo import indikatoren

    r = pruefe_auftrag(list(indikatoren.REGISTER), FRAGE)
    assert not r.richtig and "alle Daten" in r.text
    assert len(indikatoren.REGISTER) > HOECHSTENS


def test_kern_fehlt_gestuft():
    nur_kontext = ["anteil_unter_18", "kinder_je_kita"]
    eins = pruefe_auftrag(nur_kontext, FRAGE, versuch=1).text
    zwei = pruefe_auftrag(nur_kontext, FRAGE, versuch=2).text
    drei = pruefe_auftrag(nur_kontext, FRAGE, versuch=3).text
    assert "direkt beantwortet" in eins and "Frühkindliche Bildung" not in eins
    assert "Frühkindliche Bildung" in zwei
    assert "Betreuungsquote der Kinder unter 3 Jahren" in drei


def test_kontext_fehlt():
    r = pruefe_auftrag(["betreuungsquote_u3"], FRAGE)
    assert not r.richtig and "Kontext" in r.text
    r2 = pruefe_auftrag(["betreuungsquote_u3"], FRAGE, versuch=2)
    assert "Anteil der unter 18-Jährigen" in r2.text


@pytest.mark.parametrize("antwort", [[], None, ..., "", ()])
def test_leere_auswahl(antwort):
    r = pruefe_auftrag(antwort, FRAGE)
    assert not r.richtig and "noch keinen Indikator" in r.text


@pytest.mark.parametrize("antwort", [["quatsch"], "quatsch", [1, 2]])
def test_unbekannte_kennungen(antwort):
    r = pruefe_auftrag(antwort, FRAGE)
    assert not r.richtig and "gibt es im Register nicht" in r.text


def test_kein_iterierbares_objekt_und_unbekannte_frage():
    assert "Liste von Kennungen" in pruefe_auftrag(42, FRAGE).text
    assert "Kernfrage" in pruefe_auftrag(["betreuungsquote_u3"], "gibt_es_nicht").text
    assert "Kernfrage" in pruefe_auftrag(["betreuungsquote_u3"], None).text


def test_oberflaeche():
    import ipywidgets as w

    oberflaeche = aufgabe_auftrag()
    fragen, wahl, knopf, ausgabe = oberflaeche.children
    assert isinstance(wahl, w.SelectMultiple)
    wahl.value = ("betreuungsquote_u3", "anteil_unter_18")
    knopf.click()
    assert "Richtig" in ausgabe.value
    fragen.value = "vhs_hafenstedt"
    assert ausgabe.value == ""
