"""Aufbau einer Tabelle mit Summen: Zellen, Werte und die additiven Beziehungen.

Eine Tabelle innerer Fallzahlen (Zeilen × Spalten) wird um eine Spalte und eine
Zeile „Insgesamt“ ergänzt. Hat der Zeilenindex mehrere Ebenen (z. B. Kreis →
Gemeinde), kommen Zwischensummen dazu: Die Zeile ``("Kreis A", "Insgesamt")``
ist die Summe der Gemeinden des Kreises, ``("Insgesamt", "Insgesamt")`` die Summe
der Kreise. Jede Summe ist selbst eine Zelle.

Die Beziehungen sind homogene Gleichungen ``M · x = 0`` (Teile minus Summe),
dieselben, die auch ein Angreifer kennt.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy import sparse

from bimo.fehler import GeheimhaltungsFehler

INSGESAMT = "Insgesamt"


@dataclass(frozen=True)
class Struktur:
    """Vollständige Tabelle mit Summen und ihren Gleichungen (intern)."""

    tabelle: pd.DataFrame  # mit Summenzeilen und -spalte
    werte: np.ndarray  # Zellwerte, zeilenweise (Zeile * Spaltenzahl + Spalte)
    beziehungen: sparse.csr_matrix  # M mit M @ werte == 0
    ist_summe: np.ndarray  # bool je Zelle
    blattzeilen: tuple[frozenset, ...]  # je Zeile die inneren Zeilen, die sie umfasst

    def enthaelt(self, p: int, s: int) -> bool:
        """True, wenn die Zelle ``p`` die Zelle ``s`` umfasst (gleich oder Summe darüber)."""
        n_s = self.form[1]
        (zp, sp), (zs, ss) = divmod(p, n_s), divmod(s, n_s)
        spalte_ok = sp == ss or sp == n_s - 1
        return spalte_ok and self.blattzeilen[zs] <= self.blattzeilen[zp]

    @property
    def form(self) -> tuple[int, int]:
        return self.tabelle.shape

    def zelle(self, i: int) -> tuple:
        """Zeilen- und Spaltenbezeichnung der Zelle Nummer ``i``."""
        z, s = divmod(i, self.form[1])
        return self.tabelle.index[z], self.tabelle.columns[s]

    def maske(self, werte: np.ndarray) -> pd.DataFrame:
        """Ein Feld je Zelle als DataFrame in der Form der vollständigen Tabelle."""
        return pd.DataFrame(
            np.asarray(werte).reshape(self.form),
            index=self.tabelle.index,
            columns=self.tabelle.columns,
        )

    def als_feld(self, maske: pd.DataFrame, was: str = "Die Sperrmaske") -> np.ndarray:
        """Eine Maske (vollständig oder nur innere Zellen) als bool-Feld über alle Zellen."""
        if not isinstance(maske, pd.DataFrame):
            raise GeheimhaltungsFehler(f"{was} muss ein DataFrame sein, nicht {type(maske)}.")
        voll = pd.DataFrame(False, index=self.tabelle.index, columns=self.tabelle.columns)
        fremd_z = maske.index.difference(voll.index)
        fremd_s = maske.columns.difference(voll.columns)
        if len(fremd_z) or len(fremd_s):
            raise GeheimhaltungsFehler(
                f"{was} passt nicht zur Tabelle: unbekannte Zeilen "
                f"{list(fremd_z)} oder Spalten {list(fremd_s)}."
            )
        teil = maske.fillna(False).astype(bool)
        voll.loc[teil.index, teil.columns] = teil
        return voll.to_numpy(dtype=bool).ravel()


def _als_label(praefix: tuple, ebenen: int):
    label = praefix + (INSGESAMT,) * (ebenen - len(praefix))
    return label if ebenen > 1 else label[0]


def _enthaelt_insgesamt(label) -> bool:
    teile = label if isinstance(label, tuple) else (label,)
    return any(t == INSGESAMT for t in teile)


def innere_tabelle(tabelle: pd.DataFrame) -> pd.DataFrame:
    """Entfernt Summenzeilen und -spalte („Insgesamt“), falls vorhanden."""
    zeilen = [not _enthaelt_insgesamt(z) for z in tabelle.index]
    spalten = [s != INSGESAMT for s in tabelle.columns]
    return tabelle.loc[zeilen, spalten]


def baue_struktur(tabelle: pd.DataFrame) -> Struktur:
    """Baut die vollständige Tabelle mit Summen und ihren Gleichungen.

    ``tabelle`` enthält die inneren Zellen. Enthält sie schon Summen („Insgesamt“
    als Spalte oder in einer Zeilenbezeichnung), werden diese neu berechnet und mit
    den gegebenen verglichen; passen sie nicht, gibt es einen Fehler.
    """
    if not isinstance(tabelle, pd.DataFrame):
        raise GeheimhaltungsFehler(
            f"Erwartet wird ein DataFrame mit Fallzahlen, nicht {type(tabelle).__name__}."
        )
    if isinstance(tabelle.columns, pd.MultiIndex):
        raise GeheimhaltungsFehler(
            "Spalten mit mehreren Ebenen werden nicht unterstützt; bitte nur die Zeilen "
            "hierarchisch gliedern (z. B. Kreis → Gemeinde)."
        )
    hat_summen = INSGESAMT in tabelle.columns or any(map(_enthaelt_insgesamt, tabelle.index))
    innen = innere_tabelle(tabelle) if hat_summen else tabelle
    if innen.empty:
        raise GeheimhaltungsFehler("Die Tabelle hat keine inneren Zellen.")
    if innen.index.has_duplicates or innen.columns.has_duplicates:
        raise GeheimhaltungsFehler("Zeilen- und Spaltenbezeichnungen müssen eindeutig sein.")
    try:
        werte = innen.astype(float).to_numpy()
    except (TypeError, ValueError) as fehler:
        raise GeheimhaltungsFehler(
            "Die Tabelle darf nur Zahlen enthalten (Fallzahlen oder Werte)."
        ) from fehler
    if not np.isfinite(werte).all() or (werte < 0).any():
        raise GeheimhaltungsFehler(
            "Die Tabelle darf keine fehlenden oder negativen Werte enthalten; "
            "schon gesperrte Zellen bitte mit ihrem wahren Wert übergeben."
        )

    ebenen = innen.index.nlevels
    blaetter = list(innen.index) if ebenen > 1 else [(z,) for z in innen.index]
    zeilen: list = []
    zeilenwerte: list[np.ndarray] = []
    kinder: dict[int, list[int]] = {}

    def ausgeben(praefix: tuple, unter: list[int]) -> int:
        if len(praefix) == ebenen:
            zeilen.append(innen.index[unter[0]])
            zeilenwerte.append(werte[unter[0]])
            return len(zeilen) - 1
        gruppen: dict = {}
        for i in unter:
            gruppen.setdefault(blaetter[i][len(praefix)], []).append(i)
        positionen = [ausgeben(praefix + (g,), teil) for g, teil in gruppen.items()]
        zeilen.append(_als_label(praefix, ebenen))
        zeilenwerte.append(np.sum([zeilenwerte[p] for p in positionen], axis=0))
        kinder[len(zeilen) - 1] = positionen
        return len(zeilen) - 1

    ausgeben((), list(range(len(blaetter))))
    inner = np.vstack(zeilenwerte)
    voll = np.hstack([inner, inner.sum(axis=1, keepdims=True)])
    index = (
        pd.MultiIndex.from_tuples(zeilen, names=innen.index.names)
        if ebenen > 1
        else (pd.Index(zeilen, name=innen.index.name))
    )
    spalten = pd.Index([*innen.columns, INSGESAMT], name=innen.columns.name)
    ganz = pd.DataFrame(voll, index=index, columns=spalten)
    if np.allclose(voll, np.round(voll)):
        ganz = ganz.round().astype("int64")

    if hat_summen:
        gegeben = tabelle.reindex(index=ganz.index, columns=ganz.columns)
        if gegeben.isna().any().any() or not np.allclose(gegeben.astype(float), voll):
            raise GeheimhaltungsFehler(
                "Die mitgelieferten Summen („Insgesamt“) passen nicht zu den inneren Zellen."
            )

    n_z, n_s = voll.shape
    zeilen_idx, spalten_idx, daten = [], [], []
    gleichung = 0

    def zelle(z: int, s: int) -> int:
        return z * n_s + s

    for z in range(n_z):  # Zeile: Summe der Spalten = Insgesamt
        for s in range(n_s - 1):
            zeilen_idx.append(gleichung)
            spalten_idx.append(zelle(z, s))
            daten.append(1.0)
        zeilen_idx.append(gleichung)
        spalten_idx.append(zelle(z, n_s - 1))
        daten.append(-1.0)
        gleichung += 1
    for eltern, kind_zeilen in kinder.items():  # Spalte: Summe der Teilzeilen = Summenzeile
        for s in range(n_s):
            for k in kind_zeilen:
                zeilen_idx.append(gleichung)
                spalten_idx.append(zelle(k, s))
                daten.append(1.0)
            zeilen_idx.append(gleichung)
            spalten_idx.append(zelle(eltern, s))
            daten.append(-1.0)
            gleichung += 1
    m = sparse.csr_matrix((daten, (zeilen_idx, spalten_idx)), shape=(gleichung, n_z * n_s))
    ist_summe = np.zeros((n_z, n_s), dtype=bool)
    ist_summe[:, -1] = True
    ist_summe[list(kinder), :] = True
    blattzeilen: list[frozenset] = []
    for z in range(n_z):
        if z in kinder:
            blattzeilen.append(frozenset().union(*(blattzeilen[k] for k in kinder[z])))
        else:
            blattzeilen.append(frozenset([z]))
    return Struktur(ganz, voll.ravel().astype(float), m, ist_summe.ravel(), tuple(blattzeilen))
