"""Der Steckbrief eines Indikators (eine Seite je Indikator) aus dem Register."""

from __future__ import annotations

from bimo.indikatoren.register import indikator
from bimo.kern.darstellung import Text


def steckbrief(kennung: str) -> Text:
    """Der Steckbrief eines Indikators als Markdown-Text (eine Seite je Indikator)."""
    ind = indikator(kennung)
    hinweise = "\n".join(f"- {h}" for h in ind.hinweise)
    return Text(
        f"# {ind.name}\n\n"
        f"**Themenfeld:** {ind.themenfeld} · **Kennung:** `{ind.kennung}`\n\n"
        f"## Definition\n\n{ind.definition}\n\n"
        f"| Merkmal | Beschreibung |\n|---|---|\n"
        f"| Zähler | {ind.zaehler} |\n"
        f"| Nenner | {ind.nenner} |\n"
        f"| Einheit | {ind.einheit} |\n"
        f"| Stichtag | {ind.stichtag} |\n"
        f"| Quelle | {ind.quelle} |\n\n"
        f"## Lesart\n\n{ind.lesart}\n\n"
        f"## Hinweise\n\n{hinweise}\n"
    )
