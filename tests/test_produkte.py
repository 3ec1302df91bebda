"""Produkte (Bericht, Dossier, Faktenblatt, Dashboard) und gute wie irreführende Grafiken."""

from __future__ import annotations

import pandas as pd
import pytest

from bimo import daten, indikatoren
from bimo.fehler import ParameterFehler
from bimo.kapitel import produkte
from bimo.kern.format import prozent

JAHR = 2024


def _land_u3(jahr):
    t = indikatoren.indikator("betreuungsquote_u3").berechne()
    return t[(t["ags"] == daten.LAND_AGS) & (t["jahr"] == jahr)]["wert"].iloc[0]


def test_berichtsabschnitt_rechnet_den_text_aus_den_daten():
    abschnitt = produkte.berichtsabschnitt_fruehkindlich(JAHR)
    assert prozent(_land_u3(JAHR)) in abschnitt.text.markdown
    assert "Burgheim" in abschnitt.text.markdown  # 3 bis 6 über 100 %
    assert "Referenzlinie Musterland" in abschnitt.grafik.alt
    tabelle = abschnitt.tabelle.daten
    assert list(tabelle["Gebiet"])[-1] == "Musterland"
    assert len(tabelle) == len(daten.kreise()) + 1


@pytest.mark.langsam
def test_tabelle_laeuft_durch_die_geheimhaltung(monkeypatch):
    # Ist eine Fallzahl klein, erscheint sie als „.“ – hier künstlich: Mindestfallzahl sehr hoch.
    from bimo import geheimhaltung

    original = geheimhaltung.schuetze_quoten
    monkeypatch.setattr(
        geheimhaltung,
        "schuetze_quoten",
        lambda t, **k: original(t, **{**k, "mindestfallzahl": 600}),
    )
    produkte._geschuetzt.cache_clear()
    try:
        tabelle = produkte._tabelle_fruehkindlich(JAHR).daten
        assert "." in set(tabelle["betreute Kinder unter 3"])
        blatt = produkte.faktenblatt("17253", JAHR)
        assert "." in repr(blatt)
    finally:
        produkte._geschuetzt.cache_clear()


@pytest.mark.langsam
def test_datendossier_hat_vier_seiten_mit_kommentar():
    seiten = produkte.datendossier_abschluesse(JAHR)
    assert len(seiten) == 4
    assert all(s.kommentar and s.grafik.alt for s in seiten)
    assert "<img" in seiten[0]._repr_html_()
    assert "Rangplatz" in seiten[3].kommentar


def test_faktenblatt_zahlen_deutsch_und_mit_land():
    blatt = produkte.faktenblatt("17252", JAHR)
    assert len(blatt.kennzahlen) == len(produkte.FAKTENBLATT_KENNZAHLEN)
    text = repr(blatt)
    assert f"Land {prozent(_land_u3(JAHR))}" in text
    assert "n = 2.392" in text  # Kinder unter 3 im Vorjahr, mit Tausenderpunkt
    html_text = blatt._repr_html_()
    assert "Landkreis Talgrund" in html_text and "Quelle:" in html_text


def test_faktenblatt_maskiert_namen(monkeypatch):
    blatt = produkte.faktenblatt("17252", JAHR)
    boese = produkte.Faktenblatt(blatt.ags, "<script>x</script>", blatt.jahr, blatt.kennzahlen)
    assert "<script>" not in boese._repr_html_()
    assert "&lt;script&gt;" in boese._repr_html_()


@pytest.mark.parametrize("ags", ["99999", 17252, "Talgrnd"])
def test_faktenblatt_falsche_kommune(ags):
    with pytest.raises(ParameterFehler):
        produkte.faktenblatt(ags, JAHR)


def test_faktenblatt_falsches_jahr():
    with pytest.raises(ParameterFehler, match="keine Daten"):
        produkte.faktenblatt("17252", 1990)


@pytest.mark.langsam
def test_dashboard_zeichnet_neu_bei_auswahl():
    brett = produkte.dashboard("17252", "betreuungsquote_u3")
    assert "Landkreis Talgrund" in brett.alt
    brett.kreis.value = "17101"
    assert "Musterstadt" in brett.alt
    brett.indikator.value = "sgb2_quote_unter_15"
    assert "SGB-II" in brett.alt
    bundle = brett._repr_mimebundle_()
    assert bundle["text/plain"].startswith("Dashboard")
    assert "application/vnd.jupyter.widget-view+json" in bundle


