"""Gespeicherte Notebook-Ausgaben mit ruhigen Diffs (``make notebooks``).

ipywidgets vergibt bei jedem Lauf neue, zufällige Modellkennungen (32 Hexziffern). Im
gespeicherten Notebook stehen sie im Widget-Zustand, in ``IPY_MODEL_…``-Verweisen und in
jeder Widget-Ausgabe – ein neuer Lauf ändert so hunderte Zeilen, ohne dass sich etwas
geändert hat. :func:`stabile_widget_ids` ersetzt sie durch Kennungen, die nur vom
Notebook und von der Reihenfolge abhängen.
"""

from __future__ import annotations

import hashlib
import re

_KENNUNG = re.compile(r"(?<![0-9a-f])[0-9a-f]{32}(?![0-9a-f])")
_IN_ZUSTAND = re.compile(r'"([0-9a-f]{32})": \{\s*"model_module"')


def stabile_widget_ids(text: str, stamm: str) -> str:
    """Ersetzt die Widget-Modellkennungen im JSON-Text eines Notebooks durch feste.

    ``stamm`` (z. B. der Dateiname) macht die Kennungen je Notebook verschieden. Dieselben
    Widgets in derselben Reihenfolge ergeben bei jedem Lauf denselben Text.
    """
    alte = list(dict.fromkeys(_IN_ZUSTAND.findall(text)))
    neu = {
        alt: hashlib.sha256(f"{stamm}:{i}".encode()).hexdigest()[:32] for i, alt in enumerate(alte)
    }
    return _KENNUNG.sub(lambda m: neu.get(m.group(0), m.group(0)), text)
