"""Übung „Schwelle“: Was kostet eine höhere Mindestfallzahl an Information?

Für eine echte Gemeindetabelle (betreute Kinder nach Altersgruppe) wird die
Sperrung für jede Mindestfallzahl von 2 bis 10 berechnet. Gefragt ist, ab welcher
Schwelle mehr als ein vorgegebener Anteil der Kinder hinter gesperrten Zellen
verschwindet.
"""

from __future__ import annotations

from functools import lru_cache

import pandas as pd

from bimo.geheimhaltung import sperre_tabelle
from bimo.kapitel.datenschutz import informationsverlust, kita_gemeinden
from bimo.kern.format import prozent, zahl
from bimo.uebungen._basis import Rueckmeldung, Selbstkontrolle, lies_zahl, mit_statischem_ersatz

SCHWELLEN = range(2, 11)


@lru_cache(maxsize=8)
def verlusttabelle(kreis: str = "17255", jahr: int = 2024) -> pd.DataFrame:
    """Informationsverlust je Mindestfallzahl 2 … 10.

    Siehe :func:`bimo.kapitel.datenschutz.informationsverlust`.
    """
    return informationsverlust(kita_gemeinden(kreis, jahr), SCHWELLEN)


def _erste(spalte: pd.Series, anteil: float) -> int | None:
    ueber = spalte[spalte > anteil]
    return int(ueber.index[0]) if len(ueber) else None


def pruefe_schwelle(
    antwort: object,
    kreis: str = "17255",
    jahr: int = 2024,
    anteil: float = 2.0,
    versuch: int = 1,
) -> Rueckmeldung:
    """Prüft die kleinste Mindestfallzahl, bei der mehr als ``anteil`` % der Kinder
    (des Gesamtwerts) in gesperrten Gemeindezellen stecken."""
    verlust = verlusttabelle(kreis, jahr)
    richtig = _erste(verlust["Anteil Wert"], anteil)
    if richtig is None:
        raise ValueError(f"Bei keiner Schwelle bis 10 sind mehr als {anteil} % gesperrt.")
    wert = lies_zahl(antwort)
    if wert is None:
        return Rueckmeldung(
            False,
            f"„{antwort}“ ist keine Zahl. Geben Sie eine Mindestfallzahl zwischen 2 und 10 ein.",
        )
    if wert != int(wert) or not 2 <= wert <= 10:
        return Rueckmeldung(
            False, "Die Mindestfallzahl ist eine ganze Zahl; der Schieberegler reicht von 2 bis 10."
        )
    wert = int(wert)
    zeile = verlust.loc[richtig]
    if wert == richtig:
        return Rueckmeldung(
            True,
            f"Ab der Mindestfallzahl {richtig} stecken {prozent(zeile['Anteil Wert'], 1)} der "
            f"Kinder in gesperrten Zellen; ganz gesperrt sind dann: {zeile['ganz gesperrt']}.",
        )
    zellen = _erste(verlust["Anteil Zellen"], anteil)
    if wert == zellen:
        return Rueckmeldung(
            False,
            f"Bei {wert} sind mehr als {prozent(anteil, 0)} der Zellen gesperrt – gefragt ist "
            "aber der Anteil der Kinder (des Werts), nicht der Anteil der Zellen.",
        )
    if wert == richtig - 1:
        return Rueckmeldung(
            False,
            f"Bei {wert} sind es erst {prozent(verlust.loc[wert, 'Anteil Wert'], 1)}. Gefragt ist "
            f"die erste Schwelle, bei der es mehr als {prozent(anteil, 0)} sind.",
        )
    if wert > richtig:
        return Rueckmeldung(
            False,
            f"Bei {wert} sind es mehr als {prozent(anteil, 0)}, das stimmt – aber schon bei einer "
            "kleineren Schwelle. Gesucht ist die kleinste.",
        )
    if versuch <= 1:
        hinweis = "Schieben Sie den Regler und achten Sie auf den Anteil der Kinder."
    else:
        hinweis = (
            f"Bei {wert} sind {prozent(verlust.loc[wert, 'Anteil Wert'], 1)} gesperrt – "
            "gehen Sie weiter nach oben."
        )
    return Rueckmeldung(False, f"{wert} ist zu klein. {hinweis}")


def aufgabe_schwelle(kreis: str = "17255", jahr: int = 2024, anteil: float = 2.0):
    """Schieberegler für die Mindestfallzahl mit veröffentlichter Tabelle und Verlust,
    darunter die Selbstkontrolle."""
    import ipywidgets as w

    tabelle = kita_gemeinden(kreis, jahr)
    verlust = verlusttabelle(kreis, jahr)
    regler = w.IntSlider(
        value=3,
        min=min(SCHWELLEN),
        max=max(SCHWELLEN),
        description="Mindestfallzahl",
        style={"description_width": "initial"},
    )
    anzeige = w.HTML()

    def zeigen(_aenderung=None):  # noqa: ANN001
        t = regler.value
        sperrung = sperre_tabelle(tabelle, t)
        z = verlust.loc[t]
        kopf = (
            f"<p>Gesperrt: {zahl(z['gesperrt'])} Zellen ({zahl(z['primär'])} primär, "
            f"{zahl(z['sekundär'])} sekundär); {prozent(z['Anteil Zellen'], 1)} der "
            f"Gemeindezellen, {prozent(z['Anteil Wert'], 1)} der Kinder. Ganz gesperrt: "
            f"{z['ganz gesperrt']}.</p>"
        )
        anzeige.value = kopf + sperrung.anzeige().to_html()

    regler.observe(zeigen, names="value")
    zeigen()
    kontrolle = Selbstkontrolle(
        lambda antwort, versuch: pruefe_schwelle(antwort, kreis, jahr, anteil, versuch),
        beschriftung=(
            f"Ab welcher Mindestfallzahl stecken mehr als {prozent(anteil, 0)} der Kinder in "
            "gesperrten Zellen?"
        ),
        platzhalter="z. B. 4",
    )
    box = w.VBox([regler, anzeige, kontrolle.oberflaeche])
    box.regler, box.anzeige, box.kontrolle = regler, anzeige, kontrolle
    return mit_statischem_ersatz(
        box,
        "ein Schieberegler für die Mindestfallzahl, darunter die Zahl der gesperrten Zellen "
        "(primär und sekundär), der Anteil gesperrter Gemeindezellen und Kinder und die "
        "veröffentlichte Tabelle mit Sperrungen; dazu eine Selbstkontrolle mit Eingabefeld "
        "und Knopf „Prüfen“.",
    )
