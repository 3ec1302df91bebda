"""Indikatoren des Bildungsmonitorings: ein Register, aus dem Berechnung,
Steckbriefe und Berichte schöpfen.

Jeder Indikator ist ein :class:`Indikator` mit Definition, Zähler, Nenner,
Quelle und Hinweisen; ``berechne()`` liefert eine Tabelle mit den Spalten
``ags``, ``jahr``, ``zaehler``, ``nenner`` und ``wert`` (für Kreise und, mit
``land=True``, das Land als Summe der Kreise).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd

from bimo import daten
from bimo.daten.musterland import ALTERSGRUPPEN_KITA
from bimo.fehler import ParameterFehler


@dataclass(frozen=True)
class Indikator:
    """Beschreibung eines Indikators (Steckbrief) und seine Berechnung."""

    kennung: str
    name: str
    themenfeld: str
    definition: str
    zaehler: str
    nenner: str
    quelle: str
    stichtag: str
    einheit: str
    hinweise: tuple[str, ...]
    _berechne: Callable[..., pd.DataFrame]

    def berechne(self, *, land: bool = True) -> pd.DataFrame:
        """Berechnet den Indikator für alle Kreise (und das Land) und alle Jahre."""
        tabelle = self._berechne()
        if land:
            tabelle = mit_land(tabelle)
        return tabelle


def _altersgruppe(altersgruppe: str) -> tuple[int, int]:
    try:
        return ALTERSGRUPPEN_KITA[altersgruppe]
    except KeyError:
        erlaubt = ", ".join(f"„{g}“" for g in ALTERSGRUPPEN_KITA)
        raise ParameterFehler(
            f"Unbekannte Altersgruppe „{altersgruppe}“. Erlaubt sind: {erlaubt}."
        ) from None


def kinder_in_betreuung(kita: pd.DataFrame, altersgruppe: str = "unter 3") -> pd.DataFrame:
    """Betreute Kinder (Kindertageseinrichtung plus Kindertagespflege) je Kreis und Jahr."""
    _altersgruppe(altersgruppe)
    auswahl = kita[kita["altersgruppe"] == altersgruppe]
    return auswahl.groupby(["ags", "jahr"], as_index=False)["wert"].sum()


def einwohner_im_alter(bevoelkerung: pd.DataFrame, von: int, bis: int) -> pd.DataFrame:
    """Einwohner mit Alter von ``von`` bis unter ``bis`` je Kreis und Jahr (31.12.)."""
    auswahl = bevoelkerung[(bevoelkerung["alter"] >= von) & (bevoelkerung["alter"] < bis)]
    return auswahl.groupby(["ags", "jahr"], as_index=False)["wert"].sum()


def betreuungsquote(
    kita: pd.DataFrame, bevoelkerung: pd.DataFrame, altersgruppe: str = "unter 3"
) -> pd.DataFrame:
    """Betreuungsquote: betreute Kinder je 100 Kinder derselben Altersgruppe.

    Zähler: Kinder in Kindertageseinrichtungen und in öffentlich geförderter
    Kindertagespflege am 01.03. des Jahres (ohne Doppelzählungen).
    Nenner: Kinder der Altersgruppe in der Bevölkerung am 31.12. des Vorjahres
    (so rechnet auch die amtliche Statistik).

    Gibt je Kreis und Jahr ``zaehler``, ``nenner`` und ``wert`` (in Prozent) zurück.
    """
    von, bis = _altersgruppe(altersgruppe)
    zaehler = kinder_in_betreuung(kita, altersgruppe).rename(columns={"wert": "zaehler"})
    nenner = einwohner_im_alter(bevoelkerung, von, bis).rename(columns={"wert": "nenner"})
    nenner["jahr"] = nenner["jahr"] + 1  # Bevölkerung am 31.12. des Vorjahres
    tabelle = zaehler.merge(nenner, on=["ags", "jahr"], how="inner", validate="one_to_one")
    tabelle["wert"] = tabelle["zaehler"] / tabelle["nenner"] * 100
    return tabelle.sort_values(["ags", "jahr"]).reset_index(drop=True)


def mit_land(tabelle: pd.DataFrame) -> pd.DataFrame:
    """Hängt das Land (Summe der Kreise: Zähler und Nenner, nicht Mittel der Quoten) an."""
    land = tabelle.groupby("jahr", as_index=False)[["zaehler", "nenner"]].sum()
    land["ags"] = daten.LAND_AGS
    land["wert"] = land["zaehler"] / land["nenner"] * 100
    return pd.concat([tabelle, land[tabelle.columns]], ignore_index=True)


def _quote_musterland(altersgruppe: str) -> Callable[[], pd.DataFrame]:
    def rechne() -> pd.DataFrame:
        return betreuungsquote(
            daten.lade("kindertagesbetreuung"), daten.lade("bevoelkerung"), altersgruppe
        )

    return rechne


_HINWEIS_UEBER_100 = (
    "Kinder werden am Ort der Betreuung gezählt, die Bevölkerung am Wohnort: Betreuen "
    "Einrichtungen einer Stadt viele Kinder aus dem Umland, kann die Quote über 100 % liegen."
)
_HINWEIS_STICHTAG = (
    "Zähler und Nenner haben verschiedene Stichtage (01.03. und 31.12. des Vorjahres); "
    "Geburten und Umzüge dazwischen verschieben die Quote leicht."
)

REGISTER: dict[str, Indikator] = {
    i.kennung: i
    for i in (
        Indikator(
            kennung="betreuungsquote_u3",
            name="Betreuungsquote der Kinder unter 3 Jahren",
            themenfeld="Frühkindliche Bildung",
            definition="Anteil der Kinder unter 3 Jahren in Kindertageseinrichtungen oder in "
            "öffentlich geförderter Kindertagespflege an allen Kindern dieses Alters.",
            zaehler="Kinder unter 3 Jahren in Kindertageseinrichtungen und Kindertagespflege "
            "am 01.03. (ohne Doppelzählungen)",
            nenner="Kinder unter 3 Jahren in der Bevölkerung am 31.12. des Vorjahres",
            quelle="Regionaldatenbank 22543-01-02-4 (Kinder) und 12411 (Bevölkerung); "
            "hier: Musterland",
            stichtag="01.03.",
            einheit="%",
            hinweise=(
                _HINWEIS_STICHTAG,
                "Seit dem 01.08.2013 besteht ein Rechtsanspruch auf Förderung ab dem "
                "vollendeten ersten Lebensjahr; Zeitreihen davor sind anders zu lesen.",
            ),
            _berechne=_quote_musterland("unter 3"),
        ),
        Indikator(
            kennung="betreuungsquote_3_6",
            name="Betreuungsquote der Kinder von 3 bis unter 6 Jahren",
            themenfeld="Frühkindliche Bildung",
            definition="Anteil der Kinder von 3 bis unter 6 Jahren in Kindertageseinrichtungen "
            "oder öffentlich geförderter Kindertagespflege an allen Kindern dieses Alters.",
            zaehler="Kinder von 3 bis unter 6 Jahren in Kindertageseinrichtungen und "
            "Kindertagespflege am 01.03. (ohne Doppelzählungen)",
            nenner="Kinder von 3 bis unter 6 Jahren in der Bevölkerung am 31.12. des Vorjahres",
            quelle="Regionaldatenbank 22543-01-02-4 (Kinder) und 12411 (Bevölkerung); "
            "hier: Musterland",
            stichtag="01.03.",
            einheit="%",
            hinweise=(_HINWEIS_UEBER_100, _HINWEIS_STICHTAG),
            _berechne=_quote_musterland("3 bis unter 6"),
        ),
    )
}


def indikator(kennung: str) -> Indikator:
    """Holt einen Indikator aus dem Register."""
    try:
        return REGISTER[kennung]
    except KeyError:
        bekannt = ", ".join(sorted(REGISTER))
        raise ParameterFehler(
            f"Unbekannter Indikator „{kennung}“. Bekannt sind: {bekannt}."
        ) from None
