"""Daten laden und erzeugen.

- :func:`lade` liest eine Tabelle der Beispieldaten „Musterland“ (Paketdaten unter
  ``src/bimo/daten/datensaetze/musterland``),
  mit ``variante="roh"`` die Rohdaten mit eingebauten Fehlern (``…/musterland_rohdaten``).
- :func:`lade_geometrie` liest die erfundenen Flächen (Kreise, Gemeinden, Sozialräume).
- :func:`erzeuge_musterland` erzeugt alle Dateien reproduzierbar neu.
- :func:`lese_regionalstatistik` liest echte Exporte der Regionaldatenbank/GENESIS
  (CSV und Flatfile), :func:`umschluesseln` bringt sie auf einen neueren Gebietsstand.
- :func:`pruefe` erstellt einen Plausibilitätsbericht.

Gebietsschlüssel (AGS) sind immer Text: ``"17101"``, nie ``17101``.
"""

from __future__ import annotations

import io
import json
import os
import re
from functools import lru_cache
from importlib.resources import files
from pathlib import Path

import pandas as pd

from bimo.daten.gebietsstand import umschluesseln
from bimo.daten.musterland import LAND_AGS, TABELLEN, erzeuge_musterland
from bimo.daten.pruefung import Pruefbericht, pruefe
from bimo.daten.regionalstatistik import lese_regionalstatistik, schreibe_regionalstatistik
from bimo.fehler import DatenFehler
from bimo.kern.darstellung import Text

__all__ = [
    "DatenFehler",
    "Pruefbericht",
    "lese_regionalstatistik",
    "pruefe",
    "schreibe_regionalstatistik",
    "umschluesseln",
    "LAND_AGS",
    "TABELLEN",
    "datenordner",
    "erzeuge_musterland",
    "datenlexikon",
    "gebiete",
    "lade",
    "lade_geometrie",
    "kreise",
    "mit_namen",
]


def datenordner() -> Path:
    """Ordner der Musterland-Daten; mit der Umgebungsvariable ``BIMO_DATEN`` änderbar."""
    if os.environ.get("BIMO_DATEN"):
        return Path(os.environ["BIMO_DATEN"])
    return Path(str(files("bimo.daten") / "datensaetze" / "musterland"))


def rohdatenordner() -> Path:
    """Ordner der Rohdaten-Variante (neben dem Datenordner)."""
    ordner = datenordner()
    return ordner.with_name(ordner.name + "_rohdaten")


def lade(tabelle: str, variante: str = "sauber") -> pd.DataFrame:
    """Liest eine Musterland-Tabelle, z. B. ``lade("kindertagesbetreuung")``.

    ``variante="roh"`` liest die Rohdaten mit eingebauten Fehlern (Dubletten,
    alter Gebietsstand, unmögliche Werte) für die Datenaufbereitung.
    Gibt eine Kopie zurück; wer sie ändert, ändert nicht die Daten anderer Aufrufe.
    """
    if tabelle not in TABELLEN:
        bekannt = ", ".join(sorted(TABELLEN))
        raise DatenFehler(f"Unbekannte Tabelle „{tabelle}“. Vorhanden sind: {bekannt}.")
    if variante not in ("sauber", "roh"):
        raise DatenFehler(f"Unbekannte Variante „{variante}“: erlaubt sind „sauber“ und „roh“.")
    ordner = datenordner() if variante == "sauber" else rohdatenordner()
    if variante == "roh" and not (ordner / TABELLEN[tabelle].datei).exists():
        vorhanden = sorted(p.stem for p in ordner.glob("*.csv"))
        raise DatenFehler(f"Rohdaten gibt es nur für: {', '.join(vorhanden)}.")
    return _lade(ordner / TABELLEN[tabelle].datei, tabelle).copy()


def lade_geometrie(name: str = "musterland_kreise"):  # noqa: ANN201 – geopandas optional
    """Liest eine Geometrie als GeoDataFrame: ``musterland_kreise``, ``musterland_gemeinden``
    oder ``musterstadt_sozialraeume``."""
    import geopandas

    from bimo.daten.musterland.katalog import GEOMETRIEN

    if name not in GEOMETRIEN:
        raise DatenFehler(f"Unbekannte Geometrie „{name}“. Vorhanden: {', '.join(GEOMETRIEN)}.")
    pfad = datenordner() / f"{name}.geojson"
    if not pfad.exists():
        raise DatenFehler(f"Die Datei {pfad} fehlt. Erzeugen Sie die Daten mit `make daten`.")
    return geopandas.read_file(pfad)