def test_dashboard_unbekannter_indikator():
    with pytest.raises(ParameterFehler, match="kennt"):
        produkte.dashboard("17252", "gibtsnicht")


@pytest.mark.langsam
@pytest.mark.parametrize("thema", produkte.THEMEN)
def test_gegenueberstellung_markiert_das_schlechte_beispiel(thema):
    paar = produkte.gegenueberstellung(thema, JAHR)
    assert paar.schlecht.alt.startswith("Schlechtes Beispiel")
    assert "So nicht" in paar.schlecht.alt
    assert "So nicht" not in paar.gut.alt
    assert "So nicht" in paar._repr_html_() and "Warum?" in repr(paar)


def test_gegenueberstellung_unbekanntes_thema():
    with pytest.raises(ParameterFehler, match="Möglich"):
        produkte.gegenueberstellung("farbe")


def test_balkendiagramm_schalter_stehen_im_alternativtext():
    t = pd.DataFrame({"name": ["A", "B", "C"], "wert": [30.0, 50.0, 40.0], "n": [10, 20, 30]})
    gut = produkte.balkendiagramm(t, titel="T", n="n")
    assert "absteigend sortiert" in gut.alt and "beginnt bei 0,0\u00a0%" in gut.alt
    schlecht = produkte.balkendiagramm(
        t, titel="T", sortiert=False, achse_ab_null=False, quelle=None, so_nicht="Achse"
    )
    assert "Reihenfolge der Schlüssel" in schlecht.alt
    assert "beginnt bei 0,0\u00a0%" not in schlecht.alt
    assert "ohne Quellenangabe" in schlecht.alt
    assert "So nicht: T" in schlecht.alt


@pytest.mark.parametrize(
    "werte, erwartet",
    [
        ([6.3, 19.7, 12.0], [5.0, 10.0, 15.0, 20.0]),
        ([0.0, 1.0], [0.0, 0.2, 0.4, 0.6, 0.8, 1.0]),
        ([], []),
    ],
)
def test_runde_grenzen(werte, erwartet):
    assert produkte.runde_grenzen(pd.Series(werte, dtype=float)) == erwartet


def test_klasseneinteilungen_zaehlen_alle_kreise():
    tabelle = produkte.klasseneinteilungen("sgb2_quote_unter_15", JAHR, ags="17252").daten
    assert len(tabelle) == 3
    for anzahl in tabelle["Kreise je Klasse"]:
        assert sum(int(a) for a in anzahl.split(" | ")) == len(daten.kreise())


def test_karte_klassen_unbekannte_methode():
    with pytest.raises(ParameterFehler):
        produkte.karte_klassen("sgb2_quote_unter_15", JAHR, "jenks")


def test_datenstory_hat_fuenf_teile_und_rechnet():
    story = produkte.datenstory("17252", "betreuungsquote_u3", JAHR).markdown
    for teil in ("Kontext", "Befund", "Vergleich", "Bedeutung", "Frage an die Runde"):
        assert f"**{teil}:**" in story
    assert prozent(_land_u3(JAHR)) in story


def test_kita_gemeinden_nenner_vom_vorjahr():
    t = produkte.kita_gemeinden("17252", 2022)
    assert t["ags"].str.startswith("17252").all()
    bev = daten.lade("bevoelkerung_gemeinden")
    erste = t.iloc[0]
    nenner = bev[
        (bev["ags"] == erste["ags"]) & (bev["jahr"] == 2021) & (bev["altersgruppe"] == "unter 3")
    ]["wert"].iloc[0]
    assert erste["nenner"] == nenner
    with pytest.raises(ParameterFehler):
        produkte.kita_gemeinden("17252", 1999)


def test_zielgruppentabelle():
    t = produkte.produkte_fuer_zielgruppen().daten
    assert {"Politik", "Verwaltung", "Fachöffentlichkeit", "Öffentlichkeit"} <= {
        z.split(" ")[0] for z in t["Zielgruppe"]
    }
