"""Grafiken im einheitlichen bimo-Stil (seaborn).

- farbenblind-sichere Palette, deutsche Zahlen (1.234,5; 12,3 %),
- eine Quellenzeile unter jeder Abbildung,
- ein Alternativtext für jede Abbildung (für Screenreader und als Textausgabe
  im Notebook),
- gesperrte Werte werden nicht gezeichnet, aber unter der Grafik genannt.

Jede Funktion gibt eine :class:`Grafik` zurück. Im Notebook zeigt sie sich
als Bild; ``grafik.alt`` ist der Alternativtext, ``grafik.png()`` das Bild.
"""

from __future__ import annotations

import base64
import io
from dataclasses import dataclass
from html import escape

import matplotlib.pyplot as plt
import pandas as pd
import seaborn as sns
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter

from bimo.format import prozent, zahl

PALETTE = sns.color_palette("colorblind")
REFERENZFARBE = "#555555"


def stil() -> None:
    """Setzt das bimo-Thema für seaborn und matplotlib."""
    sns.set_theme(
        context="notebook",
        style="whitegrid",
        palette=PALETTE,
        rc={
            "figure.dpi": 100,
            "savefig.dpi": 150,
            "axes.titleweight": "bold",
            "axes.titlelocation": "left",
            "axes.spines.right": False,
            "axes.spines.top": False,
            "font.family": "DejaVu Sans",
        },
    )


@dataclass
class Grafik:
    """Eine fertige Abbildung mit Alternativtext."""

    figur: Figure
    alt: str

    def png(self) -> bytes:
        puffer = io.BytesIO()
        self.figur.savefig(puffer, format="png", bbox_inches="tight", metadata={"Software": None})
        return puffer.getvalue()

    def html(self, png: bytes | None = None) -> str:
        """Ein ``<img>`` mit eingebettetem Bild (data-URI) und Alternativtext."""
        daten = base64.b64encode(png or self.png()).decode("ascii")
        return f'<img src="data:image/png;base64,{daten}" alt="{escape(self.alt)}">'

    def _repr_mimebundle_(self, include=None, exclude=None):  # noqa: ANN001 – IPython-API
        # HTML zuerst (Buch und Berichte zeigen so den Alternativtext), PNG für PDF/LaTeX,
        # Text für Screenreader im Notebook und für den Regressionstest.
        png = self.png()
        return {"text/html": self.html(png), "image/png": png, "text/plain": self.alt}


def _zahlformat(einheit: str, stellen: int) -> FuncFormatter:
    if einheit == "%":
        return FuncFormatter(lambda wert, _pos: prozent(wert, stellen))
    return FuncFormatter(lambda wert, _pos: zahl(wert, stellen))


def _wert_text(wert: float, einheit: str, stellen: int) -> str:
    return prozent(wert, stellen) if einheit == "%" else f"{zahl(wert, stellen)} {einheit}".strip()


def zeitreihe(
    tabelle: pd.DataFrame,
    *,
    x: str = "jahr",
    y: str = "wert",
    gruppe: str = "name",
    referenz: str | None = None,
    titel: str,
    quelle: str,
    einheit: str = "%",
    stellen: int = 1,
    y_ab_null: bool = True,
) -> Grafik:
    """Liniendiagramm einer Zeitreihe je Gruppe; ``referenz`` (z. B. das Land) grau gestrichelt.

    Fehlende (gesperrte) Werte werden nicht verbunden und unter der Grafik genannt.
    """
    stil()
    fig, ax = plt.subplots(figsize=(7.5, 4.2))
    gruppen = list(dict.fromkeys(tabelle[gruppe]))
    farben = iter(PALETTE)
    beschreibung = []
    for name in gruppen:
        teil = tabelle[tabelle[gruppe] == name].sort_values(x)
        ist_referenz = name == referenz
        ax.plot(
            teil[x],
            teil[y].astype(float),
            marker="o",
            markersize=4,
            linewidth=1.6 if ist_referenz else 2.4,
            linestyle="--" if ist_referenz else "-",
            color=REFERENZFARBE if ist_referenz else next(farben),
            label=name,
        )
        vorhanden = teil.dropna(subset=[y])
        if not vorhanden.empty:
            erst, letzt = vorhanden.iloc[0], vorhanden.iloc[-1]
            beschreibung.append(
                f"{name} von {_wert_text(erst[y], einheit, stellen)} ({erst[x]}) auf "
                f"{_wert_text(letzt[y], einheit, stellen)} ({letzt[x]})"
            )
    ax.yaxis.set_major_formatter(_zahlformat(einheit, 0))
    ax.xaxis.get_major_locator().set_params(integer=True)
    if y_ab_null:
        hoechstwert = pd.to_numeric(tabelle[y], errors="coerce").max()
        ax.set_ylim(bottom=0, top=hoechstwert * 1.1 if hoechstwert > 0 else None)
    ax.set_title(titel)
    ax.set_xlabel("")
    ax.set_ylabel("")
    ax.legend(frameon=False, loc="lower right")
    fussnote = f"Quelle: {quelle}"
    gesperrt = tabelle[tabelle[y].isna()]
    if not gesperrt.empty:
        fussnote += (
            f"\nGesperrte Werte (Geheimhaltung) sind nicht dargestellt: {len(gesperrt)} Punkt(e)."
        )
    fig.text(0.01, -0.02, fussnote, fontsize=8, color="#333333", va="top")
    fig.tight_layout()
    plt.close(fig)
    alt = f"Liniendiagramm „{titel}“: " + "; ".join(beschreibung) + "."
    if not gesperrt.empty:
        alt += f" {len(gesperrt)} Werte sind gesperrt und fehlen."
    return Grafik(fig, alt)


