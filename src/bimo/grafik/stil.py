"""Der gemeinsame Stil aller bimo-Grafiken: Farben, deutsche Achsen, Quellenzeile,
gesperrte Werte sichtbar, die :class:`Grafik` mit Alternativtext."""

from __future__ import annotations

import base64
import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from html import escape

import matplotlib.pyplot as plt
import pandas as pd
import seaborn as sns
from matplotlib.axes import Axes
from matplotlib.colors import to_rgb
from matplotlib.figure import Figure
from matplotlib.patches import Patch
from matplotlib.ticker import Formatter

from bimo.kern.format import GEHEIM, zahl
from bimo.kern.format import wert as format_wert

PALETTE = sns.color_palette("colorblind")
REFERENZFARBE = "#555555"
KARTENFARBEN = "YlGnBu"  # sequenziell, für Farbsehschwäche geeignet (ColorBrewer)
GESPERRT_FARBE = "#d9d9d9"
GESPERRT = "gesperrt (.)"
"""Legendeneintrag für gesperrte Werte (Zeichen „.“ wie in der amtlichen Statistik)."""


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


def wert_text(wert: float, einheit: str, stellen: int) -> str:
    return format_wert(wert, einheit, stellen)


# --- gemeinsame Bausteine der Grafiken -------------------------------------------------------


class DeutscheAchse(Formatter):
    """Achsenbeschriftung deutsch (1.234,5 / 12,5 %), Nachkommastellen nach Tickabstand."""

    def __init__(self, einheit: str) -> None:
        self.einheit = einheit
        self.orte: list[float] = []

    def set_locs(self, locs) -> None:  # noqa: ANN001 – matplotlib-API
        self.orte = [float(o) for o in locs]

    def __call__(self, wert: float, pos: int | None = None) -> str:
        orte = self.orte or [float(wert)]
        stellen = next(
            (s for s in range(3) if all(abs(o * 10**s - round(o * 10**s)) < 1e-6 for o in orte)),
            3,
        )
        return format_wert(wert, self.einheit, stellen, mit_einheit=False)


def mit_n(text: str, n: float | None) -> str:
    """Hängt die Fallzahl an: ``'47,3 % (n = 17.925)'`` (ohne n, wenn sie fehlt)."""
    if n is None or pd.isna(n):
        return text
    return f"{text} (n\u00a0=\u00a0{zahl(n)})"


def gesperrt_patch(**stil_) -> Patch:
    """Legendeneintrag „gesperrt (.)“: grau schraffiert wie in den Karten."""
    return Patch(
        **{"facecolor": GESPERRT_FARBE, "hatch": "///", "edgecolor": "#999999", **stil_},
        label=GESPERRT,
    )


PUNKT = {  # das Zeichen „.“ für gesperrte Werte, gut sichtbar auf Schraffur
    "fontsize": 13,
    "fontweight": "bold",
    "color": "#222222",
    "bbox": {"facecolor": "white", "edgecolor": "none", "pad": 0.5},
}
AUF_WEISS = {"facecolor": "white", "edgecolor": "none", "alpha": 0.8, "pad": 0.6}


def gesperrt_band(ax: Axes, y: float, hoehe: float = 0.8) -> None:
    """Leerer, grau schraffierter Balken über die ganze Breite (Zeile ohne Wert) mit „.“."""
    ax.axhspan(
        y - hoehe / 2,
        y + hoehe / 2,
        facecolor="none",
        edgecolor="#bdbdbd",
        hatch="///",
        linewidth=0,
        zorder=0,
    )
    ax.text(
        0.01,
        y,
        GEHEIM,
        transform=ax.get_yaxis_transform(),
        va="center",
        ha="left",
        **PUNKT,
    )


def gesperrt_satz(anzahl: int, einzahl: str, mehrzahl: str, zusatz: str = "") -> str:
    """Satz für den Alternativtext: ``' 1 Wert ist gesperrt (.).'`` oder ``' 3 Werte sind …'``."""
    if anzahl == 0:
        return ""
    wort, verb = (einzahl, "ist") if anzahl == 1 else (mehrzahl, "sind")
    return f" {zahl(anzahl)} {wort} {verb} gesperrt (.){zusatz}."


def extremwerte(werte: pd.Series, beschriftung: pd.Series, text: Callable[[object], str]) -> str:
    """``'höchster Wert 47,3 % in A, niedrigster 28,4 % in B'``; ``text(index)`` formatiert."""
    hoch, tief = werte.idxmax(), werte.idxmin()
    return (
        f"höchster Wert {text(hoch)} in {beschriftung[hoch]}, "
        f"niedrigster {text(tief)} in {beschriftung[tief]}"
    )


def verlaufstext(
    teil: pd.DataFrame, x: str, y: str, name: object, einheit: str, stellen: int
) -> str:
    """``'A von 30,3 % (2020) auf 35,5 % (2022)'`` – erster und letzter vorhandener Wert."""
    vorhanden = teil.dropna(subset=[y])
    if vorhanden.empty:
        return ""
    erst, letzt = vorhanden.iloc[0], vorhanden.iloc[-1]
    return (
        f"{name} von {wert_text(erst[y], einheit, stellen)} ({erst[x]}) auf "
        f"{wert_text(letzt[y], einheit, stellen)} ({letzt[x]})"
    )


def fertig(
    fig: Figure, quelle: str, hinweise: Sequence[str] = (), *, y: float = -0.02, rect=None
) -> None:
    """Quellenzeile (und Hinweise) unter die Abbildung setzen, Layout, Figur schließen."""
    fig.text(
        0.01, y, "\n".join([f"Quelle: {quelle}", *hinweise]), fontsize=8, color="#333333", va="top"
    )
    fig.tight_layout(**({"rect": rect} if rect is not None else {}))
    plt.close(fig)


def als_zahlen(spalte: pd.Series) -> pd.Series:
    return pd.to_numeric(spalte, errors="coerce").astype(float)


def hell(farbe, anteil: float = 0.55) -> tuple[float, float, float]:  # noqa: ANN001
    """Aufgehellte Farbe (Mischung mit Weiß)."""
    return tuple(c + (1 - c) * anteil for c in to_rgb(farbe))


def schriftfarbe(farbe) -> str:  # noqa: ANN001
    """Schwarz oder Weiß, je nachdem, was auf ``farbe`` besser lesbar ist."""
    r, g, b = to_rgb(farbe)
    return "#111111" if 0.2126 * r + 0.7152 * g + 0.0722 * b > 0.5 else "white"
