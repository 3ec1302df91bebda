"""Tests für bimo.kapitel.auftrag: Lebenslauf-Überblick, Kernfragen, Datenlage, Kalender."""

import math

import pytest

from bimo import daten, indikatoren
from bimo.fehler import ParameterFehler
from bimo.kapitel import auftrag


def test_lebenslauf_ueberblick_je_themenfeld_ein_indikator():
    tabelle = auftrag.lebenslauf_ueberblick("17252", 2024)
    assert list(tabelle.columns) == ["Themenfeld", "Indikator", "Einheit", "Kreis", "Land"]
    assert list(tabelle["Themenfeld"]) == list(indikatoren.THEMENFELDER)
    assert tabelle[["Kreis", "Land"]].notna().all().all()


def test_lebenslauf_ueberblick_stimmt_mit_register():
    tabelle = auftrag.lebenslauf_ueberblick("17252", 2024)
    werte = indikatoren.indikator("betreuungsquote_u3").berechne()
    kreis = werte[(werte["ags"] == "17252") & (werte["jahr"] == 2024)]["wert"].iloc[0]
    land = werte[(werte["ags"] == daten.LAND_AGS) & (werte["jahr"] == 2024)]["wert"].iloc[0]
    zeile = tabelle[tabelle["Themenfeld"] == "Frühkindliche Bildung"].iloc[0]
    assert zeile["Kreis"] == pytest.approx(kreis)
    assert zeile["Land"] == pytest.approx(land)


def test_lebenslauf_ueberblick_fehlendes_jahr_gibt_nan():
    tabelle = auftrag.lebenslauf_ueberblick("17252", 1990)
    assert tabelle["Kreis"].isna().all()


@pytest.mark.parametrize("ags", ["99999", 17252, "17"])
def test_lebenslauf_ueberblick_unbekannter_kreis(ags):
    with pytest.raises(ParameterFehler, match="kein Kreis"):
        auftrag.lebenslauf_ueberblick(ags, 2024)


def test_kernfragen_verweisen_auf_register_und_themenfeld():
    kreise = set(daten.kreise()["ags"])
    for k in auftrag.KERNFRAGEN.values():
        assert k.ags in kreise
        assert k.themenfeld in indikatoren.THEMENFELDER
        for kennung in (*k.passende, *k.warum_nicht):
            assert kennung in indikatoren.REGISTER
        assert not set(k.warum_nicht) & set(k.passende)
        # der Kern liegt im Themenfeld der Frage
        assert all(indikatoren.REGISTER[i].themenfeld == k.themenfeld for i in k.kern)
        assert k.kontext


def test_uebersetze_und_unbekannte_frage():
    tabelle = auftrag.uebersetze("krippe_talgrund")
    assert list(tabelle["Rolle"]) == ["Kern", "Kontext", "Kontext"]
    assert tabelle["Kennung"].iloc[0] == "betreuungsquote_u3"
    with pytest.raises(ParameterFehler, match="Unbekannte Kernfrage"):
        auftrag.uebersetze("gibt_es_nicht")


def test_erster_datencheck_alle_kreise_und_land():
    tabelle = auftrag.erster_datencheck("krippe_talgrund")
    assert len(tabelle) == len(daten.kreise()) + 1
    assert daten.LAND_AGS in set(tabelle["ags"])
    assert tabelle["jahr"].nunique() == 1
    with pytest.raises(ParameterFehler, match="keine Werte"):
        auftrag.erster_datencheck("krippe_talgrund", 1990)


def test_spanne():
    assert auftrag._spanne([2012, 2013, 2014, 2016]) == "2012–2014, 2016"
    assert auftrag._spanne([2020]) == "2020"
    assert auftrag._spanne([]) == ""


def test_verfuegbarkeit():
    tabelle = auftrag.verfuegbarkeit().set_index("Tabelle")
    assert "gebiete" not in tabelle.index  # ohne Zeitbezug
    assert tabelle.loc["kindertagesbetreuung", "Stichtag"] == "01.03."
    assert tabelle.loc["bevoelkerung", "Ebene"] == "Kreis"
    assert tabelle.loc["bevoelkerung_gemeinden", "Ebene"] == "Gemeinde"
    letztes = int(daten.lade("bevoelkerung")["jahr"].max())
    assert tabelle.loc["bevoelkerung", "letztes Jahr"] == letztes
    assert set(tabelle["vollständig"]) <= {"ja", "nein"}


def test_stichtage():
    assert auftrag.stichtage("betreuungsquote_u3", 2025) == ("01.03.2025", "31.12.2024")
    assert auftrag.stichtage("jugendquotient", 2025) == ("31.12.2025", "31.12.2025")
    assert auftrag.stichtage("kinder_je_kita", 2025) == ("01.03.2025", "01.03.2025")
    assert auftrag.stichtage("sgb2_quote_unter_15", 2025)[1] == "31.12.2025"
    assert auftrag.stichtage("ohne_abschluss_quotensumme", 2025)[1] == "31.12.2024"


def test_aktualisierungskalender():
    kalender = auftrag.aktualisierungskalender()
    assert set(kalender["Kennung"]) == set(indikatoren.REGISTER)
    zeile = kalender.set_index("Kennung").loc["betreuungsquote_u3"]
    letztes = int(daten.lade("kindertagesbetreuung")["jahr"].max())
    assert zeile["neuestes Jahr"] == letztes
    assert zeile["nächster Zähler"] == f"01.03.{letztes + 1}"
    assert zeile["Nenner dazu"] == f"31.12.{letztes}"
    assert not math.isnan(float(kalender["neuestes Jahr"].min()))


def test_anzeige_und_saetze():
    tabelle = auftrag.lebenslauf_ueberblick("17252", 2024)
    text = repr(auftrag.anzeige(tabelle))
    assert "," in text  # Dezimalkomma
    saetze = auftrag.lebenslauf_saetze(tabelle, "Talgrund").markdown.splitlines()
    assert len(saetze) == len(tabelle)
    assert all(("über" in s) or ("unter dem" in s) or ("gleichauf" in s) for s in saetze)
    leer = auftrag.lebenslauf_saetze(auftrag.lebenslauf_ueberblick("17252", 1990), "T")
    assert "ohne Wert" in leer.markdown


def test_register_tabelle():
    assert len(auftrag.register_tabelle()) == len(indikatoren.REGISTER)
    teil = auftrag.register_tabelle(("jugendquotient",))
    assert list(teil["Stichtag"]) == ["31.12."]
