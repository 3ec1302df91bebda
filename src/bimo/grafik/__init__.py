"""Grafiken im einheitlichen bimo-Stil (seaborn).

- farbenblind-sichere Palette, deutsche Zahlen (1.234,5; 12,3 %),
- eine Quellenzeile unter jeder Abbildung,
- ein Alternativtext für jede Abbildung (für Screenreader und als Textausgabe
  im Notebook),
- gesperrte Werte (statistische Geheimhaltung) werden sichtbar markiert und
  mit „gesperrt (.)“ erklärt, nie stillschweigend weggelassen,
- zu jeder Quote auf Wunsch die Fallzahl dahinter: „47,3 % (n = 17.925)“.

Funktionen: :func:`zeitreihe`, :func:`karte`, :func:`rangfolge` (sortierte
Balken), :func:`anteile` (100-%-Balken), :func:`kleine_vielfache` (eine
Zeitreihe je Gebiet) und :func:`punktwolke` (Zusammenhang zweier Merkmale).

Jede Funktion gibt eine :class:`Grafik` zurück. Im Notebook zeigt sie sich
als Bild; ``grafik.alt`` ist der Alternativtext, ``grafik.png()`` das Bild.
"""

from bimo.grafik.diagramme import anteile, kleine_vielfache, punktwolke, rangfolge, zeitreihe
from bimo.grafik.karten import karte, klassengrenzen
from bimo.grafik.stil import (
    GESPERRT,
    GESPERRT_FARBE,
    KARTENFARBEN,
    PALETTE,
    REFERENZFARBE,
    DeutscheAchse,
    Grafik,
    fertig,
    stil,
    wert_text,
)

__all__ = [
    "GESPERRT",
    "GESPERRT_FARBE",
    "KARTENFARBEN",
    "PALETTE",
    "REFERENZFARBE",
    "DeutscheAchse",
    "Grafik",
    "anteile",
    "fertig",
    "karte",
    "klassengrenzen",
    "kleine_vielfache",
    "punktwolke",
    "rangfolge",
    "stil",
    "wert_text",
    "zeitreihe",
]
