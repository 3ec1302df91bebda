"""Gespeicherte Notebook-Ausgaben mit ruhigen Diffs (``make notebooks``).

ipywidgets vergibt bei jedem Lauf neue, zufällige Modellkennungen (32 Hexziffern). Im
gespeicherten Notebook stehen sie im Widget-Zustand, in ``IPY_MODEL_…``-Verweisen und in
jeder Widget-Ausgabe – ein neuer Lauf ändert so hunderte Zeilen, ohne dass sich etwas
geändert hat. :func:`stabile_widget_ids` ersetzt sie durch Kennungen, die nur vom
Notebook und von der Reihenfolge abhängen.
"""

from __future__ import annotations

import hashlib
import json
import re

_KENNUNG = re.compile(r"(?<![0-9a-f])[0-9a-f]{32}(?![0-9a-f])")
_ZUSTAND = "application/vnd.jupyter.widget-state+json"


def _reihenfolge(nb: dict) -> list[str]:
    """Die Widget-Modelle in einer Reihenfolge, die nicht von ihren Zufallskennungen abhängt:
    zuerst die Modelle, wie sie in den Zellen erscheinen, dann je Modell die Modelle, auf die
    es verweist (Tiefensuche); übrig gebliebene nach ihrem Inhalt (Kennungen ausgeblendet)."""
    zustand = nb.get("metadata", {}).get("widgets", {}).get(_ZUSTAND, {}).get("state", {})
    if not zustand:
        return []
    reihe: list[str] = []
    gesehen: set[str] = set()

    def besuche(start: str) -> None:
        stapel = [start]
        while stapel:
            k = stapel.pop()
            if k in gesehen or k not in zustand:
                continue
            gesehen.add(k)
            reihe.append(k)
            verweise = _KENNUNG.findall(json.dumps(zustand[k], sort_keys=True))
            stapel.extend(reversed(verweise))

    for k in _KENNUNG.findall(json.dumps(nb.get("cells", []))):
        besuche(k)

    kanon: dict[str, str] = {}

    def inhalt(k: str, pfad: frozenset[str] = frozenset()) -> str:
        """Der Inhalt eines Modells samt allem, worauf es verweist – ohne Kennungen. Gleicher
        Inhalt heißt: austauschbar, die Wahl zwischen ihnen ändert den Text nicht."""
        if k not in kanon:
            if k in pfad or k not in zustand:
                return "ID"
            roh = json.dumps(zustand[k], sort_keys=True)
            kanon[k] = _KENNUNG.sub(lambda m: "{" + inhalt(m.group(0), pfad | {k}) + "}", roh)
        return kanon[k]

    # nicht angezeigte Modelle: von ihren Wurzeln aus (Modelle, auf die keines verweist), damit
    # gleiche Blätter ihre Reihenfolge von den Eltern bekommen; Wurzeln nach ganzem Inhalt
    verwiesen = {r for k in zustand for r in _KENNUNG.findall(json.dumps(zustand[k])) if r != k}

    def schluessel(k: str) -> tuple[str, list[int]]:
        # gleicher Inhalt, aber Verweise auf schon nummerierte Modelle: nach deren Nummern
        stelle = {m: i for i, m in enumerate(reihe)}
        verweise = _KENNUNG.findall(json.dumps(zustand[k], sort_keys=True))
        return inhalt(k), [stelle[r] for r in verweise if r in stelle]

    rest = set(zustand) - gesehen
    for k in sorted((k for k in rest if k not in verwiesen), key=schluessel):
        besuche(k)
    for k in sorted(set(zustand) - gesehen, key=schluessel):  # nur noch Kreise von Verweisen
        besuche(k)
    return reihe


def stabile_widget_ids(text: str, stamm: str) -> str:
    """Ersetzt die Widget-Modellkennungen im JSON-Text eines Notebooks durch feste.

    ``stamm`` (z. B. der Dateiname) macht die Kennungen je Notebook verschieden. Dieselben
    Widgets ergeben bei jedem Lauf denselben Text: Die Reihenfolge hängt an den Zellen und den
    Verweisen zwischen den Modellen, nicht an den zufälligen Kennungen; danach wird der Text
    wie von nbformat geschrieben (Schlüssel sortiert), also auch der Widget-Zustand neu sortiert.
    """
    nb = json.loads(text)
    alte = _reihenfolge(nb)
    if not alte:
        return text
    neu = {
        alt: hashlib.sha256(f"{stamm}:{i}".encode()).hexdigest()[:32] for i, alt in enumerate(alte)
    }
    ersetzt = json.loads(_KENNUNG.sub(lambda m: neu.get(m.group(0), m.group(0)), text))
    ende = "\n" if text.endswith("\n") else ""
    return (
        json.dumps(ersetzt, sort_keys=True, indent=1, ensure_ascii=False, separators=(",", ": "))
        + ende
    )
