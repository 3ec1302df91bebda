"""Einzeldaten prüfen: k-Anonymität und l-Diversität.

Schlüsselmerkmale (z. B. Alter, Geschlecht, Gemeinde) sind die Merkmale, über die
jemand einen Datensatz einer Person zuordnen könnte. ``fk`` zählt für jeden
Datensatz, wie viele Datensätze (er selbst eingeschlossen) in allen
Schlüsselmerkmalen zu ihm passen. Ein fehlender Wert passt zu allem (wie in
sdcMicro): Wer das Merkmal nicht kennt, kann damit auch niemanden ausschließen.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from bimo.fehler import GeheimhaltungsFehler


def _passt(df: pd.DataFrame, schluessel: list[str]) -> np.ndarray:
    """Matrix n × n: True, wo zwei Datensätze in allen Schlüsseln zusammenpassen."""
    fehlend = [s for s in schluessel if s not in df.columns]
    if fehlend:
        raise GeheimhaltungsFehler(
            f"Die Schlüsselmerkmale {', '.join(map(str, fehlend))} fehlen in den Daten; "
            f"vorhanden: {', '.join(map(str, df.columns))}."
        )
    if not schluessel:
        raise GeheimhaltungsFehler("Bitte mindestens ein Schlüsselmerkmal angeben.")
    n = len(df)
    if n > 20_000:
        raise GeheimhaltungsFehler(
            f"{n} Datensätze sind für den paarweisen Vergleich zu viele (höchstens 20.000)."
        )
    passt = np.ones((n, n), dtype=bool)
    for s in schluessel:
        codes, _ = pd.factorize(df[s])  # fehlend → -1
        a = codes[:, None]
        b = codes[None, :]
        passt &= (a == b) | (a < 0) | (b < 0)
    return passt


def k_anonymitaet(df: pd.DataFrame, schluessel: list[str]) -> pd.Series:
    """Häufigkeit ``fk`` je Datensatz: wie viele Datensätze in den Schlüsseln passen.

    Ein Datensatz mit fk = 1 ist einmalig (leicht zu erkennen); k-anonym sind die
    Daten, wenn jedes fk mindestens k ist. Fehlende Werte passen zu jedem Wert.

    >>> d = pd.DataFrame({"a": [2, 3, 2], "b": [1, 1, None]})
    >>> k_anonymitaet(d, ["a", "b"]).tolist()
    [2, 1, 2]
    """
    passt = _passt(df, list(schluessel))
    return pd.Series(passt.sum(axis=1), index=df.index, name="fk")


def l_diversitaet(df: pd.DataFrame, schluessel: list[str], sensibel: str) -> pd.Series:
    """Zahl verschiedener Werte des sensiblen Merkmals unter den passenden Datensätzen.

    Ist sie 1, verrät schon die Zuordnung zu einer Gruppe den sensiblen Wert, auch
    wenn die Gruppe groß ist (fehlende sensible Werte zählen nicht mit).
    """
    if sensibel not in df.columns:
        raise GeheimhaltungsFehler(f"Das sensible Merkmal „{sensibel}“ fehlt in den Daten.")
    passt = _passt(df, list(schluessel))
    codes, _ = pd.factorize(df[sensibel])
    anzahl = [len(set(codes[zeile & (codes >= 0)])) for zeile in passt]
    return pd.Series(anzahl, index=df.index, name="l")
