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


def verallgemeinere(werte: pd.Series, grenzen: list[float]) -> pd.Series:
    """Vergröbert Zahlen zu Klassen: ``grenzen=[2014, 2016]`` → „bis 2013“, „2014–2015“, „ab 2016“.

    Die Grenzen sind die jeweils ersten Werte einer neuen Klasse (ganze Zahlen,
    wie Jahrgänge oder Alter). Fehlende Werte bleiben fehlend.

    >>> verallgemeinere(pd.Series([2012, 2014, 2017]), [2014, 2016]).tolist()
    ['bis 2013', '2014–2015', 'ab 2016']
    """
    grenzen = sorted(grenzen)
    if not grenzen:
        raise GeheimhaltungsFehler("Bitte mindestens eine Klassengrenze angeben.")
    namen = [f"bis {grenzen[0] - 1:g}"]
    namen += [f"{a:g}–{b - 1:g}" for a, b in zip(grenzen, grenzen[1:], strict=False)]
    namen.append(f"ab {grenzen[-1]:g}")
    klasse = np.searchsorted(np.asarray(grenzen, dtype=float), werte.to_numpy(float), "right")
    ergebnis = pd.Series(np.asarray(namen, dtype=object)[klasse], index=werte.index)
    return ergebnis.where(werte.notna()).astype("string")


def fasse_seltene_zusammen(werte: pd.Series, mindestens: int, sammelname: str) -> pd.Series:
    """Fasst Ausprägungen mit weniger als ``mindestens`` Datensätzen zu ``sammelname`` zusammen."""
    haeufigkeit = werte.map(werte.value_counts())
    return werte.where(haeufigkeit >= mindestens, sammelname)


def lokal_unterdruecke(
    df: pd.DataFrame, schluessel: list[str], k: int = 3
) -> tuple[pd.DataFrame, int]:
    """Lokale Unterdrückung: löscht einzelne Schlüsselwerte, bis jedes fk mindestens k ist.

    Nur Datensätze mit fk < k werden verändert. In jeder Runde verliert jeder
    dieser Datensätze den Schlüsselwert, der in den Daten am seltensten ist (der
    am meisten verrät); ein fehlender Wert passt danach zu allem. Zurück kommen
    die veränderten Daten und die Zahl der gelöschten Werte.
    """
    if k < 1:
        raise GeheimhaltungsFehler(f"k muss mindestens 1 sein, nicht {k}.")
    daten = df.copy()
    for s in schluessel:
        if s in daten.columns:
            daten[s] = daten[s].astype(object)
    geloescht = 0
    for _runde in range(len(schluessel) + 1):
        fk = k_anonymitaet(daten, schluessel)
        riskant = fk.index[fk < k]
        if riskant.empty:
            return daten, geloescht
        haeufigkeit = {s: daten[s].map(daten[s].value_counts()) for s in schluessel}
        for zeile in riskant:
            offen = [s for s in schluessel if pd.notna(daten.at[zeile, s])]
            if not offen:
                continue
            seltenstes = min(offen, key=lambda s: (haeufigkeit[s].at[zeile], schluessel.index(s)))
            daten.at[zeile, seltenstes] = None
            geloescht += 1
    if (k_anonymitaet(daten, schluessel) < k).any():  # nur bei weniger als k Datensätzen
        raise GeheimhaltungsFehler(
            f"Lokale Unterdrückung erreicht k = {k} nicht: Es gibt nur {len(daten)} Datensätze."
        )
    return daten, geloescht
