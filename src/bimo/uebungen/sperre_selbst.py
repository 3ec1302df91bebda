"""Übung „Sperre selbst“: ein eigenes Sperrmuster wählen und vom Angreifer prüfen lassen.

Die Tabelle: betreute Kinder der kleinsten Gemeinden eines Kreises nach
Altersgruppe, die übrigen Gemeinden zusammengefasst, mit Summen. Wer Zellen
sperrt, bekommt zurück, ob eine kleine Zahl noch sichtbar ist, welche gesperrte
Zahl sich zurückrechnen oder zu eng eingrenzen lässt – und ob weniger Sperren
gereicht hätten (Vergleich mit dem optimalen Muster von
:func:`~bimo.geheimhaltung.sperre_tabelle`).
"""

from __future__ import annotations

import math
from functools import lru_cache

import pandas as pd

from bimo.fehler import GeheimhaltungsFehler
from bimo.geheimhaltung import MINDESTFALLZAHL, pruefe_sperrung, sperre_tabelle
from bimo.kapitel.datenschutz import kita_kleine_gemeinden
from bimo.kern.format import zahl
from bimo.uebungen._basis import Rasterkontrolle, Rueckmeldung, markierte_zellen


def uebungstabelle(kreis: str = "17255", jahr: int = 2024, anzahl: int = 5) -> pd.DataFrame:
    """Innere Zellen der Übungstabelle (kleinste Gemeinden, Rest zusammengefasst)."""
    return kita_kleine_gemeinden(kreis, jahr, anzahl)


@lru_cache(maxsize=16)
def _optimum(kreis: str, jahr: int, anzahl: int, mindestfallzahl: int):
    return sperre_tabelle(uebungstabelle(kreis, jahr, anzahl), mindestfallzahl)


def _grenze(x: float) -> str:
    """Intervallgrenze als Text; eine unbeschränkte obere Grenze als „∞“."""
    return "∞" if math.isinf(x) else zahl(round(x))


def _name(z, s) -> str:
    return f"({z}, {s})"


