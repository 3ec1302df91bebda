"""bimo – Werkstattbuch für kommunales Bildungsmonitoring.

Das Paket enthält alles, was die Notebooks des Buchs aufrufen: Daten laden
(:mod:`bimo.daten`), Indikatoren berechnen (:mod:`bimo.indikatoren`),
Grafiken zeichnen (:mod:`bimo.grafik`), Tabellen geheim halten
(:mod:`bimo.geheimhaltung`), Übungen prüfen (:mod:`bimo.uebungen`) und
Kommunalprofile erzeugen (:mod:`bimo.berichte`).
"""

from bimo.fehler import BimoFehler

__version__ = "0.1.0"

__all__ = ["BimoFehler", "__version__"]
