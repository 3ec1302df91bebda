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
from bimo.kern import format as zahlformat
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


def _css_text(text: str) -> str:
    """Ein Text als CSS-Zeichenkette – auch ein Name wie ``</style><script>`` bleibt Text."""
    text = " ".join(str(text).split())
    return '"' + re.sub(r'[\\"<>&]', lambda m: f"\\{ord(m.group()):X} ", text) + '"'


def fusszeile(titel: str, stand: date | None = None) -> str:
    """Die Fußzeile jeder gedruckten Seite (CSS-Randfelder von ``@page``): links Bericht und
    Kommune mit Stand, rechts „Seite n von m“ – Chromium druckt sie ins PDF."""
    stand = stand or date.today()
    links = _css_text(f"{titel} · Stand {stand:%d.%m.%Y} · erstellt mit bimo")
    schrift = "font: 8pt 'DejaVu Sans', sans-serif; color: #444;"
    return (
        f"@page {{ @bottom-left {{ content: {links}; {schrift} }} "
        f'@bottom-right {{ content: "Seite " counter(page) " von " counter(pages); {schrift} }} }}'
    )


def als_html(nb: nbformat.NotebookNode, html_exporter: HTMLExporter | None = None) -> str:
    """Eigenständiges HTML ohne Eingabezellen (Bilder eingebettet, keine externen Dateien);
    gedruckt mit Seitenzahl, Kommune und Stand in der Fußzeile."""
    html_exporter = html_exporter or neuer_exporter()
    stil = (STIL_ORDNER / "bericht.css").read_text(encoding="utf-8")
    titel = str(nb.metadata.get("title") or "Bericht")
    stil += "\n" + fusszeile(titel)
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


# Spalten, deren Inhalt ein Schlüssel ist (führende Null!) – bleiben Text, auch wenn sie
# wie Zahlen aussehen; Jahre sind Zahlen ohne Tausenderpunkt.
_TEXTSPALTEN = {"Schlüssel", "Gemeindeschlüssel", "AGS"}
_JAHRSPALTEN = {"Jahr", "Berichtsjahr"}
# Eine Zelle, die so beginnt, läse Excel als Formel (=HYPERLINK(…), +, -, @, Tab, CR).
_FORMELANFANG = ("=", "+", "-", "@", "\t", "\r")
ZEICHENERKLAERUNG = (
    "Zeichenerklärung: „.“ Zahlenwert unbekannt oder geheim zu halten (kleine Fallzahl oder "
    "zu ihrem Schutz gesperrt)."
)
QUELLENBLATT = "Quelle und Hinweise"


def geheimhaltungshinweis(mindestfallzahl: int) -> str:
    """Wie kleine Zahlen geschützt sind – ein Satz für CSV, XLSX und Bericht."""
    return (
        f"Geheimhaltung: Zähler und Nenner unter {mindestfallzahl} sind gesperrt („.“), mit "
        "ihnen die Quote; dazu weitere Werte, wo sich eine gesperrte Zahl sonst aus einer "
        "veröffentlichten Summe (Land, Kreis) zurückrechnen ließe (sekundäre Sperrung, "
        "bimo.geheimhaltung). Vergleichswerte und Ränge entstehen nur aus veröffentlichten Zahlen."
    )


def hinweiszeilen(quellen: Sequence[str], mindestfallzahl: int = 3) -> list[str]:
    """Die Zeilen von „Quelle und Hinweise“ – dieselben in CSV, XLSX und DOCX."""
    return [
        *quellen,
        ZEICHENERKLAERUNG,
        geheimhaltungshinweis(mindestfallzahl),
        f"Stand: {date.today():%d.%m.%Y}, erstellt mit bimo.",
    ]


def _ohne_formel(text: str) -> str:
    """CSV: ein Text, den eine Tabellenkalkulation als Formel läse, bekommt ein ' davor."""
    if text.startswith(_FORMELANFANG) and zahlformat.als_zahl(text) is None:
        return "'" + text  # eine negative Zahl bleibt eine Zahl
    return text


def _zelle(spalte: str, text: object) -> tuple[object, str | None]:
    """Wert und Zahlenformat einer XLSX-Zelle: Zahlen als Zahlen (Excel rechnet damit),
    Gesperrtes („.“), Ränge und Namen als Text."""
    text = "" if text is None else str(text)
    if spalte in _TEXTSPALTEN:
        return text, None
    zahl_ = zahlformat.als_zahl(text)
    if zahl_ is None:
        return text, None
    wert, format_ = zahl_
    if spalte in _JAHRSPALTEN and isinstance(wert, int):
        return wert, "0"
    return wert, format_


CSV_SPALTEN = ("tabelle", "zeile", "spalte", "wert", "einheit", "anzeige")
"""Die CSV ist eine lange Tabelle: je veröffentlichter Zelle eine Zeile."""


def _csv_wert(spalte: str, anzeige: object) -> tuple[str, str]:
    """Die Zahl einer Zelle für Maschinen (Punkt als Dezimalzeichen, Prozent als Zahl mit
    Einheit „%“) – leer bei Gesperrtem („.“) und Text."""
    wert, _ = _zelle(spalte, anzeige)
    if isinstance(wert, str):
        return "", ""
    if str(anzeige).strip().endswith("%"):
        return repr(round(wert * 100, 10)), "%"
    return (str(wert) if isinstance(wert, int) else repr(wert)), ""


