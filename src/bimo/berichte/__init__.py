"""Berichte je Kommune: Kommunalprofil, Bildungsjournal, Faktenblatt.

- :mod:`.vorlagen` – das Register der Vorlagen (die ``.ipynb`` liegen als Paketdaten daneben),
- :mod:`.parameter` – die Prüfung der Parameter,
- :mod:`.datenbasis` – Musterland oder ein Ordner mit Exporten,
- :mod:`.inhalt` – der :class:`Bericht` mit seinen Bausteinen,
- :mod:`.lauf` – viele Berichte (``bimo berichte``), :mod:`.arbeiter` (warme Kernel),
  :mod:`.ausgabe` (HTML, CSV, XLSX, Index), :mod:`.cluster` (Dask).
"""

from bimo.berichte.inhalt import QUELLENVERMERK, Bericht, bericht, kommunalprofil
from bimo.berichte.parameter import (
    pruefe_daten,
    pruefe_jahr,
    pruefe_kommune,
    pruefe_mindestfallzahl,
    pruefe_parameter,
    pruefe_thema,
    pruefe_vergleich,
)
from bimo.berichte.vorlagen import ALLE, VORLAGEN, vorlage, vorlage_pfad

__all__ = [
    "ALLE",
    "QUELLENVERMERK",
    "VORLAGEN",
    "Bericht",
    "bericht",
    "kommunalprofil",
    "pruefe_daten",
    "pruefe_jahr",
    "pruefe_kommune",
    "pruefe_mindestfallzahl",
    "pruefe_parameter",
    "pruefe_thema",
    "pruefe_vergleich",
    "vorlage",
    "vorlage_pfad",
]
