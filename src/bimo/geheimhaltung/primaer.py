"""Primäre Sperrung: Welche Zelle ist für sich allein sensibel?

- **Fallzahlregel** (Häufigkeitstabellen): 0 < n < Mindestfallzahl; echte Nullen nicht.
- **(n,k)-Dominanzregel** (Werttabellen, z. B. Ausgaben): sensibel, wenn die n größten
  Beiträge **mehr als** k % der Zellsumme ausmachen (strikt größer).
- **p%-Regel**: sensibel, wenn T − x1 − x2 < p/100 · x1 (der Zweitgrößte könnte den
  Größten sonst auf p % genau schätzen).
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import pandas as pd

from bimo.fehler import GeheimhaltungsFehler

MINDESTFALLZAHL = 3


def pruefe_mindestfallzahl(mindestfallzahl: int) -> None:
    if mindestfallzahl < 1:
        raise GeheimhaltungsFehler(
            f"Die Mindestfallzahl muss mindestens 1 sein, nicht {mindestfallzahl}."
        )


def ist_primaer_gesperrt(werte: pd.Series, mindestfallzahl: int = MINDESTFALLZAHL) -> pd.Series:
    """True, wo eine Fallzahl sensibel ist: 0 < n < Mindestfallzahl (echte Nullen nicht)."""
    pruefe_mindestfallzahl(mindestfallzahl)
    return (werte > 0) & (werte < mindestfallzahl)


def _beitraege(beitraege: Iterable[float]) -> np.ndarray:
    try:
        werte = np.asarray(list(beitraege), dtype=float)
    except (TypeError, ValueError) as fehler:
        raise GeheimhaltungsFehler(
            f"Die Beiträge müssen Zahlen sein, nicht {beitraege!r}."
        ) from fehler
    if werte.ndim != 1 or np.isnan(werte).any() or (werte < 0).any():
        raise GeheimhaltungsFehler(
            "Die Beiträge müssen eine Liste nicht negativer Zahlen sein "
            f"(erhalten: {list(beitraege)!r})."
        )
    return np.sort(werte)[::-1]


def ist_dominant(beitraege: Iterable[float], n: int = 2, k: float = 90) -> bool:
    """(n,k)-Dominanzregel: True, wenn die ``n`` größten Beiträge mehr als ``k`` % ausmachen.

    ``beitraege`` sind die Einzelbeiträge einer Zelle (z. B. Ausgaben je Träger).
    Genau k % ist noch nicht sensibel (strikt größer):

    >>> ist_dominant([80, 10, 10], n=2, k=90)
    False
    >>> ist_dominant([90, 10], n=2, k=90)
    True

    Eine leere Zelle (keine Beiträge oder Summe 0) ist nicht sensibel.
    """
    if n < 1 or not 0 <= k <= 100:
        raise GeheimhaltungsFehler(
            f"Die Dominanzregel braucht n ≥ 1 und 0 ≤ k ≤ 100, nicht n = {n}, k = {k}."
        )
    werte = _beitraege(beitraege)
    summe = werte.sum()
    if summe <= 0:
        return False
    return bool(werte[:n].sum() > k / 100 * summe)


def verletzt_p_prozent(beitraege: Iterable[float], p: float = 10) -> bool:
    """p%-Regel: True (sensibel), wenn T − x1 − x2 < p/100 · x1.

    T ist die Zellsumme, x1 und x2 sind die beiden größten Beiträge. Beispiel aus dem
    τ-ARGUS-Handbuch mit p = 10:

    >>> verletzt_p_prozent([700, 200, 60, 40, 10], p=10)   # 110 ≥ 70
    False
    >>> verletzt_p_prozent([900, 60, 40, 10], p=10)        # 50 < 90
    True

    Eine leere Zelle ist nicht sensibel.
    """
    if p < 0:
        raise GeheimhaltungsFehler(f"p muss mindestens 0 sein, nicht {p}.")
    werte = _beitraege(beitraege)
    if werte.sum() <= 0:
        return False
    x1 = werte[0]
    x2 = werte[1] if len(werte) > 1 else 0.0
    return bool(werte.sum() - x1 - x2 < p / 100 * x1)


def schutzgrenzen(wert: float, mindestfallzahl: int = MINDESTFALLZAHL) -> tuple[float, float]:
    """Obere und untere Schutzgrenze (UPL, LPL) einer primär gesperrten Fallzahl.

    UPL = max(1, t − a): Ein Angreifer darf nicht ausschließen können, dass die Zelle
    die Schwelle t erreicht. LPL = min(a, 1): Er darf nicht sicher wissen, dass sie
    besetzt ist.
    """
    return max(1.0, mindestfallzahl - wert), min(wert, 1.0)
