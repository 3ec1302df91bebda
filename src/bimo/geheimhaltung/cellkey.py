"""Cell-Key-Verfahren (Demonstration): Fallzahlen zufällig, aber reproduzierbar überlagern.

Jeder Datensatz trägt einen festen Zufallsschlüssel in [0, 1). Der Schlüssel einer
Zelle ist der Nachkommateil der Summe der Schlüssel ihrer Datensätze – dieselbe
Zelle bekommt also immer denselben Schlüssel, gleich in welcher Tabelle sie
auftaucht. Eine Überlagerungstabelle gibt für jede Originalzahl n eine Verteilung
der Abweichungen d (|d| ≤ D, Mittel 0, Varianz möglichst V, n + d nie in 1 … js);
der Zellschlüssel wählt daraus die Abweichung. Nullen bleiben null. Summen werden
für sich überlagert und passen danach nicht mehr genau zu ihren Teilen.

Diese Fassung dient dem Verstehen (Kapitel Datenschutz); für amtliche Zwecke
gibt es die abgestimmten Werkzeuge der Statistikämter.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np
import pandas as pd
from scipy.optimize import minimize

from bimo.fehler import GeheimhaltungsFehler


def datensatz_schluessel(anzahl: int, saat: int = 17) -> np.ndarray:
    """Feste Zufallsschlüssel in [0, 1) für ``anzahl`` Datensätze (reproduzierbar über ``saat``)."""
    return np.random.default_rng(saat).random(anzahl)


def zell_schluessel(schluessel: pd.Series | np.ndarray) -> float:
    """Schlüssel einer Zelle: Nachkommateil der Summe der Datensatzschlüssel."""
    return float(np.sum(np.asarray(schluessel, dtype=float)) % 1.0)


@lru_cache(maxsize=4096)
def _verteilung(n: int, d_max: int, varianz: float, js: int) -> tuple[tuple[int, ...], tuple]:
    """Ziele n + d und ihre Wahrscheinlichkeiten (Mittel n, Varianz möglichst nahe ``varianz``)."""
    if n == 0:
        return (0,), (1.0,)
    ziele = [m for m in range(max(0, n - d_max), n + d_max + 1) if not 1 <= m <= js]
    if not ziele:
        raise GeheimhaltungsFehler(f"Für die Zahl {n} gibt es keinen erlaubten Zielwert.")
    m = np.array(ziele, dtype=float)
    d = m - n

    def ziel(p):  # negative Entropie plus Strafe für Abweichung von der Varianz
        p = np.clip(p, 1e-12, 1)
        return float(np.sum(p * np.log(p)) + 50 * (p @ d**2 - varianz) ** 2)

    bedingungen = [
        {"type": "eq", "fun": lambda p: p.sum() - 1},
        {"type": "eq", "fun": lambda p: p @ d},
    ]
    start = np.full(len(m), 1 / len(m))
    erg = minimize(ziel, start, bounds=[(0, 1)] * len(m), constraints=bedingungen, method="SLSQP")
    p = np.clip(erg.x, 0, 1) if erg.success else None
    if p is None or abs(p @ d) > 1e-4:
        # unverzerrt nicht erreichbar (z. B. kleine n mit js): bleibe beim nächsten Ziel
        naechstes = int(m[np.argmin(np.abs(d))])
        return (naechstes,), (1.0,)
    p = p / p.sum()
    return tuple(int(x) for x in m), tuple(float(x) for x in p)


def ueberlagere(
    anzahl: int, zellschluessel: float, d_max: int = 2, varianz: float = 1.0, js: int = 2
) -> int:
    """Überlagerte Fallzahl einer Zelle mit Originalzahl ``anzahl`` und Zellschlüssel.

    ``d_max`` ist die größte Abweichung D, ``varianz`` die angestrebte Varianz V,
    ``js``: Zahlen 1 … js erscheinen nach der Überlagerung nie.

    >>> ueberlagere(0, 0.73)
    0
    >>> ueberlagere(10, 0.5) == ueberlagere(10, 0.5)
    True
    """
    if anzahl < 0 or not 0 <= zellschluessel < 1:
        raise GeheimhaltungsFehler(
            "Erwartet werden eine Fallzahl ≥ 0 und ein Zellschlüssel in [0, 1)."
        )
    ziele, wahrsch = _verteilung(int(anzahl), int(d_max), float(varianz), int(js))
    grenzen = np.cumsum(wahrsch)
    i = int(np.searchsorted(grenzen, zellschluessel, side="right"))
    return ziele[min(i, len(ziele) - 1)]


def cellkey_tabelle(
    daten: pd.DataFrame,
    zeilen: str,
    spalten: str,
    schluessel: str = "schluessel",
    **parameter,
) -> pd.DataFrame:
    """Kreuztabelle mit Summen, jede Zelle (auch jede Summe) einzeln überlagert.

    ``daten`` hat je Datensatz eine Zeile und die Spalte ``schluessel`` (aus
    :func:`datensatz_schluessel`). ``parameter`` gehen an :func:`ueberlagere`.
    """
    fehlend = [s for s in (zeilen, spalten, schluessel) if s not in daten.columns]
    if fehlend:
        raise GeheimhaltungsFehler(f"Den Daten fehlen die Spalten {', '.join(fehlend)}.")
    zs = [*pd.unique(daten[zeilen]), "Insgesamt"]
    ss = [*pd.unique(daten[spalten]), "Insgesamt"]
    ergebnis = pd.DataFrame(0, index=zs, columns=ss)
    for z in zs:
        for s in ss:
            teil = daten
            if z != "Insgesamt":
                teil = teil[teil[zeilen] == z]
            if s != "Insgesamt":
                teil = teil[teil[spalten] == s]
            ergebnis.loc[z, s] = ueberlagere(
                len(teil), zell_schluessel(teil[schluessel]), **parameter
            )
    return ergebnis
