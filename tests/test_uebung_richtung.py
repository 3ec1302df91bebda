"""Übung „Die Richtungsfalle“: NRW-Stufen und Hamburger Skala richtig lesen."""

from __future__ import annotations

import pandas as pd
import pytest

from bimo.uebungen import richtung as u


def test_hamburger_art_laeuft_andersherum():
    s = pd.Series([3.0, -1.0, 0.5, 2.0, -2.0, 1.0], index=list("abcdef"))
    h = u.hamburger_art(s)
    assert h["a"] == 1  # höchste Belastung
    assert h["e"] == 6  # geringste Belastung
    skalen = u.skalen()
    assert skalen["statussumme"].corr(skalen["NRW-Art"], method="spearman") > 0.9
    assert skalen["statussumme"].corr(skalen["Hamburger Art"], method="spearman") < -0.9


def test_paar_passt_zur_falle():
    s = u.skalen()
    a, b = u.paar()
    assert s.loc[a, "NRW-Art"] > s.loc[b, "Hamburger Art"]  # naiv: a belasteter
    assert s.loc[b, "statussumme"] > s.loc[a, "statussumme"]  # wirklich: b


def test_richtung_richtig_und_umgedreht():
    a, b = u.paar()
    optionen = u.optionen_richtung()
    assert u.pruefe_richtung(optionen[1]).richtig
    assert u.pruefe_richtung(b).richtig
    r = u.pruefe_richtung(optionen[0])
    assert not r.richtig
    assert "gleich herum gelesen" in r.text
    assert "Skalen" in u.pruefe_richtung("Beide gleich belastet").text
    assert "Doch" in u.pruefe_richtung("Das lässt sich nicht sagen").text


def test_richtung_unsinn():
    assert "wählen" in u.pruefe_richtung("").text
    assert "wählen" in u.pruefe_richtung(None).text
    assert "Wählen Sie" in u.pruefe_richtung("SR99", versuch=1).text
    assert "Übersetzen" in u.pruefe_richtung(42, versuch=2).text


RICHTIG = {"nrw_8": u.STARK, "hamburg_2": u.STARK, "nrw_2": u.WENIG, "hamburg_5": u.WENIG}


def test_uebersetzung_richtig():
    assert u.pruefe_uebersetzung(RICHTIG).richtig


@pytest.mark.parametrize(
    ("aenderung", "hinweis"),
    [
        ({"hamburg_2": u.WENIG, "hamburg_5": u.STARK}, "Hamburger Werte aber umgedreht"),
        ({"nrw_8": u.WENIG, "nrw_2": u.STARK}, "NRW-Stufen sind umgedreht"),
        (
            {"nrw_8": u.WENIG, "nrw_2": u.STARK, "hamburg_2": u.WENIG, "hamburg_5": u.STARK},
            "genau verkehrt herum",
        ),
        ({"hamburg_2": u.WENIG}, "stimmen noch nicht"),
    ],
)
def test_uebersetzung_typische_fehler(aenderung, hinweis):
    r = u.pruefe_uebersetzung({**RICHTIG, **aenderung})
    assert not r.richtig
    assert hinweis in r.text


def test_uebersetzung_unsinn_und_hinweise():
    assert "ordnen Sie" in u.pruefe_uebersetzung("stark").text
    assert "ordnen Sie" in u.pruefe_uebersetzung({}).text
    assert "Noch offen" in u.pruefe_uebersetzung({"nrw_8": u.STARK}).text
    assert "Noch falsch" in u.pruefe_uebersetzung({**RICHTIG, "nrw_8": u.WENIG}, versuch=2).text


def test_vorzeichen():
    assert u.korrelation() < 0
    assert u.pruefe_vorzeichen(u.GEGEN).richtig
    r = u.pruefe_vorzeichen(u.MIT)
    assert "verkehrt herum" in r.text
    assert "r = " in u.pruefe_vorzeichen(u.MIT, versuch=2).text
    assert "Vorzeichen bleibt" in u.pruefe_vorzeichen(u.EGAL).text
    assert "wählen" in u.pruefe_vorzeichen("minus").text


def test_widgets():
    w1 = u.aufgabe_richtung()
    w1.auswahl.value = u.optionen_richtung()[1]
    assert w1.pruefen().richtig
    w2 = u.aufgabe_uebersetzung()
    for k, v in RICHTIG.items():
        w2.auswahl[k].value = v
    assert w2.pruefen().richtig
    w3 = u.aufgabe_vorzeichen()
    assert not w3.pruefen().richtig  # nichts gewählt
