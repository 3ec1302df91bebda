"""Daten laden und erzeugen.

- :func:`lade` liest eine Tabelle der Beispieldaten „Musterland“ (``datasets/musterland``).
- :func:`erzeuge_musterland` erzeugt diese Dateien reproduzierbar neu.

Gebietsschlüssel (AGS) sind immer Text: ``"17101"``, nie ``17101``.
"""

from __future__ import annotations

import io
import json
import os
import re
from functools import lru_cache
from pathlib import Path

import pandas as pd

from bimo.darstellung import Text
from bimo.daten.musterland import LAND_AGS, TABELLEN, erzeuge_musterland
from bimo.fehler import DatenFehler

__all__ = [
    "DatenFehler",
    "LAND_AGS",
    "TABELLEN",
    "datenordner",
    "erzeuge_musterland",
    "datenlexikon",
    "gebiete",
    "lade",
    "kreise",
    "mit_namen",
]


def datenordner() -> Path:
    """Ordner der Musterland-Daten; mit der Umgebungsvariable ``BIMO_DATEN`` änderbar."""
    if os.environ.get("BIMO_DATEN"):
        return Path(os.environ["BIMO_DATEN"])
    return Path(__file__).resolve().parents[3] / "datasets" / "musterland"


def lade(tabelle: str) -> pd.DataFrame:
    """Liest eine Musterland-Tabelle, z. B. ``lade("kindertagesbetreuung")``.

    Gibt eine Kopie zurück; wer sie ändert, ändert nicht die Daten anderer Aufrufe.
    """
    if tabelle not in TABELLEN:
        bekannt = ", ".join(sorted(TABELLEN))
        raise DatenFehler(f"Unbekannte Tabelle „{tabelle}“. Vorhanden sind: {bekannt}.")
    return _lade(datenordner() / TABELLEN[tabelle].datei).copy()


@lru_cache(maxsize=16)
def _lade(pfad: Path) -> pd.DataFrame:
    if not pfad.exists():
        raise DatenFehler(
            f"Die Datei {pfad} fehlt. Erzeugen Sie die Beispieldaten mit `make daten` "
            "(oder `bimo daten`)."
        )
    roh = pfad.read_bytes()
    try:
        text = roh.decode("utf-8")
    except UnicodeDecodeError as fehler:
        zeile = roh[: fehler.start].count(b"\n") + 1
        spalte = fehler.start - (roh.rfind(b"\n", 0, fehler.start) + 1) + 1
        raise DatenFehler(
            f"Die Datei {pfad} ist nicht lesbar: Zeile {zeile}, Spalte {spalte} ist kein "
            f"gültiges UTF-8 (Byte 0x{roh[fehler.start]:02x}). Wurde sie in einem anderen "
            "Programm mit anderer Kodierung gespeichert?"
        ) from None
    typen = {"ags": "string", "uebergeordnet": "string", "name": "string"}
    try:
        return pd.read_csv(io.StringIO(text), dtype=typen, keep_default_na=False)
    except pd.errors.ParserError as fehler:
        treffer = re.search(r"Expected (\d+) fields in line (\d+), saw (\d+)", str(fehler))
        if treffer:
            erwartet, zeile, gesehen = treffer.groups()
            raise DatenFehler(
                f"Die Datei {pfad} ist nicht lesbar: Zeile {zeile} hat {gesehen} Spalten, "
                f"erwartet sind {erwartet}."
            ) from None
        raise DatenFehler(f"Die Datei {pfad} ist keine lesbare CSV-Datei.") from None


def gebiete() -> pd.DataFrame:
    """Alle Gebiete von Musterland (Land, Regierungsbezirke, Kreise)."""
    return lade("gebiete")


def mit_namen(tabelle: pd.DataFrame) -> pd.DataFrame:
    """Fügt einer Tabelle mit Spalte ``ags`` die Spalte ``name`` (Gebietsname) hinzu."""
    namen = gebiete()[["ags", "name"]]
    ergebnis = tabelle.merge(namen, on="ags", how="left", validate="many_to_one")
    spalten = ["ags", "name"] + [s for s in tabelle.columns if s not in ("ags", "name")]
    return ergebnis[spalten]


def kreise() -> pd.DataFrame:
    """Die Kreise und kreisfreien Städte, sortiert nach Schlüssel."""
    g = gebiete()
    return g[g["ebene"] == "Kreis"].sort_values("ags").reset_index(drop=True)


def datenlexikon() -> Text:
    """Das Datenlexikon der Beispieldaten, erzeugt aus ``datapackage.json``."""
    pfad = datenordner() / "datapackage.json"
    try:
        paket = json.loads(pfad.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as fehler:
        raise DatenFehler(f"Die Beschreibung {pfad} ist nicht lesbar: {fehler}") from None
    teile = [
        f"**{paket['title']}** (Version {paket['version']}, Lizenz "
        f"{paket['licenses'][0]['title']})\n\n{paket['description']}"
    ]
    for res in paket["resources"]:
        teile.append(
            f"**{res['title']}**\n\nDatei `{res['path']}` · Stichtag: {res['stichtag']} · "
            f"Schlüssel: {', '.join(f'`{s}`' for s in res['schema']['primaryKey'])}"
            f"\n\n{res['description']}\n"
        )
        zeilen = ["| Feld | Typ | Einheit | Bedeutung |", "|---|---|---|---|"]
        for feld in res["schema"]["fields"]:
            bedeutung = feld["description"]
            if "enum" in feld.get("constraints", {}):
                bedeutung += " – Werte: " + ", ".join(f"`{w}`" for w in feld["constraints"]["enum"])
            zeilen.append(
                f"| `{feld['name']}` | {feld['type']} | {feld.get('unit', '')} | {bedeutung} |"
            )
        teile.append("\n".join(zeilen))
    return Text("\n\n".join(teile))
