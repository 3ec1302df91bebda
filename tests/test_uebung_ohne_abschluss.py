"""Selbstkontrolle der Übung „ohne Abschluss“: richtig, typische Fehler, gestufte Hinweise."""

from __future__ import annotations

import pytest

from bimo import daten
from bimo.uebungen import ohne_abschluss as oa

AGS, JAHR = "17253", 2024


@pytest.fixture(scope="module")
def z():
    abg = daten.lade("abgaenger")
    bev = daten.lade("bevoelkerung")
    a = abg[(abg["ags"] == AGS) & (abg["jahr"] == JAHR)]
    ohne = a[a["abschluss"] == "ohne Ersten Schulabschluss"]

    def jahrgaenge(jahr):
        b = bev[(bev["ags"] == AGS) & (bev["jahr"] == jahr)]
        return b[(b["alter"] >= 15) & (b["alter"] < 18)]["wert"].sum()

    return {
        "ohne": ohne["wert"].sum(),
        "alle": a["wert"].sum(),
        "erster": a[a["abschluss"] == "Erster Schulabschluss"]["wert"].sum(),
        "maennlich": ohne[ohne["geschlecht"] == "maennlich"]["wert"].sum(),
        "drei": jahrgaenge(JAHR - 1),
        "drei_gleich": jahrgaenge(JAHR),
    }


def anteil(z):
    return z["ohne"] / z["alle"] * 100


def jahrgang(z):
    return z["ohne"] / (z["drei"] / 3) * 100


def test_richtige_werte_passen_zur_eigenen_rechnung(z):
    werte = oa.richtige_werte(AGS, JAHR)
    assert werte["anteil"] == pytest.approx(anteil(z))
    assert werte["jahrgang"] == pytest.approx(jahrgang(z))


@pytest.mark.parametrize("definition, rechnung", [("anteil", anteil), ("jahrgang", jahrgang)])
def test_richtig_gerundet_und_mit_komma(z, definition, rechnung):
    r = oa.pruefe_ohne_abschluss(round(rechnung(z), 1), AGS, JAHR, definition)
    assert r.richtig
    text = f"{rechnung(z):.1f}".replace(".", ",")
    assert oa.pruefe_ohne_abschluss(text + " %", AGS, JAHR, definition).richtig


def test_daneben_ist_falsch(z):
    assert not oa.pruefe_ohne_abschluss(anteil(z) + 0.5, AGS, JAHR).richtig


@pytest.mark.parametrize(
    "definition, fehler, erwartet",
    [
        ("anteil", lambda z: anteil(z) / 100, "Anteil (zwischen 0 und 1)"),
        ("jahrgang", lambda z: jahrgang(z) / 100, "Anteil (zwischen 0 und 1)"),
        ("anteil", jahrgang, "anderen Definition"),
        ("jahrgang", anteil, "anderen Definition"),
        ("anteil", lambda z: z["erster"] / z["alle"] * 100, "mit Erstem Schulabschluss"),
        ("anteil", lambda z: (z["alle"] - z["ohne"]) / z["alle"] * 100, "alle Abgänger mit"),
        ("anteil", lambda z: z["alle"] / z["ohne"] * 100, "vertauscht"),
        ("anteil", lambda z: z["maennlich"] / z["alle"] * 100, "nur einen Teil"),
        ("jahrgang", lambda z: z["ohne"] / z["drei"] * 100, "drei Altersjahrgänge"),
        ("jahrgang", lambda z: z["ohne"] / (z["drei_gleich"] / 3) * 100, "31.12.2024"),
    ],
)
def test_typische_fehler(z, definition, fehler, erwartet):
    r = oa.pruefe_ohne_abschluss(round(fehler(z), 2), AGS, JAHR, definition)
    assert not r.richtig
    assert erwartet in r.text


def test_hinweise_werden_konkreter(z):
    texte = [
        oa.pruefe_ohne_abschluss(55.5, AGS, JAHR, "jahrgang", versuch=v).text for v in (1, 2, 3)
    ]
    assert "÷" in texte[0] and "31.12.2023" not in texte[0]
    assert "31.12.2023" in texte[1]
    assert f"{z['drei']:,}".replace(",", ".") in texte[2]
    assert all("über dem Ergebnis" in t for t in texte)
    assert len(set(texte)) == 3


@pytest.mark.parametrize("muell", ["viel", "", None, [1, 2], "12,3,4"])
def test_muell_stuerzt_nicht_ab(muell):
    r = oa.pruefe_ohne_abschluss(muell, AGS, JAHR)
    assert not r.richtig and "keine Zahl" in r.text


def test_unbekannte_definition():
    r = oa.pruefe_ohne_abschluss(9.4, AGS, JAHR, "quotensumme")
    assert not r.richtig and "Unbekannte Definition" in r.text


def test_rangvergleich_und_rangwechsel():
    tabelle = oa.rangvergleich(JAHR)
    assert len(tabelle) == 12
    assert (tabelle["rangwechsel"] == tabelle["rang_jahrgang"] - tabelle["rang_anteil"]).all()
    groesster = tabelle["rangwechsel"].abs().max()
    sieger = tabelle[tabelle["rangwechsel"].abs() == groesster].iloc[0]
    r = oa.pruefe_rangwechsel(sieger["name"], JAHR)
    assert r.richtig and "Plätze" in r.text
    assert oa.pruefe_rangwechsel(sieger["ags"], JAHR).richtig


def test_rangwechsel_falsch_und_gestuft():
    tabelle = oa.rangvergleich(JAHR)
    andere = tabelle[tabelle["rangwechsel"].abs() < tabelle["rangwechsel"].abs().max()]
    name = andere["name"].iloc[0]
    erst = oa.pruefe_rangwechsel(name, JAHR, versuch=1)
    zweit = oa.pruefe_rangwechsel(name, JAHR, versuch=2)
    assert not erst.richtig and "Differenz der beiden Rangplätze" not in erst.text
    assert "Differenz der beiden Rangplätze" in zweit.text


@pytest.mark.parametrize("muell", ["", None, "Atlantis", 42])
def test_rangwechsel_muell(muell):
    r = oa.pruefe_rangwechsel(muell, JAHR)
    assert not r.richtig and "aus der Liste" in r.text


def test_widget_prueft():
    pytest.importorskip("ipywidgets")
    oberflaeche = oa.aufgabe_ohne_abschluss(AGS, JAHR)
    assert len(oberflaeche.children) == 3
    kontrolle = oa.Auswahlkontrolle(
        lambda antwort, versuch: oa.pruefe_rangwechsel(antwort, JAHR, versuch), "Frage", ["A"]
    )
    kontrolle.knopf.click()
    assert kontrolle.versuche == 1 and "aus der Liste" in kontrolle.ausgabe.value
