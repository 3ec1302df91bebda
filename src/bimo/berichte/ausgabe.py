"""Was ein Bericht hinterlässt: HTML, CSV und XLSX der veröffentlichten Tabellen, der Index."""

from __future__ import annotations

import csv
import html
import io
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from importlib.resources import files
from pathlib import Path

import nbformat
from nbconvert import HTMLExporter

from bimo.berichte import datenbasis, vorlagen
from bimo.kern.darstellung import TABELLE_MIME
from bimo.kern.dateien import schreibe_atomar

STIL_ORDNER = Path(str(files("bimo.berichte") / "vorlagen"))
"""Ordner mit ``bericht.css`` und der nbconvert-Vorlage ``bericht/`` (Paketdaten)."""


@dataclass(frozen=True)
class Ergebnis:
    """Ausgang eines Berichts."""

    kommune: str
    name: str
    datei: Path | None
    fehler: str | None
    sekunden: float
    uebersprungen: bool = False  # mit fortsetzen: Datei aktuell, nicht neu gebaut

    @property
    def ok(self) -> bool:
        return self.fehler is None


def neuer_exporter() -> HTMLExporter:
    """Der HTML-Exporter der Berichte (Vorlage ``bericht``, ohne Code, Bilder eingebettet)."""
    html_exporter = HTMLExporter(
        template_name="bericht",
        extra_template_basedirs=[str(STIL_ORDNER)],
        exclude_input=True,
        exclude_input_prompt=True,
        exclude_output_prompt=True,
        embed_images=True,
    )
    html_exporter.language_code = "de"  # <html lang="de">
    return html_exporter


def als_html(nb: nbformat.NotebookNode, html_exporter: HTMLExporter | None = None) -> str:
    """Eigenständiges HTML ohne Eingabezellen (Bilder eingebettet, keine externen Dateien)."""
    html_exporter = html_exporter or neuer_exporter()
    stil = (STIL_ORDNER / "bericht.css").read_text(encoding="utf-8")
    text, _ = html_exporter.from_notebook_node(nb, resources={"bimo_css": stil})
    return text


# --- veröffentlichte Tabellen als CSV und XLSX --------------------------------------------


def tabellen_aus(nb: nbformat.NotebookNode) -> list[dict]:
    """Die veröffentlichten Tabellen eines ausgeführten Berichts (so, wie angezeigt)."""
    return [
        ausgabe["data"][TABELLE_MIME]
        for zelle in nb.cells
        if zelle.cell_type == "code"
        for ausgabe in zelle.get("outputs", [])
        if TABELLE_MIME in ausgabe.get("data", {})
    ]


def _blattname(titel: str, vergeben: set[str]) -> str:
    name = re.sub(r"[\\/*?:\[\]]", "-", titel)[:28] or "Tabelle"
    kandidat, n = name, 2
    while kandidat.lower() in vergeben:
        kandidat, n = f"{name[:25]} ({n})", n + 1
    vergeben.add(kandidat.lower())
    return kandidat


def schreibe_tabellen(nb: nbformat.NotebookNode, stamm: Path) -> list[Path]:
    """``<stamm>.csv`` und ``<stamm>.xlsx`` mit allen veröffentlichten Tabellen des Berichts.

    Die Zellen sind die angezeigten Texte – gesperrte Werte bleiben „.“, nichts wird aus
    den Rohdaten nachgeladen. Die CSV (Semikolon, UTF-8 mit BOM für Excel) enthält die
    Tabellen nacheinander, jede mit ihrem Titel in der ersten Zeile; die XLSX je Tabelle ein
    Blatt.
    """
    import pandas as pd

    tabellen = tabellen_aus(nb)
    if not tabellen:
        return []
    text = io.StringIO()
    schreiber = csv.writer(text, delimiter=";", lineterminator="\r\n")
    for i, t in enumerate(tabellen):
        if i:
            schreiber.writerow([])
        schreiber.writerow([t["titel"]])
        schreiber.writerow(t["spalten"])
        schreiber.writerows(t["zeilen"])
    puffer = io.BytesIO()
    vergeben: set[str] = set()
    with pd.ExcelWriter(puffer, engine="openpyxl") as excel:
        for t in tabellen:
            blatt = _blattname(t["titel"], vergeben)
            kopf = pd.DataFrame([[t["titel"]]])
            kopf.to_excel(excel, sheet_name=blatt, index=False, header=False)
            pd.DataFrame(t["zeilen"], columns=t["spalten"]).to_excel(
                excel, sheet_name=blatt, index=False, startrow=2
            )
    return [
        schreibe_atomar(stamm.with_suffix(".csv"), "\ufeff" + text.getvalue()),
        schreibe_atomar(stamm.with_suffix(".xlsx"), puffer.getvalue()),
    ]


def schreibe_index(
    ergebnisse: Iterable[Ergebnis],
    ausgabe: Path,
    vorlage: str,
    quellen: Sequence[str] = (datenbasis.MUSTERLAND_QUELLE,),
) -> Path:
    """Übersichtsseite aller Berichte mit Status und Downloads (Namen aus Daten maskiert)."""
    zeilen = []
    ergebnisse = list(ergebnisse)
    for e in sorted(ergebnisse, key=lambda e: e.kommune):
        if e.ok:
            status = "fertig (unverändert)" if e.uebersprungen else "fertig"
            link = f'<a href="{html.escape(e.datei.name)}">{html.escape(e.name)}</a>'
            downloads = " · ".join(
                f'<a href="{html.escape(e.kommune)}.{endung}">{endung.upper()}</a>'
                for endung in ("pdf", "xlsx", "csv")
                if (ausgabe / f"{e.kommune}.{endung}").is_file()
            )
        else:
            status = f"fehlgeschlagen: {html.escape(e.fehler or '')}"
            link, downloads = html.escape(e.name), ""
        zeilen.append(
            f"<tr><td>{html.escape(e.kommune)}</td><td>{link}</td><td>{downloads}</td>"
            f'<td class="{"ok" if e.ok else "fehler"}">{status}</td></tr>'
        )
    fertig = sum(e.ok for e in ergebnisse)
    stil = (STIL_ORDNER / "bericht.css").read_text(encoding="utf-8")
    titel = vorlagen.VORLAGEN[vorlage].titel_mehrzahl
    quellentext = "".join(f"<li>{html.escape(q)}</li>" for q in quellen)
    seite = f"""<!DOCTYPE html>
<html lang="de">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>{html.escape(titel)}</title>
<style>
{stil}
td.ok {{ color: #1b7837; }}
td.fehler {{ color: #b35806; }}
</style>
</head>
<body class="bimo-bericht">
<main>
<h1>{html.escape(titel)}</h1>
<p>Erstellt am {date.today().strftime("%d.%m.%Y")} mit bimo aus der Vorlage
„{html.escape(vorlage)}“: {fertig} von {len(ergebnisse)} Berichten fertig.
Tabellen als CSV und XLSX enthalten genau die veröffentlichten (geheim gehaltenen) Zahlen.</p>
<table class="bimo-tabelle">
<thead><tr><th>Schlüssel</th><th>Kommune</th><th>Downloads</th><th>Status</th></tr></thead>
<tbody>
{chr(10).join(zeilen)}
</tbody>
</table>
<h2>Datenquellen und Lizenz</h2>
<ul>{quellentext}</ul>
</main>
</body>
</html>
"""
    return schreibe_atomar(ausgabe / "index.html", seite)
