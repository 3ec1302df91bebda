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