KARTENFARBEN = "YlGnBu"  # sequenziell, für Farbsehschwäche geeignet (ColorBrewer)
GESPERRT_FARBE = "#d9d9d9"


def klassengrenzen(werte: pd.Series, klassen: int = 5, methode: str = "quantile") -> list[float]:
    """Klassengrenzen für Karten: ``quantile`` (gleich viele Gebiete je Klasse) oder
    ``gleich`` (gleich breite Klassen). Gibt ``klassen + 1`` aufsteigende Grenzen zurück."""
    import numpy as np

    werte = pd.to_numeric(werte, errors="coerce").dropna()
    if werte.empty:
        return []
    if methode == "quantile":
        grenzen = np.quantile(werte, np.linspace(0, 1, klassen + 1))
    elif methode == "gleich":
        grenzen = np.linspace(werte.min(), werte.max(), klassen + 1)
    else:
        from bimo.fehler import ParameterFehler

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
    import numpy as np
    from matplotlib.patches import Patch

    stil()
    daten = geo.merge(
        werte[[schluessel, wert] + ([name] if name and name in werte and name not in geo else [])],
        on=schluessel,
        how="left",
    )
    zahlen = pd.to_numeric(daten[wert], errors="coerce").astype(float)
    grenzen = list(grenzen) if grenzen is not None else klassengrenzen(zahlen, klassen, methode)
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
            von = _wert_text(grenzen[i], einheit, stellen)
            bis = _wert_text(grenzen[i + 1], einheit, stellen)
            legende.append(
                Patch(facecolor=farben(i), edgecolor="#999999", label=f"{von} bis {bis}")
            )
    gesperrt = daten[zahlen.isna()]
    if not gesperrt.empty:
        gesperrt.plot(ax=ax, color=GESPERRT_FARBE, edgecolor="white", hatch="///", linewidth=0.6)
        legende.append(
            Patch(facecolor=GESPERRT_FARBE, hatch="///", edgecolor="#999999", label="gesperrt (.)")
        )
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
    fig.text(0.01, -0.01, f"Quelle: {quelle}", fontsize=8, color="#333333", va="top")
    fig.tight_layout()
    plt.close(fig)
    beschriftung = daten[name] if name and name in daten else daten[schluessel]
    vorhanden = zahlen.dropna()
    alt = f"Karte „{titel}“ mit {len(daten)} Gebieten in {anzahl} Klassen"
    if not vorhanden.empty:
        hoch, tief = vorhanden.idxmax(), vorhanden.idxmin()
        alt += (
            f"; höchster Wert {_wert_text(vorhanden[hoch], einheit, stellen)} in "
            f"{beschriftung[hoch]}, niedrigster {_wert_text(vorhanden[tief], einheit, stellen)}"
            f" in {beschriftung[tief]}"
        )
    alt += "."
    if not gesperrt.empty:
        alt += f" {len(gesperrt)} Gebiete sind gesperrt (grau schraffiert)."
    return Grafik(fig, alt)
