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


TABELLE_MIME = "application/vnd.bimo.tabelle+json"
"""Mimetype, unter dem eine Tabelle mit Titel ihre Zellen (als angezeigter Text) mitgibt:
``bimo berichte`` sammelt sie für den Download als CSV und XLSX."""


@dataclass(frozen=True)
class Tabelle:
    """Eine veröffentlichungsfertige Tabelle (schon geheim gehalten und formatiert).

    Mit ``titel`` gehört sie zu den veröffentlichten Tabellen eines Berichts und wird als
    CSV/XLSX mitgeliefert – genau so, wie sie angezeigt wird (gesperrt = „.“).
    """

    daten: pd.DataFrame
    titel: str | None = None

    def _repr_html_(self) -> str:
        return self.daten.to_html(index=False, escape=True, classes="bimo-tabelle", border=0)

    def _repr_mimebundle_(self, include=None, exclude=None):  # noqa: ANN001 – IPython-API
        bundle = {"text/html": self._repr_html_(), "text/plain": repr(self)}
        if self.titel:
            bundle[TABELLE_MIME] = {
                "titel": self.titel,
                "spalten": [str(s) for s in self.daten.columns],
                "zeilen": self.daten.astype(str).to_numpy().tolist(),
            }
        return bundle

    def __repr__(self) -> str:
        return self.daten.to_string(index=False)
