"""Selbstkontrollen für die Übungen: prüfen, typische Fehler erkennen, gestuft helfen.

Eine Prüffunktion sagt nicht nur „falsch“: Sie erkennt die häufigen
Denkfehler (z. B. Anteil statt Prozent, falscher Stichtag, Tagespflege
vergessen) und gibt dazu einen gezielten Hinweis. Bei einer unbekannten
falschen Antwort werden die Hinweise mit jedem Versuch konkreter.

Je Übung ein Modul (``bimo.uebungen.<thema>``) mit ``pruefe_…``-Funktionen
(``-> Rueckmeldung``) und einer ``aufgabe_…``-Funktion, die die Oberfläche baut.
Die Bausteine stehen in :mod:`bimo.uebungen._basis`.
"""

from bimo.uebungen._basis import Auswahlkontrolle, Rueckmeldung, Selbstkontrolle, lies_zahl
from bimo.uebungen.betreuungsquote import aufgabe_betreuungsquote, pruefe_betreuungsquote

__all__ = [
    "Auswahlkontrolle",
    "Rueckmeldung",
    "Selbstkontrolle",
    "aufgabe_betreuungsquote",
    "lies_zahl",
    "pruefe_betreuungsquote",
]
