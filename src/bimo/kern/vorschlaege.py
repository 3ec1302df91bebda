"""Vorschläge zu einer Eingabe, die es nicht gibt („Meinten Sie …?“)."""

from __future__ import annotations

import difflib

import pandas as pd


def vorschlaege(eingabe: str, kreise: pd.DataFrame) -> list[str]:
    """Ähnliche Kommunen zu einer Eingabe (Schlüssel oder Name); ``kreise`` hat ``ags`` und
    ``name``."""
    eintraege = {f"{a} {n}": (a, n) for a, n in zip(kreise["ags"], kreise["name"], strict=True)}
    kandidaten = set(difflib.get_close_matches(eingabe, list(kreise["ags"]), n=3, cutoff=0.6))
    namen = dict(zip(kreise["name"].str.lower(), kreise["ags"], strict=True))
    for name in difflib.get_close_matches(eingabe.lower(), list(namen), n=3, cutoff=0.5):
        kandidaten.add(namen[name])
    kandidaten |= {a for a, n in eintraege.values() if eingabe and eingabe.lower() in n.lower()}
    return [f"{a} ({n})" for a, n in sorted(eintraege.values()) if a in kandidaten][:5]