def pruefe_sperre_selbst(
    auswahl: object,
    kreis: str = "17255",
    jahr: int = 2024,
    anzahl: int = 5,
    mindestfallzahl: int = MINDESTFALLZAHL,
    versuch: int = 1,
) -> Rueckmeldung:
    """Prüft ein selbst gewähltes Sperrmuster wie ein Angreifer (lineare Programme).

    ``auswahl``: die gesperrten Zellen als Liste von (Gemeinde, Altersgruppe) – auch
    Summen wie ``("Insgesamt", "unter 3")`` – oder als bool-Maske der vollständigen
    Tabelle.
    """
    optimum = _optimum(kreis, jahr, anzahl, mindestfallzahl)
    voll = optimum.tabelle
    zellen = markierte_zellen(auswahl, voll)
    if zellen is None:
        return Rueckmeldung(
            False,
            "Das kann ich nicht lesen. Wählen Sie die Zellen im Raster an oder geben Sie eine "
            "Liste von Paaren (Gemeinde, Altersgruppe) an.",
        )
    primaer = [(z, s) for z in voll.index for s in voll.columns if optimum.primaer.loc[z, s]]
    if not zellen:
        z, s = primaer[0]
        return Rueckmeldung(
            False,
            f"Sie haben nichts gesperrt. Die Zelle {_name(z, s)} enthält nur "
            f"{zahl(voll.loc[z, s])} – weniger als {mindestfallzahl} – und darf so nicht "
            "erscheinen.",
        )
    offen = [(z, s) for z, s in primaer if (z, s) not in zellen]
    if offen:
        z, s = offen[0]
        return Rueckmeldung(
            False,
            f"Die Zelle {_name(z, s)} ist selbst eine kleine Zahl "
            f"({zahl(voll.loc[z, s])} < {mindestfallzahl}) und steht noch offen da. Kleine "
            "Zahlen werden immer zuerst gesperrt (primäre Sperrung).",
        )
    maske = pd.DataFrame(False, index=voll.index, columns=voll.columns)
    for z, s in zellen:
        maske.loc[z, s] = True
    try:
        pruefung = pruefe_sperrung(voll, maske, mindestfallzahl)
    except GeheimhaltungsFehler as fehler:  # pragma: no cover – Schutz vor Unerwartetem
        return Rueckmeldung(False, f"Die Prüfung ist gescheitert: {fehler}")
    if not pruefung.bestanden:
        b = pruefung.maengel[0]
        unten, oben = _grenze(b.unten), _grenze(b.oben)
        if b.unten == b.oben:
            kern = (
                f"Die Zelle {_name(b.zeile, b.spalte)} lässt sich exakt zurückrechnen: "
                f"Der Angreifer kommt auf genau {unten}."
            )
        else:
            kern = (
                f"Die Zelle {_name(b.zeile, b.spalte)} lässt sich auf [{unten}, {oben}] "
                "eingrenzen – zu eng: Der Angreifer darf weder sicher sein, dass sie besetzt "
                f"ist, noch ausschließen, dass sie {mindestfallzahl} oder mehr enthält."
            )
        zeilen_gesperrt = sum(1 for z2, s2 in zellen if z2 == b.zeile)
        spalten_gesperrt = sum(1 for z2, s2 in zellen if s2 == b.spalte)
        if zeilen_gesperrt < 2 or spalten_gesperrt < 2:
            tipp = (
                " In ihrer Zeile oder Spalte ist sie die einzige gesperrte Zelle – dann liefert "
                "die Summe sie sofort."
            )
        elif versuch <= 1:
            tipp = (
                " Die übrigen Sperren helfen nicht genug: Entweder lässt sich eine von ihnen "
                "über ihre eigene Zeile oder Spalte ausrechnen, oder sie lassen zu wenig "
                "Spielraum."
            )
        else:
            tipp = (
                " Tipp: Sperren Sie in derselben Zeile und Spalte jeweils eine weitere Zelle "
                "und schließen Sie das Rechteck mit der vierten Ecke – am besten in einer "
                "Gemeinde mit ebenfalls kleinen Zahlen."
            )
        return Rueckmeldung(False, kern + tipp)
    noetig = optimum.anzahl_gesperrt
    if len(zellen) > noetig:
        return Rueckmeldung(
            False,
            f"Sicher – aber Sie haben {len(zellen)} Zellen gesperrt, nötig sind nur {noetig}. "
            "Jede unnötige Sperre ist verlorene Information. Welche Sperre können Sie "
            "wieder aufheben, ohne dass die Prüfung scheitert?",
        )
    intervalle = "; ".join(
        f"{_name(b.zeile, b.spalte)}: [{_grenze(b.unten)}, {_grenze(b.oben)}]"
        for b in pruefung.befunde
        if b.primaer
    )
    return Rueckmeldung(
        True,
        f"Sicher und sparsam: {len(zellen)} gesperrte Zellen, so wenige wie möglich. Der "
        f"Angreifer kommt nur noch auf Intervalle: {intervalle}.",
    )


class Sperrraster(Rasterkontrolle):
    """Je Zelle ein Umschaltknopf mit ihrer Zahl (anklicken = sperren), darunter „Prüfen“."""

    def __init__(self, kreis: str, jahr: int, anzahl: int, mindestfallzahl: int) -> None:
        voll = _optimum(kreis, jahr, anzahl, mindestfallzahl).tabelle
        super().__init__(
            lambda auswahl, versuch: pruefe_sperre_selbst(
                auswahl, kreis, jahr, anzahl, mindestfallzahl, versuch
            ),
            "Gemeinde",
            {z: z for z in voll.index},
            {s: s for s in voll.columns},
            lambda z, s: zahl(voll.loc[z, s]),
            breite_zeilen="12em",
            breite="7em",
        )


def aufgabe_sperre_selbst(
    kreis: str = "17255",
    jahr: int = 2024,
    anzahl: int = 5,
    mindestfallzahl: int = MINDESTFALLZAHL,
) -> Sperrraster:
    """Raster aus Umschaltknöpfen (eine je Zelle, Summen eingeschlossen) mit Prüfknopf."""
    return Sperrraster(kreis, jahr, anzahl, mindestfallzahl)
