"""Register-Berechnungen an echten Exporten der Regionaldatenbank (../shared/realdata).

Betreuungsquote unter 3 Jahren 2016 und Anteil der Abgänger ohne Hauptschulabschluss 2015
werden für alle 400 Kreise durch die Funktionen des Registers gerechnet (die echten Tabellen
über die Adapter ``*_aus_regionalstatistik``) und mit dem Regionalatlas AI003 verglichen.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pandas as pd
import pytest

from bimo import indikatoren
from bimo.daten import lese_regionalstatistik
from bimo.fehler import ParameterFehler

REALDATEN = Path(__file__).resolve().parents[1].parent / "shared" / "realdata"
ORDNER = REALDATEN / "regionalstatistik_2017"
TOLERANZ = 0.1  # Prozentpunkte

if not ORDNER.is_dir():
    pytest.skip(
        f"Die echten Regionaldatenbank-Exporte fehlen ({ORDNER}); sie liegen nur neben dem "
        "Projekt, nicht in einem frischen Klon.",
        allow_module_level=True,
    )


@cache
def _lies(name: str) -> pd.DataFrame:
    return lese_regionalstatistik(ORDNER / name)


def _atlas(datei: str, jahr: int, merkmal: str) -> pd.Series:
    atlas = _lies(datei)
    atlas = atlas[(atlas["jahr"] == jahr) & (atlas["merkmal_1"] == merkmal)]
    return atlas[atlas["ebene"] == "Kreis"].set_index("ags")["wert"]


def _bestehende_kreise(tabelle: pd.DataFrame) -> set[str]:
    """Kreise, die nicht nur „-“ haben (aufgelöste Kreise bleiben in den Exporten stehen)."""
    kreise = tabelle[tabelle["ebene"] == "Kreis"]
    leer = kreise.groupby("ags")["zeichen"].agg(lambda z: set(z) == {"-"})
    return set(leer[~leer].index)


def _vergleiche(berechnet: pd.DataFrame, atlas: pd.Series, kreise: set[str]) -> pd.Series:
    wert = berechnet.set_index("ags")["wert"]
    abweichung = (wert.reindex(sorted(kreise)) - atlas.reindex(sorted(kreise))).abs()
    assert len(kreise) == 400
    assert abweichung.notna().all(), abweichung[abweichung.isna()]
    assert abweichung.max() <= TOLERANZ, abweichung.nlargest(3)
    return abweichung


def test_betreuungsquote_unter_3_2016_durch_das_register():
    kita = _lies("22543-01-02-4_00.csv")
    bev = _lies("12411-02-03-4_00.csv")
    tabellen = {
        "kindertagesbetreuung": indikatoren.kita_aus_regionalstatistik(kita),
        "bevoelkerung": indikatoren.bevoelkerung_aus_regionalstatistik(bev),
    }
    quote = indikatoren.indikator("betreuungsquote_u3").berechne(land=False, tabellen=tabellen)
    quote = quote[quote["jahr"] == 2016]
    kreise = _bestehende_kreise(kita[kita["jahr"] == 2016]) & _bestehende_kreise(bev)
    atlas = _atlas("AI003-3_00.csv", 2016, "Betreuungsquote 0 bis 2 Jahre")
    abweichung = _vergleiche(quote, atlas, kreise)
    assert abweichung.max() <= 0.05 + 1e-9  # nur Rundung auf eine Nachkommastelle


@pytest.mark.parametrize("name", ["21111-02-06-4.csv", "21111-02-06-4_00.csv"])
def test_anteil_ohne_hauptschulabschluss_2015_durch_das_register(name):
    schulen = _lies(name)
    tabellen = {"abgaenger": indikatoren.abgaenger_aus_regionalstatistik(schulen)}
    anteil = indikatoren.indikator("ohne_abschluss_anteil").berechne(land=False, tabellen=tabellen)
    anteil = anteil[anteil["jahr"] == 2015]
    kreise = _bestehende_kreise(schulen[schulen["jahr"] == 2015])
    atlas = _atlas("AI003-2_00.csv", 2015, "Anteil Schulabgänger ohne Hauptschulabschluss")
    abweichung = _vergleiche(anteil, atlas, kreise)
    assert abweichung.max() <= 0.05 + 1e-9


def test_altersgruppen_der_echten_bevoelkerung():
    bev = indikatoren.bevoelkerung_aus_regionalstatistik(_lies("12411-02-03-4_00.csv"))
    assert set(zip(bev["alter"], bev["alter_bis"], strict=True)) >= {
        (0, 3),
        (3, 6),
        (75, float("inf")),
    }
    # 18 bis unter 20 liegt in einer Gruppe; „unter 20“ geht auf, „unter 19“ nicht
    assert len(indikatoren.einwohner_im_alter(bev, 0, 20)) > 400
    with pytest.raises(ParameterFehler, match="passen nicht"):
        indikatoren.einwohner_im_alter(bev, 0, 19)
    jq = indikatoren.jugendquotient(bev)
    assert jq["wert"].dropna().between(20, 45).all()
