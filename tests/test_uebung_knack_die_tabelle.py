"""Übung „Knack die Tabelle“: die gesperrte Zahl lässt sich aus der Summe zurückrechnen."""

from __future__ import annotations

import pytest

from bimo import daten
from bimo.uebungen.knack_die_tabelle import (
    angriffstabelle,
    aufgabe_knack_die_tabelle,
    pruefe_knack_die_tabelle,
)


@pytest.fixture(scope="module")
def tabelle():
    return angriffstabelle("17255", 2024, "unter 3")


def test_genau_eine_gemeinde_primaer_gesperrt(tabelle):
    assert len(tabelle.geheim) == 1
    assert 0 < tabelle.geheim.iloc[0] < 3
    anzeige = tabelle.anzeige()
    assert (anzeige.iloc[:, 0] == ".").sum() == 1


def test_summe_der_gemeinden_ist_die_kreissumme(tabelle):
    # Sonst wäre der Angriff gar nicht möglich – die Daten müssen zusammenpassen.
    assert tabelle.werte.sum() == tabelle.insgesamt


def test_richtige_antwort(tabelle):
    richtig = tabelle.insgesamt - tabelle.veroeffentlicht.sum()
    r = pruefe_knack_die_tabelle(str(richtig), tabelle)
    assert r.richtig
    assert "sekundäre Sperrung" in r.text


@pytest.mark.parametrize(
    ("falsch", "hinweis"),
    [
        (lambda t: t.insgesamt, "Kreissumme selbst"),
        (lambda t: t.veroeffentlicht.sum(), "Summe der sichtbaren Gemeinden"),
        (lambda t: -t.geheim.iloc[0], "Vorzeichen"),
        (lambda t: t.geheim.iloc[0] + t.veroeffentlicht.iloc[3], "beim Abziehen vergessen"),
        (lambda t: ".", "Doch, es geht"),
        (lambda t: "geht nicht", "Doch, es geht"),
        (lambda t: "abc", "keine Zahl"),
    ],
)
def test_typische_fehler(tabelle, falsch, hinweis):
    r = pruefe_knack_die_tabelle(falsch(tabelle), tabelle)
    assert not r.richtig
    assert hinweis in r.text


def test_hinweise_werden_konkreter(tabelle):
    erst = pruefe_knack_die_tabelle(100000, tabelle, versuch=1)
    dann = pruefe_knack_die_tabelle(100000, tabelle, versuch=2)
    assert "Kreissumme minus" in erst.text
    assert str(tabelle.insgesamt) in dann.text.replace(".", "")


def test_unbekannter_kreis():
    with pytest.raises(daten.DatenFehler, match="17999"):
        angriffstabelle("17999", 2024)


def test_widget_prueft(tabelle):
    kontrolle = aufgabe_knack_die_tabelle(tabelle)
    kontrolle.eingabe.value = str(tabelle.geheim.iloc[0])
    assert kontrolle.pruefen().richtig
    assert "Richtig" in kontrolle.ausgabe.value


# --- Teil 2 ---------------------------------------------------------------------------------

from bimo.uebungen.knack_die_tabelle import (  # noqa: E402
    aufgabe_knack_teil2,
    pruefe_knack_teil2,
    sichere_anzeige,
    sichere_sperrung,
)


def test_teil2_sperrung_bestanden(tabelle):
    s = sichere_sperrung(tabelle)
    assert s.pruefung.bestanden
    assert (sichere_anzeige(tabelle).iloc[:, 0] == ".").sum() >= 2


def test_teil2_richtig(tabelle):
    _, oben = sichere_sperrung(tabelle).pruefung.intervall(tabelle.geheim.index[0], "unter 3")
    r = pruefe_knack_teil2(round(oben), tabelle)
    assert r.richtig and "möglich" in r.text


@pytest.mark.parametrize(
    ("falsch", "hinweis"),
    [
        (lambda t, oben: t.geheim.iloc[0], "wahre Wert aus Teil 1"),
        (lambda t, oben: oben - 1, "ganz in dieser einen Gemeinde"),
        (lambda t, oben: "abc", "keine Zahl"),
    ],
)
def test_teil2_fehler(tabelle, falsch, hinweis):
    _, oben = sichere_sperrung(tabelle).pruefung.intervall(tabelle.geheim.index[0], "unter 3")
    r = pruefe_knack_teil2(falsch(tabelle, round(oben)), tabelle)
    assert not r.richtig and hinweis in r.text


def test_teil2_hinweise_und_widget(tabelle):
    assert "Ziehen Sie" in pruefe_knack_teil2(10000, tabelle, versuch=1).text
    assert "Kreissumme ist" in pruefe_knack_teil2(10000, tabelle, versuch=2).text
    kontrolle = aufgabe_knack_teil2(tabelle)
    kontrolle.eingabe.value = "x"
    assert not kontrolle.pruefen().richtig
