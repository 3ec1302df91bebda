"""Sekundäre Sperrung: Laufzeit und Zahl der gesperrten Zellen gegen das Optimum.

Zwei Tabellen in Gemeindegröße mit festem Zufallsstart (Musterland-ähnlich:
viele kleine Zahlen in kleinen Gemeinden):

1. 40 Gemeinden × 12 Altersjahrgänge (flach, mit „Insgesamt“),
2. drei Ebenen Land → Kreise → Gemeinden (Gemeinden je Kreis wie in Musterland,
   6 Spalten).

Gedruckt werden Messwerte, geprüft wird nichts über Zeiten (die Maschinen sind
laut). „Schranke“ ist die untere Schranke des Optimierungsprogramms: Ist sie
gleich der Zahl der gesperrten Zellen, gibt es kein kleineres sicheres Muster.

    .venv/bin/python bench/geheimhaltung.py
"""

from __future__ import annotations

import time

import numpy as np
import pandas as pd

from bimo import daten
from bimo.geheimhaltung import sperre_tabelle

SAAT = 17


def flache_tabelle(zeilen: int = 40, spalten: int = 12, saat: int = SAAT) -> pd.DataFrame:
    """Fallzahlen je Gemeinde und Jahrgang; Gemeinden unterschiedlich groß."""
    rng = np.random.default_rng(saat)
    groesse = rng.lognormal(mean=2.0, sigma=1.0, size=zeilen)
    werte = rng.poisson(groesse[:, None] * np.ones(spalten))
    return pd.DataFrame(
        werte,
        index=pd.Index([f"Gemeinde {i + 1:02d}" for i in range(zeilen)], name="gemeinde"),
        columns=pd.Index([f"{j} Jahre" for j in range(spalten)], name="alter"),
    )


def hierarchische_tabelle(spalten: int = 6, saat: int = SAAT) -> pd.DataFrame:
    """Kreise und ihre Gemeinden aus dem Gebietsverzeichnis von Musterland, Zahlen zufällig."""
    g = daten.gebiete()
    gemeinden = g[(g["ags"].str.len() == 8)]
    kreise = dict(zip(g["ags"], g["name"], strict=True))
    rng = np.random.default_rng(saat)
    groesse = rng.lognormal(mean=1.5, sigma=1.0, size=len(gemeinden))
    werte = rng.poisson(groesse[:, None] * np.ones(spalten))
    index = pd.MultiIndex.from_arrays(
        [
            [kreise[a[:5]] for a in gemeinden["ags"]],
            [f"{n} ({a})" for n, a in zip(gemeinden["name"], gemeinden["ags"], strict=True)],
        ],
        names=["kreis", "gemeinde"],
    )
    return pd.DataFrame(werte, index=index, columns=[f"Gruppe {j + 1}" for j in range(spalten)])


def messe(name: str, tabelle: pd.DataFrame, **optionen) -> None:
    start = time.perf_counter()
    s = sperre_tabelle(tabelle, **optionen)
    dauer = time.perf_counter() - start
    print(
        f"{name}: {s.tabelle.shape[0]} × {s.tabelle.shape[1]} Zellen mit Summen, "
        f"{int(s.primaer.to_numpy().sum())} primär, {s.anzahl_sekundaer} sekundär, "
        f"gesperrt {s.anzahl_gesperrt}, Kosten {s.kosten:g} (Schranke {s.untere_schranke:g}, "
        f"{'optimal' if s.optimal else 'nicht nachweislich optimal'}), "
        f"{s.runden} Runden, Prüfung {'bestanden' if s.pruefung.bestanden else 'NICHT bestanden'}, "
        f"{dauer:.2f} s"
    )


def main() -> None:
    messe("40 × 12 flach", flache_tabelle())
    messe("Land → Kreise → Gemeinden", hierarchische_tabelle())
    messe("40 × 12 flach, Kosten Wert", flache_tabelle(), kosten="wert")


if __name__ == "__main__":
    main()