def _spaltentypen(tabelle: str) -> tuple[dict[str, str], dict[str, list[str]]]:
    """Textfelder bleiben Text (auch leer); Zahlenfelder: leer = fehlend."""
    felder = TABELLEN[tabelle].felder
    typen = {f.name: "string" for f in felder if f.typ == "string"}
    fehlend = {f.name: [""] for f in felder if f.typ != "string"}
    return typen, fehlend


@lru_cache(maxsize=32)
def _lade(pfad: Path, tabelle: str) -> pd.DataFrame:
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
    typen, fehlend = _spaltentypen(tabelle)
    try:
        return pd.read_csv(io.StringIO(text), dtype=typen, keep_default_na=False, na_values=fehlend)
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


def _paket(ordner: Path) -> dict:
    pfad = ordner / "datapackage.json"
    try:
        return json.loads(pfad.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as fehler:
        raise DatenFehler(f"Die Beschreibung {pfad} ist nicht lesbar: {fehler}") from None


def _tabelle_im_lexikon(res: dict) -> str:
    schluessel = ", ".join(f"`{s}`" for s in res["schema"].get("primaryKey", []))
    kopf = (
        f"**{res['title']}**\n\nDatei `{res['path']}` · Stichtag: {res['stichtag']}"
        + (f" · Schlüssel: {schluessel}" if schluessel else "")
        + f"\n\n{res['description']}\n"
    )
    zeilen = ["| Feld | Typ | Einheit | Bedeutung |", "|---|---|---|---|"]
    for feld in res["schema"]["fields"]:
        bedeutung = feld["description"]
        if "enum" in feld.get("constraints", {}):
            bedeutung += " – Werte: " + ", ".join(f"`{w}`" for w in feld["constraints"]["enum"])
        zeilen.append(
            f"| `{feld['name']}` | {feld['type']} | {feld.get('unit', '')} | {bedeutung} |"
        )
    return kopf + "\n" + "\n".join(zeilen)


def datenlexikon() -> Text:
    """Das Datenlexikon der Beispieldaten, erzeugt aus den ``datapackage.json``."""
    paket = _paket(datenordner())
    teile = [
        f"**{paket['title']}** (Version {paket['version']}, Lizenz "
        f"{paket['licenses'][0]['title']})\n\n{paket['description']}"
    ]
    teile += [_tabelle_im_lexikon(r) for r in paket["resources"] if r["format"] == "csv"]
    karten = [
        f"- `{r['path']}`: {r['title']}" for r in paket["resources"] if r["format"] == "geojson"
    ]
    teile.append("**Karten (GeoJSON, Länge/Breite WGS84)**\n\n" + "\n".join(karten))
    roh = _paket(rohdatenordner())
    tabellen = ", ".join(f"`{r['path']}`" for r in roh["resources"])
    teile.append(
        f"**{roh['title']}**\n\nOrdner `{rohdatenordner().name}/`: {tabellen} – "
        f"{roh['description']} Felder wie in den gleichnamigen Tabellen oben."
    )
    exporte = datenordner().with_name(datenordner().name + "_regionaldatenbank")
    liste = [f"- `{p.name}`: {_erste_titelzeile(p)}" for p in sorted(exporte.glob("*.csv"))]
    teile.append(
        f"**Dieselben Daten im Format der Regionaldatenbank**\n\nOrdner "
        f"`{exporte.name}/` (latin-1, Kopf- und Fußblock, Zeichen statt Zahlen, "
        "Gebietsstand des jeweiligen Jahres) – zum Üben des Imports mit "
        "`bimo.daten.lese_regionalstatistik`:\n\n" + "\n".join(liste)
    )
    return Text("\n\n".join(teile))


def _erste_titelzeile(pfad: Path) -> str:
    zeilen = pfad.read_bytes().decode("cp1252").splitlines()
    return zeilen[1].split(";")[0] if len(zeilen) > 1 else ""
