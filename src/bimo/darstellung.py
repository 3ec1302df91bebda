"""Bausteine für die Ausgabe in Notebooks, Buch und Berichten.

Beide zeigen sich im Notebook gerendert (Markdown bzw. HTML-Tabelle) und
haben eine aussagekräftige Textform – die vergleicht der Regressionstest
(nbval), sodass eine geänderte Zahl auffällt.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd


@dataclass(frozen=True)
class Text:
    """Ein Textbaustein in Markdown."""

    markdown: str

    def _repr_markdown_(self) -> str:
        return self.markdown

    def __repr__(self) -> str:
        return self.markdown


@dataclass(frozen=True)
class Tabelle:
    """Eine veröffentlichungsfertige Tabelle (schon geheim gehalten und formatiert)."""

    daten: pd.DataFrame

    def _repr_html_(self) -> str:
        return self.daten.to_html(index=False, escape=True, classes="bimo-tabelle", border=0)

    def __repr__(self) -> str:
        return self.daten.to_string(index=False)
