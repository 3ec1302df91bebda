"""Parameter der Berichtsvorlagen prüfen – einmal vor dem ersten Bericht, deutsche Meldungen.

Die eine Prüfung je Parameter: Befehlszeile, Vorlagen und Kapitel (z. B.
:func:`bimo.kapitel.produkte.faktenblatt`) rufen dieselben Funktionen auf.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from bimo import indikatoren
from bimo.berichte import datenbasis
from bimo.berichte.vorlagen import ALLE
from bimo.fehler import ParameterFehler

VERGLEICHE = ("aehnliche", "land")


# --- Parameter ------------------------------------------------------------------------


def pruefe_kommune(kommune: object, daten: object = datenbasis.MUSTERLAND) -> str:
    """Prüft einen Gemeindeschlüssel und gibt ihn als Text zurück.

    Ein unbekannter Schlüssel oder Name führt zu einer deutschen Meldung mit
    ähnlichen Kommunen.
    """
    return datenbasis.lade(pruefe_daten(daten)).pruefe_kommune(kommune)


def pruefe_daten(daten: object) -> str:
    if not isinstance(daten, str | Path) or not str(daten).strip():
        raise ParameterFehler(
            f"„daten“ muss „musterland“ oder ein Ordner mit Exporten sein, nicht „{daten}“."
        )
    return str(daten).strip()


def pruefe_jahr(jahr: object, daten: object = datenbasis.MUSTERLAND) -> int | None:
    """Ein Berichtsjahr, zu dem es Daten gibt – oder ``None`` (das neueste)."""
    if jahr is None or (isinstance(jahr, str) and jahr.strip().lower() in ("", "neuestes")):
        return None
    jahre = datenbasis.lade(pruefe_daten(daten)).jahre()
    try:
        wert = int(str(jahr).strip())
    except ValueError:
        raise ParameterFehler(f"Das Jahr „{jahr}“ ist keine ganze Zahl.") from None
    if not jahre[0] <= wert <= jahre[-1]:
        raise ParameterFehler(
            f"Für das Jahr {wert} gibt es keine Daten; vorhanden sind {jahre[0]} bis {jahre[-1]}."
        )
    return wert


def pruefe_mindestfallzahl(mindestfallzahl: object) -> int:
    try:
        wert = int(str(mindestfallzahl))
    except ValueError:
        wert = 0
    if wert < 1:
        raise ParameterFehler(
            f"Die Mindestfallzahl muss eine ganze Zahl ab 1 sein, nicht „{mindestfallzahl}“."
        )
    return wert


def _schlicht(text: str) -> str:
    """„Frühkindliche Bildung“ → „fruehkindliche_bildung“ (zum Vergleich von Eingaben)."""
    text = text.strip().lower().replace("ä", "ae").replace("ö", "oe").replace("ü", "ue")
    text = unicodedata.normalize("NFKD", text.replace("ß", "ss"))
    return re.sub(r"[^a-z0-9]+", "_", text).strip("_")


def pruefe_thema(thema: object, daten: object = datenbasis.MUSTERLAND) -> str:
    """``"alle"`` oder ein Themenfeld, für das die Daten Kennzahlen haben."""
    text = str(thema).strip()
    if _schlicht(text) == ALLE:
        return ALLE
    basis = datenbasis.lade(pruefe_daten(daten))
    for feld in indikatoren.THEMENFELDER:
        if _schlicht(text) in (_schlicht(feld), _schlicht(feld.split("/")[-1])):
            if feld not in basis.themenfelder():
                raise ParameterFehler(
                    f"Zum Themenfeld „{feld}“ enthalten die Daten keine Kennzahl. "
                    f"Möglich sind: {', '.join(basis.themenfelder())}."
                )
            return feld
    raise ParameterFehler(
        f"Das Thema „{text}“ gibt es nicht. Möglich sind „alle“ oder: "
        f"{', '.join(basis.themenfelder())}."
    )


def pruefe_vergleich(vergleich: object, daten: object = datenbasis.MUSTERLAND) -> str:
    """``"aehnliche"``, ``"land"`` oder eine Liste von Schlüsseln (durch Komma getrennt)."""
    text = str(vergleich).strip()
    if _schlicht(text) in VERGLEICHE:
        return _schlicht(text)
    teile = [t.strip() for t in text.split(",") if t.strip()]
    if not teile:
        raise ParameterFehler(
            "„vergleich“ ist leer. Möglich sind „aehnliche“, „land“ oder Schlüssel wie "
            '"17101,17102".'
        )
    basis = datenbasis.lade(pruefe_daten(daten))
    return ",".join(basis.pruefe_kommune(t) for t in teile)


def pruefe_parameter(parameter: dict[str, object]) -> dict[str, object]:
    """Prüft alle Parameter eines Laufs einmal vorab (ohne ``kommune``)."""
    geprueft = dict(parameter)
    daten = pruefe_daten(parameter.get("daten", datenbasis.MUSTERLAND))
    datenbasis.lade(daten)  # ein kaputter Ordner scheitert hier, nicht in jedem Bericht
    if "jahr" in parameter:
        geprueft["jahr"] = pruefe_jahr(parameter["jahr"], daten)
    if "mindestfallzahl" in parameter:
        geprueft["mindestfallzahl"] = pruefe_mindestfallzahl(parameter["mindestfallzahl"])
    if "thema" in parameter:
        geprueft["thema"] = pruefe_thema(parameter["thema"], daten)
    if "vergleich" in parameter:
        geprueft["vergleich"] = pruefe_vergleich(parameter["vergleich"], daten)
    return geprueft