def _blatt(ws, titel: str, spalten: Sequence[str], zeilen: Sequence[Sequence[object]]) -> None:
    from openpyxl.comments import Comment
    from openpyxl.styles import Font

    ws.append([titel])
    ws["A1"].font = Font(bold=True)
    ws.append([])
    ws.append(list(spalten))  # Spaltenköpfe tragen Namen aus den Daten (die Kommune)
    for zelle in [*ws[1], *ws[3]]:
        zelle.font = Font(bold=True)
        if isinstance(zelle.value, str) and zelle.value.startswith(_FORMELANFANG):
            zelle.data_type = "s"  # als Text speichern, nie als Formel
    breiten = [len(str(s)) for s in spalten]
    for zeile in zeilen:
        werte = [_zelle(sp, t) for sp, t in zip(spalten, zeile, strict=False)]
        ws.append([w for w, _ in werte])
        for zelle, (wert, format_) in zip(ws[ws.max_row], werte, strict=False):
            if format_:
                zelle.number_format = format_
            elif wert == zahlformat.GEHEIM:
                zelle.comment = Comment("gesperrt (Geheimhaltung) – siehe Blatt „Quelle und "
                                        "Hinweise“", "bimo")  # fmt: skip
            elif isinstance(wert, str) and wert.startswith(_FORMELANFANG):
                zelle.data_type = "s"  # als Text speichern, nie als Formel
        breiten = [
            max(b, len(str(t)))
            for b, t in zip(breiten, [*zeile, *[""] * len(breiten)], strict=False)
        ]
    for i, breite in enumerate(breiten, start=1):
        ws.column_dimensions[ws.cell(3, i).column_letter].width = min(60, breite + 2)
    ws.freeze_panes = "A4"


def schreibe_tabellen(
    nb: nbformat.NotebookNode, stamm: Path, quellen: Sequence[str] = (), mindestfallzahl: int = 3
) -> list[Path]:
    """``<stamm>.csv`` und ``<stamm>.xlsx`` mit allen veröffentlichten Tabellen des Berichts.

    Es sind die veröffentlichten Zahlen – gesperrte Werte bleiben „.“, nichts wird aus den
    Rohdaten nachgeladen. In der XLSX (je Tabelle ein Blatt) sind Zahlen Zahlen mit
    deutschem Zahlenformat, Quoten Prozentwerte – Excel rechnet damit –, Schlüssel und „.“
    Text (mit einer Notiz an jedem „.“); das Blatt „Quelle und Hinweise“ trägt Quellenvermerk,
    Lizenz, Zeichenerklärung, wie kleine Zahlen geschützt sind, und den Stand. Die CSV ist
    für Maschinen (Power BI, R, pandas): eine lange Tabelle nach RFC 4180 (Komma, UTF-8 mit
    BOM) mit den Spalten :data:`CSV_SPALTEN` – je Zelle Tabelle, Zeile (erste Spalte),
    Spalte, die Zahl mit Punkt (Prozent als Zahl, Einheit „%“; leer, wo gesperrt), und der
    angezeigte Text –, am Ende dieselben Quellenzeilen. Texte, die eine Tabellenkalkulation
    als Formel läse (``=…``, ``+``, ``-``, ``@``), werden entschärft.
    """
    from openpyxl import Workbook

    tabellen = tabellen_aus(nb)
    if not tabellen:
        return []
    fuss = hinweiszeilen(quellen, mindestfallzahl)
    text = io.StringIO()
    schreiber = csv.writer(text, lineterminator="\r\n")
    schreiber.writerow(CSV_SPALTEN)
    for t in tabellen:
        for zeile in t["zeilen"]:
            for spalte, anzeige in zip(t["spalten"][1:], zeile[1:], strict=False):
                wert, einheit = _csv_wert(spalte, anzeige)
                schreiber.writerow(
                    [_ohne_formel(str(x)) for x in (t["titel"], zeile[0], spalte)]
                    + [wert, einheit, _ohne_formel(str(anzeige))]
                )
    for i, satz in enumerate(fuss, start=1):
        schreiber.writerow([QUELLENBLATT, str(i), "Text", "", "", _ohne_formel(satz)])
    mappe = Workbook()
    mappe.remove(mappe.active)
    vergeben: set[str] = set()
    for t in tabellen:
        _blatt(mappe.create_sheet(_blattname(t["titel"], vergeben)), t["titel"], t["spalten"],
               t["zeilen"])  # fmt: skip
    quellenblatt = mappe.create_sheet(_blattname(QUELLENBLATT, vergeben))
    for zeile in [QUELLENBLATT, "", *fuss]:
        quellenblatt.append([zeile])
        if zeile.startswith(_FORMELANFANG):
            quellenblatt.cell(quellenblatt.max_row, 1).data_type = "s"
    quellenblatt.column_dimensions["A"].width = 120
    puffer = io.BytesIO()
    mappe.save(puffer)
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
                for endung in ("pdf", "docx", "xlsx", "csv")
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
