"""Karten: :func:`karte` (Choroplethen mit gesperrten Gebieten) und :func:`klassengrenzen`."""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.patches import Patch

from bimo.fehler import ParameterFehler
from bimo.grafik.stil import (
    GESPERRT_FARBE,
    KARTENFARBEN,
    Grafik,
    extremwerte,
    fertig,
    gesperrt_patch,
    stil,
    wert_text,
)


def klassengrenzen(werte: pd.Series, klassen: int = 5, methode: str = "quantile") -> list[float]:
    """Klassengrenzen für Karten: ``quantile`` (gleich viele Gebiete je Klasse) oder
    ``gleich`` (gleich breite Klassen). Gibt ``klassen + 1`` aufsteigende Grenzen zurück."""
    werte = pd.to_numeric(werte, errors="coerce").dropna()
    if werte.empty:
        return []
    if methode == "quantile":
        grenzen = np.quantile(werte, np.linspace(0, 1, klassen + 1))
    elif methode == "gleich":
        grenzen = np.linspace(werte.min(), werte.max(), klassen + 1)
    else:
        raise ParameterFehler(
            f"Unbekannte Klasseneinteilung „{methode}“: „quantile“ oder "
            "„gleich“, oder eigene Grenzen als Liste."
        )
    return sorted(set(float(g) for g in grenzen))


def karte(
    geo,
    werte: pd.DataFrame,
    *,
    schluessel: str = "ags",
    wert: str = "wert",  # noqa: ANN001
    name: str | None = "name",
    titel: str,
    quelle: str,
    einheit: str = "%",
    stellen: int = 1,
    klassen: int = 5,
    methode: str = "quantile",
    grenzen: list[float] | None = None,
) -> Grafik:
    """Choroplethenkarte: ``geo`` (GeoDataFrame mit Spalte ``schluessel``) eingefärbt nach
    ``werte[wert]``. Gesperrte oder fehlende Werte erscheinen grau schraffiert mit eigenem
    Legendeneintrag „gesperrt (.)“ – sichtbar markiert, nicht weggelassen."""
    import matplotlib as mpl

    stil()
    daten = geo.merge(
        werte[[schluessel, wert] + ([name] if name and name in werte and name not in geo else [])],
        on=schluessel,
        how="left",
    )
    zahlen = pd.to_numeric(daten[wert], errors="coerce").astype(float)
    grenzen = list(grenzen) if grenzen is not None else klassengrenzen(zahlen, klassen, methode)
    if len(grenzen) == 1:  # nur ein Wert (ein Gebiet): eine Klasse „x bis x“
        grenzen = grenzen * 2
    anzahl = max(len(grenzen) - 1, 1)
    farben = mpl.colormaps[KARTENFARBEN].resampled(anzahl)
    fig, ax = plt.subplots(figsize=(7.5, 6.5))
    legende = []
    if grenzen:
        klasse = np.clip(np.searchsorted(grenzen, zahlen, side="right") - 1, 0, anzahl - 1)
        for i in range(anzahl):
            auswahl = daten[(klasse == i) & zahlen.notna()]
            if not auswahl.empty:
                auswahl.plot(ax=ax, color=farben(i), edgecolor="white", linewidth=0.6)
            von = wert_text(grenzen[i], einheit, stellen)
            bis = wert_text(grenzen[i + 1], einheit, stellen)
            legende.append(
                Patch(facecolor=farben(i), edgecolor="#999999", label=f"{von} bis {bis}")
            )
    gesperrt = daten[zahlen.isna()]
    if not gesperrt.empty:
        gesperrt.plot(ax=ax, color=GESPERRT_FARBE, edgecolor="white", hatch="///", linewidth=0.6)
        legende.append(gesperrt_patch())
    ax.set_axis_off()
    if geo.crs is None or geo.crs.is_geographic:  # Länge/Breite: Breitenkreise verkürzen
        breite = float(np.mean(ax.get_ylim()))
        ax.set_aspect(1 / np.cos(np.radians(breite)) if abs(breite) < 80 else "equal")
    else:
        ax.set_aspect("equal")
    ax.set_title(titel)
    ax.legend(
        handles=legende,
        frameon=False,
        loc="upper left",
        bbox_to_anchor=(1.0, 1.0),
        title=einheit if einheit != "%" else "Anteil",
    )
    fertig(fig, quelle, y=-0.01)
    beschriftung = daten[name] if name and name in daten else daten[schluessel]
    vorhanden = zahlen.dropna()
    alt = f"Karte „{titel}“ mit {len(daten)} Gebieten in {anzahl} Klassen"
    if not vorhanden.empty:
        alt += "; " + extremwerte(
            vorhanden, beschriftung, lambda i: wert_text(vorhanden[i], einheit, stellen)
        )
    alt += "."
    if not gesperrt.empty:
        alt += f" {len(gesperrt)} Gebiete sind gesperrt (grau schraffiert)."
    return Grafik(fig, alt)


# --- Rangfolge, Anteile, kleine Vielfache, Punktwolke ---------------------------------------
