"""Prüfung einer Sperrung aus Sicht eines Angreifers (lineare Programme).

Der Angreifer kennt jede veröffentlichte Zelle, weiß, dass Summen die Summe ihrer
Teile sind und dass Fallzahlen nicht negativ sind. Für jede gesperrte Zelle
löst er zwei lineare Programme – kleinster und größter möglicher Wert – und
erhält ein Intervall [unten, oben]. Eine primär gesperrte Zelle mit Wert a ist
geschützt, wenn ``oben ≥ a + UPL`` und ``unten ≤ a − LPL`` mit
UPL = max(1, t − a) und LPL = min(a, 1) (t = Mindestfallzahl).

Mit ``insider=True`` kommt die Sicht der einen Person in einer Zelle mit dem
Wert 1 dazu: Sie kennt ihren eigenen Wert und setzt ihn ein.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

import numpy as np
import pandas as pd
from scipy import sparse
from scipy.optimize import linprog
from scipy.sparse.csgraph import connected_components

from bimo.fehler import GeheimhaltungsFehler
from bimo.geheimhaltung.primaer import MINDESTFALLZAHL, pruefe_mindestfallzahl, schutzgrenzen
from bimo.geheimhaltung.struktur import INSGESAMT, Struktur, baue_struktur, innere_tabelle
from bimo.kern.format import zahl

TOLERANZ = 1e-6


@dataclass(frozen=True)
class System:
    """Zellen mehrerer (verknüpfter) Tabellen mit allen Gleichungen ``m @ werte == 0``."""

    werte: np.ndarray
    m: sparse.csr_matrix
    namen: list[tuple]  # (Zeile, Spalte) je Zelle
    struktur: Struktur | None = None  # nur bei einer einzelnen Tabelle

    def nur_insider(self, p: int, s: int) -> bool:
        """True, wenn die Zelle ``p`` nur die Person aus ``s`` enthält (sie kennt sich selbst)."""
        if self.struktur is None or abs(self.werte[p] - self.werte[s]) > TOLERANZ:
            return False
        return self.struktur.enthaelt(p, s) or self.struktur.enthaelt(s, p)

    @cached_property
    def m_spalten(self) -> sparse.csc_matrix:
        return self.m.tocsc()

    @classmethod
    def aus_strukturen(cls, strukturen: list[Struktur]) -> tuple[System, list[np.ndarray]]:
        """Verknüpft Strukturen; gleiche (Zeile, Spalte) bedeutet dieselbe Zelle.

        Gibt das System und je Struktur die Nummern ihrer Zellen im System zurück.
        """
        nummer: dict[tuple, int] = {}
        werte: list[float] = []
        zuordnungen = []
        for st in strukturen:
            z = np.empty(len(st.werte), dtype=int)
            for i in range(len(st.werte)):
                name = st.zelle(i)
                if name in nummer:
                    if abs(werte[nummer[name]] - st.werte[i]) > TOLERANZ:
                        raise GeheimhaltungsFehler(
                            f"Verknüpfte Tabellen widersprechen sich in der Zelle "
                            f"{_name_text(name)}: {zahl(werte[nummer[name]])} gegen "
                            f"{zahl(st.werte[i])}."
                        )
                else:
                    nummer[name] = len(werte)
                    werte.append(float(st.werte[i]))
                z[i] = nummer[name]
            zuordnungen.append(z)
        n = len(werte)
        teile = []
        for st, z in zip(strukturen, zuordnungen, strict=True):
            umbau = sparse.csr_matrix((np.ones(len(z)), (np.arange(len(z)), z)), shape=(len(z), n))
            teile.append(st.beziehungen @ umbau)
        m = sparse.vstack(teile).tocsr()
        namen = [None] * n
        for name, i in nummer.items():
            namen[i] = name
        einzeln = strukturen[0] if len(strukturen) == 1 else None
        return cls(np.asarray(werte), m, namen, einzeln), zuordnungen


def _name_text(name: tuple) -> str:
    zeile, spalte = name
    teile = list(zeile) if isinstance(zeile, tuple) else [zeile]
    return "(" + ", ".join(str(t) for t in [*teile, spalte]) + ")"


def komponenten(system: System, frei: np.ndarray) -> dict[int, np.ndarray]:
    """Zerlegt die freien (gesperrten, nicht bekannten) Zellen in unabhängige Gruppen.

    Zwei freie Zellen hängen zusammen, wenn sie in einer Gleichung gemeinsam
    vorkommen. Die Programme einer Zelle brauchen nur ihre Gruppe. Rückgabe:
    Zellnummer → sortierte Nummern ihrer Gruppe.
    """
    idx = np.flatnonzero(frei)
    if len(idx) == 0:
        return {}
    a = abs(system.m[:, idx])
    graph = (a.T @ a).tocsr()
    _, marke = connected_components(graph, directed=False)
    gruppen: dict[int, np.ndarray] = {}
    for k in np.unique(marke):
        mitglieder = idx[marke == k]
        for i in mitglieder:
            gruppen[int(i)] = mitglieder
    return gruppen


def _buendel(
    system: System, auftraege: list[tuple[int, bool, np.ndarray]], kappen: dict | None = None
) -> list[tuple[float, np.ndarray]]:
    """Löst die Angreiferprogramme mehrerer Zellen aus verschiedenen Gruppen in einem LP.

    ``auftraege``: (Zelle p, Maximum?, Gruppe von p); die Gruppen müssen verschieden
    sein. Weil die Gruppen keine Gleichung teilen, zerfällt das gemeinsame Programm
    „optimiere die Summe“ in die einzelnen; jede Zelle erhält ihr eigenes Optimum.
    Beim Maximum wird x_p durch ``kappen[p]`` (sonst eine sehr große Zahl) begrenzt;
    wer die große Grenze erreicht, ist unbeschränkt (∞). Rückgabe je Auftrag: Wert
    und reduzierte Kosten d = c − Mᵀλ über alle Zellen (für Schnitte).
    """
    n = len(system.werte)
    gross = 1e3 * (float(system.werte.sum()) + 1.0)
    m_spalten = system.m_spalten
    gruppen = [g for _, _, g in auftraege]
    variablen = np.concatenate(gruppen)
    zeilen_je = [np.unique(m_spalten[:, g].indices) for g in gruppen]
    zeilen = np.concatenate(zeilen_je)
    m_teil = system.m[zeilen]
    bekannt = system.werte.copy()
    bekannt[variablen] = 0.0
    rechts = -(m_teil @ bekannt)
    a_teil = m_teil[:, variablen]
    position = {int(v): i for i, v in enumerate(variablen)}
    c = np.zeros(len(variablen))
    oben = np.full(len(variablen), np.inf)
    for p, maximum, _ in auftraege:
        c[position[p]] = -1.0 if maximum else 1.0
        if maximum:
            oben[position[p]] = (kappen or {}).get(p, gross)
    erg = linprog(
        c,
        A_eq=a_teil,
        b_eq=rechts,
        bounds=np.column_stack([np.zeros(len(variablen)), oben]),
        method="highs",
    )
    if erg.status != 0:
        raise GeheimhaltungsFehler(
            f"Die Prüfung konnte ein lineares Programm nicht lösen ({erg.message})."
        )
    ergebnisse = []
    start = 0
    for (p, maximum, _), z in zip(auftraege, zeilen_je, strict=True):
        lam = erg.eqlin.marginals[start : start + len(z)]
        start += len(z)
        c_voll = np.zeros(n)
        c_voll[p] = -1.0 if maximum else 1.0
        d = c_voll - system.m[z].T @ lam
        wert = float(erg.x[position[p]])
        if maximum and wert >= gross * (1 - 1e-9):
            wert = np.inf
        ergebnisse.append((wert, d))
    return ergebnisse


def alle_grenzen(
    system: System,
    gruppen: dict[int, np.ndarray],
    zellen: np.ndarray,
    kappen: dict | None = None,
    speicher: dict | None = None,
) -> dict[tuple[int, bool], tuple[float, np.ndarray]]:
    """Unten und oben für alle ``zellen``; Zellen verschiedener Gruppen gebündelt."""
    speicher = {} if speicher is None else speicher
    ergebnis = {}
    offen: dict[tuple, list[int]] = {}
    for p in zellen:
        p = int(p)
        schluessel_g = tuple(gruppen[p])
        for maximum in (False, True):
            k = (schluessel_g, p, maximum, None if kappen is None else kappen.get(p))
            if k in speicher:
                ergebnis[(p, maximum)] = speicher[k]
        if (p, True) not in ergebnis:
            offen.setdefault(schluessel_g, []).append(p)
    runde = 0
    while True:
        fuer_runde = [(g, ps[runde]) for g, ps in offen.items() if len(ps) > runde]
        if not fuer_runde:
            break
        for maximum in (False, True):
            auftraege = [(p, maximum, gruppen[p]) for _, p in fuer_runde]
            for (p, _, g), erg in zip(
                auftraege, _buendel(system, auftraege, kappen if maximum else None), strict=True
            ):
                ergebnis[(p, maximum)] = erg
                kap = None if kappen is None else kappen.get(p)
                speicher[(tuple(g), p, maximum, kap)] = erg
        runde += 1
    return ergebnis


@dataclass(frozen=True)
class Zellbefund:
    """Was ein Angreifer über eine gesperrte Zelle herausfinden kann."""

    zeile: object
    spalte: object
    wert: float
    primaer: bool
    unten: float
    oben: float
    geschuetzt: bool
    insider: tuple | None = None  # (Zeile, Spalte) der Person, die ihren Wert kennt
    veroeffentlicht: bool = False

    def __str__(self) -> str:
        name = _name_text((self.zeile, self.spalte))
        if self.veroeffentlicht:
            return (
                f"Zelle {name}: Wert {_zahl(self.wert)} ist sensibel, wird aber "
                "veröffentlicht – nicht geschützt"
            )
        sicht = "" if self.insider is None else f" (Sicht der Person in {_name_text(self.insider)})"
        if not self.primaer:
            urteil = "sekundär gesperrt"
        elif self.geschuetzt:
            urteil = "geschützt"
        else:
            urteil = "NICHT geschützt"
        return (
            f"Zelle {name}: Wert {_zahl(self.wert)}, Angreifer-Intervall "
            f"[{_zahl(self.unten)}, {_zahl(self.oben)}]{sicht}, {urteil}"
        )


def _zahl(x: float) -> str:
    if np.isfinite(x) and abs(x - round(x)) < TOLERANZ:
        return zahl(round(x))
    return zahl(x, 2)


@dataclass(frozen=True)
class Pruefung:
    """Ergebnis von :func:`pruefe_sperrung`: ein Befund je gesperrter Zelle."""

    befunde: list[Zellbefund]
    mindestfallzahl: int
    insider_befunde: list[Zellbefund] = field(default_factory=list)

    @property
    def bestanden(self) -> bool:
        """True, wenn jede sensible Zelle geschützt ist (auch gegen Insider, falls geprüft)."""
        return all(b.geschuetzt for b in self.befunde + self.insider_befunde)

    @property
    def maengel(self) -> list[Zellbefund]:
        """Die Befunde, an denen die Prüfung scheitert."""
        return [b for b in self.befunde + self.insider_befunde if not b.geschuetzt]

    def intervall(self, zeile, spalte) -> tuple[float, float]:
        """Angreifer-Intervall einer gesperrten Zelle (ohne Insiderwissen)."""
        for b in self.befunde:
            if b.zeile == zeile and b.spalte == spalte and not b.veroeffentlicht:
                return b.unten, b.oben
        raise GeheimhaltungsFehler(
            f"Die Zelle {_name_text((zeile, spalte))} ist nicht gesperrt oder unbekannt."
        )

    def bericht(self) -> str:
        """Deutscher Bericht, eine Zeile je Befund, mit Gesamturteil am Ende."""
        zeilen = [str(b) for b in self.befunde]
        zeilen += [str(b) for b in self.insider_befunde if not b.geschuetzt]
        if not self.befunde:
            zeilen.append("Keine Zelle gesperrt.")
        zeilen.append(
            "Prüfung bestanden: Keine sensible Zahl lässt sich zurückrechnen."
            if self.bestanden
            else f"Prüfung NICHT bestanden: {len(self.maengel)} "
            + ("Mangel." if len(self.maengel) == 1 else "Mängel.")
        )
        return "\n".join(zeilen)

    def __str__(self) -> str:
        return self.bericht()


def pruefe_system(
    system: System,
    gesperrt: np.ndarray,
    mindestfallzahl: int,
    insider: bool,
    nur: np.ndarray | None = None,
    primaer: np.ndarray | None = None,
) -> Pruefung:
    """Prüft alle gesperrten Zellen des Systems (``nur``: bool-Feld, welche berichtet werden;
    ``primaer``: sensible Zellen, Vorgabe Fallzahlregel)."""
    werte = system.werte
    if primaer is None:
        primaer = (werte > 0) & (werte < mindestfallzahl)
    nur = np.ones(len(werte), dtype=bool) if nur is None else nur
    befunde = []
    for p in np.flatnonzero(primaer & ~gesperrt & nur):
        zeile, spalte = system.namen[p]
        befunde.append(
            Zellbefund(zeile, spalte, werte[p], True, werte[p], werte[p], False, None, True)
        )
    gruppen = komponenten(system, gesperrt)
    grenzen = alle_grenzen(system, gruppen, np.flatnonzero(gesperrt & nur))
    for p in np.flatnonzero(gesperrt & nur):
        unten, oben = grenzen[(p, False)][0], grenzen[(p, True)][0]
        zeile, spalte = system.namen[p]
        ok = True
        if primaer[p]:
            upl, lpl = schutzgrenzen(werte[p], mindestfallzahl)
            ok = oben >= werte[p] + upl - TOLERANZ and unten <= werte[p] - lpl + TOLERANZ
        befunde.append(Zellbefund(zeile, spalte, werte[p], bool(primaer[p]), unten, oben, ok))
    insider_befunde = []
    if insider:
        einzeln = np.flatnonzero(gesperrt & (np.abs(werte - 1) < TOLERANZ) & nur)
        for s in einzeln:
            frei = gesperrt.copy()
            frei[s] = False
            gruppen = komponenten(system, frei)
            ziele = np.array(
                [
                    p
                    for p in np.flatnonzero(gesperrt & primaer & nur)
                    if p != s and not system.nur_insider(p, s)
                ],
                dtype=int,
            )
            grenzen = alle_grenzen(system, gruppen, ziele)
            for p in ziele:
                unten, oben = grenzen[(p, False)][0], grenzen[(p, True)][0]
                upl, lpl = schutzgrenzen(werte[p], mindestfallzahl)
                ok = oben >= werte[p] + upl - TOLERANZ and unten <= werte[p] - lpl + TOLERANZ
                zeile, spalte = system.namen[p]
                insider_befunde.append(
                    Zellbefund(zeile, spalte, werte[p], True, unten, oben, ok, system.namen[s])
                )
    return Pruefung(befunde, mindestfallzahl, insider_befunde)


def jede_zelle_einmal(tabelle: pd.DataFrame, system: System) -> np.ndarray | None:
    """Nur eine Spalte: Die Summenspalte wiederholt sie, ihre Zellen zählen nicht doppelt."""
    if innere_tabelle(tabelle).shape[1] != 1:
        return None
    return np.array([spalte != INSGESAMT for _zeile, spalte in system.namen])


def _summenspalte_erben(tabelle: pd.DataFrame, gesperrt: pd.DataFrame) -> pd.DataFrame:
    """Bei einer Tabelle mit nur einer Spalte wiederholt die Summenspalte diese Spalte:
    Fehlt sie in der Maske, ist sie so gesperrt wie die Spalte selbst."""
    if (
        isinstance(gesperrt, pd.DataFrame)
        and innere_tabelle(tabelle).shape[1] == 1
        and INSGESAMT not in gesperrt.columns
        and gesperrt.shape[1] == 1
    ):
        return gesperrt.assign(**{INSGESAMT: gesperrt.iloc[:, 0]})
    return gesperrt


def pruefe_sperrung(
    tabelle: pd.DataFrame,
    gesperrt: pd.DataFrame,
    mindestfallzahl: int = MINDESTFALLZAHL,
    insider: bool = False,
    verknuepft: list[tuple[pd.DataFrame, pd.DataFrame]] | None = None,
) -> Pruefung:
    """Prüft, ob eine Sperrung jede sensible Zahl schützt (Angreifer-Intervalle).

    ``tabelle`` sind die inneren Fallzahlen (oder die vollständige Tabelle mit
    „Insgesamt“, wie sie :func:`sperre_tabelle` liefert); ``gesperrt`` eine
    bool-Maske der vollständigen Tabelle oder nur der inneren Zellen (fehlende
    Zellen gelten als veröffentlicht). Für jede gesperrte Zelle ermittelt die
    Prüfung mit zwei linearen Programmen das Intervall, in dem ein Angreifer den
    Wert eingrenzen kann, und vergleicht es bei primär gesperrten Zellen mit den
    Schutzgrenzen.

    ``insider=True`` prüft zusätzlich für jede gesperrte Zelle mit dem Wert 1, was
    die eine Person darin weiß. ``verknuepft`` ist eine Liste weiterer Paare
    (Tabelle, Maske), die zusammen veröffentlicht werden; Zellen mit gleicher
    Zeilen- und Spaltenbezeichnung gelten als dieselbe Zahl. Eine gemeinsame Zelle
    gilt als veröffentlicht, sobald sie in einer der Tabellen sichtbar ist.

    >>> t = pd.DataFrame({"m": [18, 14, 12, 11], "w": [2, 19, 10, 14]}, index=list("ABCD"))
    >>> print(pruefe_sperrung(t, t == 2).bericht().splitlines()[0])
    Zelle (A, w): Wert 2, Angreifer-Intervall [2, 2], NICHT geschützt
    """
    pruefe_mindestfallzahl(mindestfallzahl)
    paare = [(t, _summenspalte_erben(t, m)) for t, m in [(tabelle, gesperrt), *(verknuepft or [])]]
    strukturen = [baue_struktur(t) for t, _ in paare]
    system, zuordnungen = System.aus_strukturen(strukturen)
    sichtbar = np.zeros(len(system.werte), dtype=bool)
    for (_, maske), st, z in zip(paare, strukturen, zuordnungen, strict=True):
        feld = st.als_feld(maske)
        np.logical_or.at(sichtbar, z, ~feld)
    nur = jede_zelle_einmal(tabelle, system)
    return pruefe_system(system, ~sichtbar, mindestfallzahl, insider, nur=nur)


__all__ = ["INSGESAMT", "Pruefung", "Zellbefund", "pruefe_sperrung"]
