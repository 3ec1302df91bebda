"""Sekundäre Sperrung zweidimensionaler (auch hierarchischer) Tabellen.

Verfahren (OPT nach Fischetti und Salazar, als Schnittebenenverfahren): Ein
gemischt-ganzzahliges Programm wählt die billigsten Zellen zum Sperren (Anzahl
oder Wert). Anfangs kennt es nur die Bedingungen je einzelner Gleichung (Zeile,
Spalte, Teilsumme). Dann rechnet der Angreifer nach: Für jede primär gesperrte
Zelle löst er die beiden linearen Programme aus :mod:`bimo.geheimhaltung.audit`.
Reicht der Schutz nicht, liefern die Dualwerte seines Programms eine neue
Bedingung („mindestens so viel Spielraum muss aus diesen Zellen kommen“), die
für jedes sichere Muster gilt. Das wiederholt sich, bis das Muster die Prüfung
besteht. Weil alle Bedingungen für jedes sichere Muster gelten, ist das Ergebnis
dann optimal – die untere Schranke des Programms belegt es.

Jedes Ergebnis wird vor der Rückgabe noch einmal vollständig geprüft; scheitert
die Prüfung, gibt es einen Fehler statt einer Tabelle.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy.optimize import Bounds, LinearConstraint, milp

from bimo.fehler import GeheimhaltungsFehler
from bimo.geheimhaltung.audit import (
    TOLERANZ,
    Pruefung,
    System,
    alle_grenzen,
    jede_zelle_einmal,
    komponenten,
    pruefe_sperrung,
    pruefe_system,
)
from bimo.geheimhaltung.primaer import MINDESTFALLZAHL, pruefe_mindestfallzahl, schutzgrenzen
from bimo.geheimhaltung.struktur import Struktur, baue_struktur
from bimo.kern.format import GEHEIM, zahl


@dataclass(frozen=True)
class Sperrung:
    """Ergebnis von :func:`sperre_tabelle`.

    ``tabelle``: innere Zellen mit Summen („Insgesamt“, bei Hierarchien auch die
    Zwischensummen); ``gesperrt``: bool-Maske gleicher Form, True = gesperrt;
    ``primaer``: die sensiblen Zellen selbst; ``pruefung``: der Angreiferbericht.
    ``kosten`` ist die Zahl der gesperrten Zellen (``kosten="anzahl"``) oder die
    Summe ihrer Werte bzw. Kosten, ``untere_schranke`` die beste Schranke des
    Optimierungsprogramms im selben Maß (ohne die kleinen Zuschläge, mit denen
    Gleichstände entschieden werden). ``optimal`` ist True, wenn nachgewiesen ist,
    dass kein sicheres Muster billiger ist.
    """

    tabelle: pd.DataFrame
    gesperrt: pd.DataFrame
    primaer: pd.DataFrame
    mindestfallzahl: int
    pruefung: Pruefung
    kosten: float
    untere_schranke: float
    runden: int
    optimal: bool

    @property
    def sekundaer(self) -> pd.DataFrame:
        """Zellen, die nur zum Schutz anderer gesperrt sind."""
        return self.gesperrt & ~self.primaer

    @property
    def anzahl_gesperrt(self) -> int:
        return int(self.gesperrt.to_numpy().sum())

    @property
    def anzahl_sekundaer(self) -> int:
        return int(self.sekundaer.to_numpy().sum())

    def anzeige(self, stellen: int = 0) -> pd.DataFrame:
        """Die Tabelle als deutsch formatierter Text; gesperrte Zellen als „.“."""
        text = self.tabelle.map(lambda w: zahl(w, stellen)).astype(object)
        text[self.gesperrt.to_numpy()] = GEHEIM
        return text

    def __str__(self) -> str:
        return self.anzeige().to_string()


def _gewichte(struktur: Struktur, kosten) -> np.ndarray:
    if isinstance(kosten, pd.DataFrame):
        w = kosten.reindex(index=struktur.tabelle.index, columns=struktur.tabelle.columns)
        if w.isna().any().any() or (w.to_numpy() < 0).any():
            raise GeheimhaltungsFehler(
                "Die Kostentabelle braucht für jede Zelle (auch die Summen) einen Wert ≥ 0."
            )
        return w.to_numpy(dtype=float).ravel() + 1e-3
    if kosten == "anzahl":
        # Bei gleicher Anzahl lieber kleine Werte (und damit selten Summen) sperren; die
        # Zuschläge zusammen bleiben unter 1 und ändern die Mindestanzahl nicht.
        w = struktur.werte
        return 1.0 + w / (max(float(w.max()), 1.0) * (len(w) + 1))
    if kosten == "wert":
        # Nullen kosten wenig, aber nicht nichts: sonst würden unnötige Nullen gesperrt.
        return struktur.werte + 1e-3
    raise GeheimhaltungsFehler(
        f"Unbekanntes Kostenmaß {kosten!r}; erlaubt sind „anzahl“, „wert“ oder eine Tabelle."
    )


def _schnitt(d: np.ndarray, werte: np.ndarray, bedarf: float, fest=()) -> np.ndarray:
    """Koeffizienten des Schnitts Σ k_j·y_j ≥ bedarf aus reduzierten Kosten d.

    Für jedes Muster y gilt: Der Angreifer kann die Zelle höchstens um
    Σ_{d_j>0} d_j·a_j·y_j + Σ_{d_j<0} ∞·y_j verschieben (schwache Dualität); ein
    sicheres Muster erfüllt also den Schnitt. Koeffizienten über dem Bedarf
    werden auf den Bedarf gekappt (gilt für 0/1-Variablen weiterhin).
    """
    k = np.zeros(len(d))
    pos = d > 1e-9
    neg = d < -1e-9
    k[pos] = np.minimum(d[pos] * werte[pos], bedarf)
    k[neg] = bedarf
    k[list(fest)] = 0.0
    return k


def _anfangsschnitte(system: System, primaer: np.ndarray, t: int):
    """Schnitte aus jeder einzelnen Gleichung, die eine sensible Zelle enthält."""
    m = system.m.tocsc()
    zeilen, rechts = [], []
    for p in np.flatnonzero(primaer):
        upl, lpl = schutzgrenzen(system.werte[p], t)
        spalte = m.getcol(p)
        for r, koeff in zip(spalte.indices, spalte.data, strict=True):
            gleichung = system.m.getrow(r).toarray().ravel()
            for maximum, bedarf in ((True, upl), (False, lpl)):
                # λ so gewählt, dass d_p = 0: d = ∓ gleichung / koeff
                d = (gleichung / koeff) * (1.0 if maximum else -1.0)
                d[p] = 0.0
                zeilen.append(_schnitt(d, system.werte, bedarf))
                rechts.append(bedarf)
    return zeilen, rechts


def _verletzte_schnitte(
    system: System, y: np.ndarray, primaer: np.ndarray, t: int, insider, speicher=None
):
    """Prüft das Muster ``y``; gibt für jede ungeschützte Zelle einen Schnitt zurück."""
    zeilen, rechts = [], []
    sichten = [()]
    if insider:
        sichten += [(s,) for s in np.flatnonzero(y & (np.abs(system.werte - 1) < TOLERANZ))]
    grenzen = {p: schutzgrenzen(system.werte[p], t) for p in np.flatnonzero(primaer)}
    kappen = {p: system.werte[p] + upl for p, (upl, _) in grenzen.items()}
    for fest in sichten:
        frei = y.copy()
        frei[list(fest)] = False
        gruppen = komponenten(system, frei)
        ziele = np.array(
            [
                p
                for p in grenzen
                if p not in fest and not any(system.nur_insider(p, f) for f in fest)
            ],
            dtype=int,
        )
        ergebnisse = alle_grenzen(system, gruppen, ziele, kappen, speicher)
        for p in ziele:
            upl, lpl = grenzen[p]
            for maximum, bedarf in ((True, upl), (False, lpl)):
                wert, d = ergebnisse[(p, maximum)]
                spielraum = wert - system.werte[p] if maximum else system.werte[p] - wert
                if spielraum >= bedarf - TOLERANZ:
                    continue
                k = _schnitt(d, system.werte, bedarf, fest)
                if k @ y >= bedarf - TOLERANZ:  # numerisch unbrauchbar: „noch eine Zelle mehr“
                    k = np.where(y, 0.0, bedarf)
                zeilen.append(k)
                rechts.append(bedarf)
    return zeilen, rechts


def _loese(gewichte, primaer, zeilen, rechts, zeitlimit):
    n = len(gewichte)
    beschraenkungen = []
    if zeilen:
        beschraenkungen.append(LinearConstraint(np.vstack(zeilen), lb=np.array(rechts)))
    erg = milp(
        gewichte,
        integrality=np.ones(n),
        bounds=Bounds(primaer.astype(float), np.ones(n)),
        constraints=beschraenkungen,
        options={"time_limit": zeitlimit, "mip_rel_gap": 0.0},
    )
    if erg.x is None:
        raise GeheimhaltungsFehler(
            f"Das Optimierungsprogramm fand kein Sperrmuster ({erg.message})."
        )
    schranke = getattr(erg, "mip_dual_bound", None)
    schranke = erg.fun if schranke is None or not np.isfinite(schranke) else schranke
    return erg.x > 0.5, float(schranke)


def _ausduennen(system, y, primaer, t, insider, gewichte, speicher):
    """Entfernt überflüssige Sekundärzellen (teuerste zuerst), solange die Prüfung hält."""
    for j in sorted(np.flatnonzero(y & ~primaer), key=lambda j: -gewichte[j]):
        y[j] = False
        if _verletzte_schnitte(system, y, primaer, t, insider, speicher)[0]:
            y[j] = True
    return y


def sperre_tabelle(
    tabelle: pd.DataFrame,
    mindestfallzahl: int = MINDESTFALLZAHL,
    kosten: str | pd.DataFrame = "anzahl",
    *,
    insider: bool = False,
    primaer: pd.DataFrame | None = None,
    max_runden: int = 500,
    zeitlimit: float = 60.0,
) -> Sperrung:
    """Sperrt eine Tabelle primär und sekundär und prüft das Ergebnis.

    ``tabelle`` enthält die inneren Fallzahlen (Zeilen × Spalten); hat der
    Zeilenindex mehrere Ebenen (z. B. Kreis, Gemeinde), entstehen Zwischensummen.
    Primär gesperrt wird jede Zelle mit 0 < n < ``mindestfallzahl`` – auch eine
    Summe. ``primaer`` kann weitere sensible Zellen vorgeben (bool-Maske, z. B. aus
    der Dominanzregel); sie werden mit UPL = LPL = 1 geschützt. Sekundär gesperrt
    werden so wenige Zellen wie möglich (``kosten="anzahl"``, bei Gleichstand die
    mit den kleineren Werten) oder so wenig Wert wie möglich (``"wert"``; oder eine
    Tabelle mit Kosten je Zelle), bis kein Angreifer eine sensible Zahl genauer als
    erlaubt eingrenzen kann. ``insider=True`` schützt auch gegen die eine Person in
    einer Zelle mit dem Wert 1.

    Das Ergebnis besteht immer die Prüfung :func:`pruefe_sperrung`; sonst gibt es
    einen :class:`~bimo.fehler.GeheimhaltungsFehler`.

    >>> t = pd.DataFrame({"m": [18, 14, 12, 11], "w": [2, 19, 10, 14]}, index=list("ABCD"))
    >>> s = sperre_tabelle(t)
    >>> s.anzahl_gesperrt, s.pruefung.bestanden
    (4, True)
    """
    pruefe_mindestfallzahl(mindestfallzahl)
    struktur = baue_struktur(tabelle)
    system, _ = System.aus_strukturen([struktur])
    werte = system.werte
    prim = (werte > 0) & (werte < mindestfallzahl)
    if primaer is not None:
        prim |= struktur.als_feld(primaer, "Die Maske „primaer“")
    gewichte = _gewichte(struktur, kosten)
    y = prim.copy()
    schranke = float(gewichte[prim].sum())
    runden = 0
    if prim.any():
        zeilen, rechts = _anfangsschnitte(system, prim, mindestfallzahl)
        speicher: dict = {}
        while True:
            runden += 1
            if runden > max_runden:
                raise GeheimhaltungsFehler(
                    f"Kein geprüftes Sperrmuster nach {max_runden} Runden; bitte "
                    "„max_runden“ erhöhen oder die Tabelle aufteilen."
                )
            y, schranke = _loese(gewichte, prim, zeilen, rechts, zeitlimit)
            neu_z, neu_r = _verletzte_schnitte(system, y, prim, mindestfallzahl, insider, speicher)
            if not neu_z:
                break
            zeilen += neu_z
            rechts += neu_r
        kosten_wert = float(gewichte[y].sum())
        if kosten_wert > schranke + 1e-6 * max(1.0, kosten_wert):
            y = _ausduennen(system, y, prim, mindestfallzahl, insider, gewichte, speicher)
    nur = jede_zelle_einmal(tabelle, system)
    pruefung = pruefe_system(system, y, mindestfallzahl, insider, nur=nur, primaer=prim)
    if not pruefung.bestanden:
        raise GeheimhaltungsFehler(
            "Das berechnete Sperrmuster besteht die Prüfung nicht und wird nicht "
            "veröffentlicht:\n" + "\n".join(str(b) for b in pruefung.maengel)
        )
    ganz = struktur.tabelle
    gewichtet = float(gewichte[y].sum())
    optimal = gewichtet <= schranke + 1e-6 * max(1.0, gewichtet)
    if isinstance(kosten, str) and kosten == "anzahl":
        mass, schranke_mass = float(y.sum()), float(np.floor(schranke + 1e-7))
    else:
        zuschlag = gewichtet - float((gewichte - 1e-3)[y].sum())
        mass = float(np.round(gewichtet - zuschlag, 6))
        schranke_mass = float(np.round(schranke - zuschlag, 6)) if not optimal else mass
    return Sperrung(
        tabelle=ganz,
        gesperrt=struktur.maske(y),
        primaer=struktur.maske(prim),
        mindestfallzahl=mindestfallzahl,
        pruefung=pruefung,
        kosten=mass,
        untere_schranke=schranke_mass,
        runden=runden,
        optimal=bool(optimal),
    )


def veroeffentliche(
    tabelle: pd.DataFrame,
    mindestfallzahl: int = MINDESTFALLZAHL,
    *,
    gesperrt: pd.DataFrame | None = None,
    insider: bool = False,
    kosten: str | pd.DataFrame = "anzahl",
    stellen: int = 0,
) -> pd.DataFrame:
    """Der Veröffentlichungsweg für Kreuztabellen: sperren, prüfen, als Text zeigen.

    Ohne ``gesperrt`` wird das Muster mit :func:`sperre_tabelle` berechnet. Mit
    ``gesperrt`` (z. B. einem von Hand gewählten Muster) wird nur geprüft. Besteht
    das Muster die Prüfung nicht, wird nichts veröffentlicht: Es gibt einen
    :class:`~bimo.fehler.GeheimhaltungsFehler` mit den ungeschützten Zellen.
    Rückgabe: die Tabelle mit Summen als deutsch formatierter Text, gesperrte
    Zellen als „.“.
    """
    if gesperrt is None:
        return sperre_tabelle(tabelle, mindestfallzahl, kosten, insider=insider).anzeige(stellen)
    pruefung = pruefe_sperrung(tabelle, gesperrt, mindestfallzahl, insider=insider)
    if not pruefung.bestanden:
        raise GeheimhaltungsFehler(
            "Diese Sperrung schützt nicht alle kleinen Zahlen; die Tabelle wird nicht "
            "veröffentlicht:\n" + "\n".join(str(b) for b in pruefung.maengel)
        )
    struktur = baue_struktur(tabelle)
    maske = struktur.maske(struktur.als_feld(gesperrt))
    text = struktur.tabelle.map(lambda w: zahl(w, stellen)).astype(object)
    text[maske.to_numpy()] = GEHEIM
    return text
