"""Ein Bericht als Word-Datei (DOCX): echte Überschriften, Word-Tabellen, eingebettete
Grafiken mit Alternativtext und dieselbe Seite „Quelle und Hinweise“ wie CSV und XLSX.

Bildungsberichte werden in Word fertig geschrieben und abgestimmt; ``bimo berichte --docx``
gibt dafür den Anfang. Geschrieben wird mit python-docx (reines Python, als Paket pinnbar,
keine Office-Installation und kein Netz nötig) – nicht mit pandoc: pandoc müsste als
Debian-Paket neben dem Python-Paket installiert werden und kennt die Tabellen-Ausgaben der
Berichte (``application/vnd.bimo.tabelle+json``) nicht. Übernommen wird nur, was der
Bericht veröffentlicht: die Markdown-Texte, die geschützten Tabellen (wie angezeigt,
gesperrt = „.“) und die Grafiken.
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from pathlib import Path

import nbformat

from bimo.kern.darstellung import TABELLE_MIME
from bimo.kern.dateien import schreibe_atomar

_FETT = re.compile(r"\*\*(.+?)\*\*")


def _ohne_markdown(text: str) -> str:
    """Markdown-Auszeichnung eines Absatzes entfernen (\\_, _kursiv_, `code`, Links)."""
    text = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"(?<!\w)_(.+?)_(?!\w)", r"\1", text)
    text = text.replace("`", "").replace("\\_", "_").replace("\\*", "*")
    return text


def _absatz(doc, text: str, stil: str | None = None) -> None:  # noqa: ANN001 – python-docx
    """Ein Absatz; **fett** wird fett, der Rest schlicht."""
    absatz = doc.add_paragraph(style=stil)
    teile = _FETT.split(_ohne_markdown(text))
    for i, teil in enumerate(teile):
        if teil:
            absatz.add_run(teil).bold = i % 2 == 1


def _markdown(doc, markdown: str) -> None:  # noqa: ANN001
    """Überschriften (#, ##, ###), Aufzählungen (- ) und Absätze."""
    markdown = re.sub(r"<!--.*?-->", "", markdown, flags=re.S)
    for block in re.split(r"\n\s*\n", markdown.strip()):
        zeilen = [z for z in block.splitlines() if z.strip()]
        if not zeilen:
            continue
        kopf = re.match(r"^(#{1,3})\s+(.*)$", zeilen[0])
        if kopf and len(zeilen) == 1:
            doc.add_heading(_ohne_markdown(kopf.group(2)).replace("**", ""), len(kopf.group(1)))
        elif all(z.lstrip().startswith("- ") for z in zeilen):
            for z in zeilen:
                _absatz(doc, z.lstrip()[2:], "List Bullet")
        else:
            _absatz(doc, " ".join(z.strip() for z in zeilen))


def _tabelle(doc, tabelle: dict) -> None:  # noqa: ANN001
    spalten, zeilen = tabelle["spalten"], tabelle["zeilen"]
    t = doc.add_table(rows=1, cols=len(spalten))
    t.style = "Table Grid"
    for zelle, text in zip(t.rows[0].cells, spalten, strict=True):
        zelle.text = ""
        zelle.paragraphs[0].add_run(str(text)).bold = True
    for zeile in zeilen:
        for zelle, text in zip(t.add_row().cells, zeile, strict=False):
            zelle.text = str(text)
    doc.add_paragraph()


def _bild(doc, png: bytes, alt: str) -> None:  # noqa: ANN001
    from docx.shared import Cm

    doc.add_picture(io.BytesIO(png), width=Cm(15.5))
    inline = doc.inline_shapes[-1]._inline
    inline.docPr.set("descr", alt)  # Alternativtext für Screenreader
    inline.docPr.set("title", alt[:120])


def schreibe_docx(nb: nbformat.NotebookNode, ziel: Path, hinweise: Sequence[str] = ()) -> Path:
    """Der ausgeführte Bericht ``nb`` als ``ziel`` (DOCX, atomar geschrieben); ``hinweise``
    sind die Zeilen der Seite „Quelle und Hinweise“ (Quellen, Lizenz, Zeichen, Stand)."""
    import base64

    from docx import Document

    doc = Document()
    titel = str(nb.metadata.get("title") or "Bericht")
    doc.core_properties.title = titel
    doc.core_properties.author = "bimo"
    doc.core_properties.language = "de-DE"
    for zelle in nb.cells:
        if zelle.cell_type == "markdown":
            _markdown(doc, zelle.source)
            continue
        for ausgabe in zelle.get("outputs", []):
            daten = ausgabe.get("data", {})
            if TABELLE_MIME in daten:
                _tabelle(doc, daten[TABELLE_MIME])
            elif "image/png" in daten:
                png = daten["image/png"]
                _bild(doc, base64.b64decode(png), str(daten.get("text/plain", "")).strip("'\""))
            elif "text/markdown" in daten:
                _markdown(doc, daten["text/markdown"])
    if hinweise:
        doc.add_heading("Quelle und Hinweise", 2)
        for zeile in hinweise:
            _absatz(doc, zeile)
    puffer = io.BytesIO()
    doc.save(puffer)
    return schreibe_atomar(ziel, puffer.getvalue())
