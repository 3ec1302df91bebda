"""Arbeitsblätter zum Ausdrucken: je Übung eine Seite (oder wenige) ohne Lösung.

Quelle ist dieselbe Übungsdatei wie für das Buch (``exercises/uebung_*.ipynb``). Die
Lösung fällt nach denselben Regeln weg wie in der Ausgabe für Teilnehmende
(:func:`bimo.buch.editionen.lernendenfassung`): alles zwischen ``{solution-start}`` und
``{solution-end}`` und jede Code-Zelle mit dem Tag ``loesung``.

Ein Arbeitsblatt enthält den Titel, den Kasten „Auf einen Blick“ (Lernziele,
Voraussetzungen, Zeitbedarf), den Aufgabentext, den Code, den die Teilnehmenden
ausführen (als Text), Platz für die Antwort und eine Fußzeile mit der Lizenz.

Jedes Blatt ist eine eigenständige HTML-Datei mit Druck-CSS (keine Skripte, keine
Schriften oder Bilder aus dem Netz); dazu kommt eine Übersicht ``index.html``. Die
PDF-Dateien druckt ein kopfloses Chromium aus dem Debian-Paket (über Playwright,
ohne Netz).

Aufruf::

    python -m bimo.buch.arbeitsblaetter                       # nach _build/arbeitsblaetter/
    python -m bimo.buch.arbeitsblaetter --ausgabe ordner --ohne-pdf
"""

from __future__ import annotations

import argparse
import html
import re
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import nbformat
import yaml
from markdown_it import MarkdownIt
from mdit_py_plugins.colon_fence import colon_fence_plugin
from mdit_py_plugins.dollarmath import dollarmath_plugin
from mdit_py_plugins.myst_role import myst_role_plugin

from bimo.buch.editionen import LOESUNG_TAG, EditionFehler, lernendenfassung
from bimo.buch.wurzel import buchwurzel
from bimo.fehler import BimoFehler, ParameterFehler
from bimo.kern import pdf

WURZEL = buchwurzel()

LIZENZ_VORGABE = "Texte: CC BY 4.0 · Code: MIT · Musterland-Daten: synthetisch, CC BY 4.0."
BUCHTITEL_VORGABE = "bimo – Werkstattbuch kommunales Bildungsmonitoring"

_TITEL_ADMONITION = {
    "note": "Hinweis",
    "tip": "Tipp",
    "hint": "Hinweis",
    "important": "Wichtig",
    "attention": "Achtung",
    "caution": "Vorsicht",
    "warning": "Warnung",
    "danger": "Gefahr",
    "error": "Fehler",
    "seealso": "Siehe auch",
    "dropdown": "",
    "admonition": "",
}
_OHNE_RAHMEN = {
    "grid",
    "grid-item",
    "grid-item-card",
    "div",
    "container",
    "card",
    "tab-set",
    "tab-item",
}
_ALS_CODE = {"code", "code-block", "code-cell", "sourcecode", "literalinclude"}
_AUSLASSEN = {
    "figure",
    "image",
    "glue:figure",
    "glue",
    "raw",
    "toctree",
    "tableofcontents",
    "bibliography",
}
_LOESUNG = re.compile(r"^\{?solution")
_LUECKE = " – ergänzen Sie die Stellen mit <code>...</code>"


class ArbeitsblattFehler(BimoFehler):
    """Ein Arbeitsblatt lässt sich nicht erzeugen (Quelle oder Drucker)."""


@dataclass
class Arbeitsblatt:
    """Ein fertiges Arbeitsblatt (HTML) zu einer Übung."""

    name: str
    """Dateiname der Übung ohne Endung, z. B. ``uebung_betreuungsquote``."""
    titel: str
    zeitbedarf: str
    html: str
    aufgaben: int = 0
    """Zahl der Aufgaben (``{exercise}``-Blöcke) auf dem Blatt."""
    quellen: list[str] = field(default_factory=list)


# --- Markdown (MyST) nach HTML ------------------------------------------------------


def _esc(text: str) -> str:
    return html.escape(text, quote=True)


def _css_text(text: str) -> str:
    """Text als Inhalt einer CSS-Zeichenkette (für die Fußzeile jeder gedruckten Seite)."""
    text = " ".join(text.split())
    return "".join(z if z.isalnum() or z in " .,:;·–-()/" else f"\\{ord(z):x} " for z in text)


def _direktive(info: str) -> tuple[str, str] | None:
    """``{name} argument`` aus der Info-Zeile eines Codezauns, sonst None."""
    m = re.match(r"^\{([\w:-]+)\}\s*(.*)$", info.strip())
    return (m.group(1), m.group(2).strip()) if m else None


def _optionen(inhalt: str) -> tuple[dict[str, str], str]:
    """Trennt die Optionen (``:schluessel: wert`` oder YAML-Kopf) vom Text einer Direktive."""
    zeilen = inhalt.splitlines()
    optionen: dict[str, str] = {}
    if zeilen and zeilen[0].strip() == "---":
        try:
            ende = zeilen.index("---", 1)
        except ValueError:
            ende = -1
        if ende > 0:
            kopf = yaml.safe_load("\n".join(zeilen[1:ende])) or {}
            return {str(k): str(v) for k, v in kopf.items()}, "\n".join(zeilen[ende + 1 :])
    i = 0
    while i < len(zeilen):
        m = re.match(r"^:([\w-]+):\s*(.*)$", zeilen[i])
        if not m:
            break
        optionen[m.group(1)] = m.group(2)
        i += 1
    return optionen, "\n".join(zeilen[i:])


class _Umsetzer:
    """Setzt MyST-Markdown der Übungen in schlichtes, sicheres HTML um."""

    def __init__(self, titel_von_dokument: Callable[[str], str]) -> None:
        self.titel_von_dokument = titel_von_dokument
        self.aufgaben = 0
        md = (
            MarkdownIt("commonmark", {"html": False, "typographer": False})
            .enable("table")
            .enable("strikethrough")
            .use(colon_fence_plugin)
            .use(dollarmath_plugin)
            .use(myst_role_plugin)
        )
        regeln = {
            "fence": self._zaun,
            "colon_fence": self._zaun,
            "myst_role": self._rolle,
            "math_inline": self._formel,
            "math_block": self._formel_block,
        }
        for name, regel in regeln.items():
            # markdown-it bindet die Regel an den Renderer; der erste Parameter ist er
            md.add_render_rule(name, lambda _renderer, *args, _regel=regel: _regel(*args))
        self.md = md

    def html(self, text: str) -> str:
        return self.md.render(text)

    # Render-Regeln für markdown-it (als gebundene Methoden: tokens, idx, options, env)
    def _rolle(self, tokens, idx, options, env) -> str:  # noqa: ANN001
        token = tokens[idx]
        name = token.meta.get("name", "")
        inhalt = token.content
        m = re.match(r"^(.*?)\s*<([^<>]+)>$", inhalt, re.S)
        sichtbar, ziel = (m.group(1), m.group(2)) if m else ("", inhalt)
        if name == "doc" and not sichtbar:
            sichtbar = self.titel_von_dokument(ziel) or ziel
        elif name in {"math", "eq"}:
            return f'<span class="formel">{_esc(inhalt)}</span>'
        elif name in {"code", "samp", "kbd", "file"}:
            return f"<code>{_esc(sichtbar or ziel)}</code>"
        elif not sichtbar:
            sichtbar = (
                ziel.lstrip("~!").split(".")[-1] if name in {"func", "class", "meth"} else ziel
            )
        return f'<span class="verweis">{_esc(sichtbar)}</span>'

    def _formel(self, tokens, idx, options, env) -> str:  # noqa: ANN001
        return f'<span class="formel">{_esc(tokens[idx].content)}</span>'

    def _formel_block(self, tokens, idx, options, env) -> str:  # noqa: ANN001
        return f'<div class="formel">{_esc(tokens[idx].content)}</div>\n'

    def _zaun(self, tokens, idx, options, env) -> str:  # noqa: ANN001
        token = tokens[idx]
        direktive = _direktive(token.info)
        if direktive is None:
            sprache = token.info.strip().split()[0] if token.info.strip() else ""
            klasse = f' class="sprache-{_esc(sprache)}"' if sprache else ""
            return f"<pre{klasse}><code>{_esc(token.content)}</code></pre>\n"
        name, argument = direktive
        optionen, inhalt = _optionen(token.content)
        if _LOESUNG.match(name):
            raise ArbeitsblattFehler(
                f"Lösungsteil „{{{name}}}“ in einem Arbeitsblatt – "
                "die Quelle ist nicht sauber getrennt."
            )
        if name in _AUSLASSEN:
            alt = optionen.get("alt") or inhalt.strip() or argument
            return (
                f'<p class="auslassung">[Abbildung im Buch: {_esc(alt)}]</p>\n'
                if name in {"figure", "image"}
                else ""
            )
        if name in _ALS_CODE:
            return f"<pre><code>{_esc(inhalt)}</code></pre>\n"
        if name == "math":
            return f'<div class="formel">{_esc(inhalt)}</div>\n'
        innen = self.html(inhalt)
        if name == "exercise":
            self.aufgaben += 1
            titel = "Aufgabe" + (f": {argument}" if argument else "")
            return (
                '<section class="kasten aufgabe">'
                f'<h2 class="kastentitel">{_esc(titel)}</h2>\n{innen}'
                f"{_antwortfeld()}</section>\n"
            )
        if name in _OHNE_RAHMEN:
            return innen
        titel = argument or _TITEL_ADMONITION.get(name, name.capitalize())
        klassen = ["kasten", re.sub(r"[^\w-]", "", name)]
        klassen += [re.sub(r"[^\w-]", "", k) for k in optionen.get("class", "").split()]
        kopf = f'<p class="kastentitel">{_esc(titel)}</p>\n' if titel else ""
        return f'<div class="{" ".join(klassen)}">{kopf}{innen}</div>\n'


def _antwortfeld(zeilen: int = 4, beschriftung: str = "Ihre Antwort") -> str:
    linien = "".join('<div class="linie"></div>' for _ in range(zeilen - 1))
    return (
        f'<div class="antwort"><div class="linie erste"><span class="beschriftung">'
        f"{_esc(beschriftung)}:</span></div>{linien}</div>\n"
    )


# --- Quellen ------------------------------------------------------------------------


def _buchangaben(wurzel: Path) -> tuple[str, str]:
    """Buchtitel und Lizenzzeile aus ``_config.yml`` (eine Quelle mit der Webseite)."""
    pfad = wurzel / "_config.yml"
    try:
        config = yaml.safe_load(pfad.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError):
        return BUCHTITEL_VORGABE, LIZENZ_VORGABE
    titel = str(config.get("title") or BUCHTITEL_VORGABE)
    fuss = str((config.get("html") or {}).get("extra_footer") or "")
    fuss = html.unescape(re.sub(r"<[^>]+>", " ", fuss))
    fuss = " ".join(fuss.split()) or LIZENZ_VORGABE
    return titel, fuss


def _titel_aus_datei(pfad: Path) -> str:
    try:
        if pfad.suffix == ".ipynb":
            nb = nbformat.read(pfad, as_version=4)
            texte = [z.source for z in nb.cells if z.cell_type == "markdown"]
        else:
            texte = [pfad.read_text(encoding="utf-8")]
    except (OSError, ValueError):
        return ""
    for text in texte:
        m = re.search(r"^#\s+(.+?)\s*$", text, re.M)
        if m:
            return m.group(1)
    return ""


def _titelsucher(basis: Path, wurzel: Path):  # noqa: ANN202
    def suche(ziel: str) -> str:
        ziel = ziel.split("#")[0]
        start = wurzel if ziel.startswith("/") else basis
        stamm = (start / ziel.lstrip("/")).resolve()
        for endung in ("", ".ipynb", ".md"):
            kandidat = stamm.with_name(stamm.name + endung)
            if kandidat.is_file():
                titel = _titel_aus_datei(kandidat)
                return f"„{titel}“" if titel else ""
        return ""

    return suche


def uebungen_in_reihenfolge(wurzel: Path = WURZEL) -> list[Path]:
    """Die Übungsquellen in der Reihenfolge des Inhaltsverzeichnisses (übrige danach)."""
    alle = sorted((wurzel / "exercises").glob("uebung_*.ipynb"))
    reihenfolge: list[str] = []
    toc = wurzel / "_toc.yml"
    if toc.is_file():
        reihenfolge = re.findall(
            r"file:\s*(exercises/uebung_[\w-]+)", toc.read_text(encoding="utf-8")
        )
    rang = {name: i for i, name in enumerate(reihenfolge)}
    return sorted(alle, key=lambda p: (rang.get(f"exercises/{p.stem}", len(rang)), p.stem))


# --- Ein Blatt ----------------------------------------------------------------------


def _kopf_und_rest(text: str) -> tuple[str, str]:
    m = re.search(r"^#\s+(.+?)\s*$", text, re.M)
    if not m:
        return "", text
    return m.group(1), text[: m.start()] + text[m.end() :]


def _zeitbedarf(text: str) -> str:
    m = re.search(r"\*\*Zeitbedarf:?\*\*:?\s*(.+)", text)
    return m.group(1).strip().rstrip(".") if m else ""


def _klartitel(titel: str) -> str:
    """Überschrift ohne Markdown-Auszeichnung (für <title> und die Übersicht)."""
    return re.sub(r"[*_`]", "", re.sub(r"\{[\w:-]+\}`([^`]*)`", r"\1", titel)).strip()


def arbeitsblatt(quelle: Path, wurzel: Path = WURZEL) -> Arbeitsblatt:
    """Erzeugt das Arbeitsblatt (HTML) zu einer Übungsquelle – ohne Lösung."""
    quelle = Path(quelle)
    try:
        nb = nbformat.read(quelle, as_version=4)
    except (OSError, ValueError) as fehler:
        raise ArbeitsblattFehler(f"{quelle}: Übung nicht lesbar ({fehler}).") from fehler
    try:
        lernende = lernendenfassung(nb, quelle.name, hinweis=False)
    except EditionFehler as fehler:
        raise ArbeitsblattFehler(f"{quelle}: {fehler}") from fehler
    for zelle in lernende.cells:  # doppelte Sicherung: keine Lösungszelle darf übrig sein
        if LOESUNG_TAG in zelle.get("metadata", {}).get("tags", []) or re.search(
            r"\{solution(-start|-end)?\}", zelle.source
        ):
            raise ArbeitsblattFehler(f"{quelle}: Lösung nicht vollständig entfernt.")
    buchtitel, lizenz = _buchangaben(wurzel)
    umsetzer = _Umsetzer(_titelsucher(quelle.parent, wurzel))

    titel = ""
    teile: list[str] = []
    zeitbedarf = ""
    code_nr = 0
    for zelle in lernende.cells:
        quelltext = zelle.source.strip("\n")
        if not quelltext.strip():
            continue
        if zelle.cell_type == "markdown":
            if not titel:
                titel, quelltext = _kopf_und_rest(quelltext)
            zeitbedarf = zeitbedarf or _zeitbedarf(quelltext)
            teile.append(f'<div class="text">{umsetzer.html(quelltext)}</div>')
        elif zelle.cell_type == "code":
            code_nr += 1
            luecke = re.search(r"(?<![\w.])\.\.\.(?![\w.])", quelltext) is not None
            teile.append(
                f'<figure class="code"><figcaption>Code {code_nr}'
                f"{_LUECKE if luecke else ''}</figcaption>"
                f"<pre><code>{_esc(quelltext)}</code></pre></figure>"
            )
            if luecke:
                teile.append(_antwortfeld(3, "Ihre Ergänzung"))
    if not titel:
        titel = quelle.stem.replace("_", " ")
    klartitel = _klartitel(titel)
    if umsetzer.aufgaben == 0:
        teile.append(_antwortfeld(6))
    teile.append(
        '<section class="notizen"><h2>Notizen</h2>'
        + _antwortfeld(5, "Was ich mitnehme")
        + "</section>"
    )

    titel_html = umsetzer.md.renderInline(titel)
    seite = _SEITE.format(
        titel=_esc(klartitel),
        titel_html=titel_html,
        buchtitel=_esc(buchtitel),
        lizenz=_esc(lizenz),
        lizenz_css=_css_text(lizenz),
        quelle=_esc(f"exercises/{quelle.name}"),
        css=_CSS,
        inhalt="\n".join(teile),
    )
    return Arbeitsblatt(
        name=quelle.stem,
        titel=klartitel,
        zeitbedarf=zeitbedarf,
        html=seite,
        aufgaben=umsetzer.aufgaben,
        quellen=[str(quelle)],
    )


# --- Ausgabe ------------------------------------------------------------------------


def _uebersicht(blaetter: list[Arbeitsblatt], buchtitel: str, lizenz: str, mit_pdf: bool) -> str:
    zeilen = []
    for blatt in blaetter:
        pdf = f' · <a href="{_esc(blatt.name)}.pdf">PDF</a>' if mit_pdf else ""
        zeilen.append(
            f'<li><a href="{_esc(blatt.name)}.html">{_esc(blatt.titel)}</a>'
            f'<span class="zeit">{_esc(blatt.zeitbedarf)}</span>{pdf}</li>'
        )
    return _UEBERSICHT.format(
        buchtitel=_esc(buchtitel),
        lizenz=_esc(lizenz),
        lizenz_css=_css_text(lizenz),
        css=_CSS,
        liste="\n".join(zeilen),
        anzahl=len(blaetter),
    )


def chromium_pfad() -> Path | None:
    """Pfad des Debian-Chromium (``apt-get install chromium``) oder None."""
    try:
        return Path(pdf.chromium())
    except ParameterFehler:
        return None


def drucke_pdf(html_dateien: list[Path]) -> list[Path]:
    """Druckt HTML-Dateien mit dem PDF-Drucker von bimo (neben die HTML-Datei), offline."""
    if chromium_pfad() is None:
        raise ArbeitsblattFehler(
            "Für die PDF-Arbeitsblätter fehlt Chromium. Installieren Sie es mit\n"
            "    sudo apt-get install --no-install-recommends chromium\n"
            "oder erzeugen Sie nur die HTML-Fassung (--ohne-pdf)."
        )
    try:
        return [pdf.drucke_pdf(datei) for datei in html_dateien]
    except pdf.PdfFehler as fehler:
        raise ArbeitsblattFehler(str(fehler)) from None


def schreibe_arbeitsblaetter(
    ausgabe: Path | None = None,
    *,
    wurzel: Path = WURZEL,
    quellen: list[Path] | None = None,
    pdf: bool = True,
) -> list[Arbeitsblatt]:
    """Schreibt je Übung ``<name>.html`` (und ``.pdf``) und ``index.html`` nach ``ausgabe``."""
    ausgabe = Path(ausgabe or wurzel / "_build" / "arbeitsblaetter")
    quellen = list(quellen) if quellen is not None else uebungen_in_reihenfolge(wurzel)
    if not quellen:
        raise ArbeitsblattFehler(
            f"{wurzel / 'exercises'}: keine Übungen (uebung_*.ipynb) gefunden."
        )
    ausgabe.mkdir(parents=True, exist_ok=True)
    blaetter = [arbeitsblatt(q, wurzel) for q in quellen]
    namen = {b.name for b in blaetter}
    for alt in list(ausgabe.glob("uebung_*.html")) + list(ausgabe.glob("uebung_*.pdf")):
        if alt.stem not in namen:  # Blätter gelöschter Übungen nicht stehen lassen
            alt.unlink()
    dateien = []
    for blatt in blaetter:
        ziel = ausgabe / f"{blatt.name}.html"
        ziel.write_text(blatt.html, encoding="utf-8")
        dateien.append(ziel)
    buchtitel, lizenz = _buchangaben(wurzel)
    (ausgabe / "index.html").write_text(
        _uebersicht(blaetter, buchtitel, lizenz, pdf), encoding="utf-8"
    )
    if pdf:
        drucke_pdf(dateien)
    return blaetter


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bimo.buch.arbeitsblaetter",
        description="Arbeitsblätter zum Ausdrucken aus den Übungen erzeugen (ohne Lösungen).",
    )
    parser.add_argument(
        "--ausgabe", type=Path, default=None, help="Zielordner (Vorgabe: _build/arbeitsblaetter)"
    )
    parser.add_argument("--ohne-pdf", action="store_true", help="nur HTML, keine PDF-Dateien")
    argumente = parser.parse_args(argv)
    start = time.perf_counter()
    try:
        blaetter = schreibe_arbeitsblaetter(argumente.ausgabe, pdf=not argumente.ohne_pdf)
    except BimoFehler as fehler:
        print(f"Fehler: {fehler}", file=sys.stderr)
        return 1
    ziel = argumente.ausgabe or WURZEL / "_build" / "arbeitsblaetter"
    art = "HTML" if argumente.ohne_pdf else "HTML und PDF"
    print(
        f"{len(blaetter)} Arbeitsblätter ({art}) in {ziel} – Übersicht: {ziel / 'index.html'} "
        f"({time.perf_counter() - start:.1f} s)"
    )
    return 0


# --- Vorlagen -----------------------------------------------------------------------

_CSS = """
@page { size: A4; margin: 16mm 18mm 18mm 18mm;
  @bottom-right { content: "Seite " counter(page) " von " counter(pages);
    font: 8.5pt "DejaVu Sans", Arial, sans-serif; color: #555; } }
:root { color-scheme: light; }
html { font: 10.5pt/1.45 "DejaVu Serif", Georgia, serif; color: #111; }
body { margin: 0 auto; max-width: 180mm; hyphens: auto; }
h1, h2, .kastentitel, figcaption, .kopfzeile, .fusszeile, .antwort, .zeit
  { font-family: "DejaVu Sans", Arial, sans-serif; }
h1 { font-size: 17pt; line-height: 1.2; margin: 2mm 0 4mm; }
h2 { font-size: 12pt; margin: 5mm 0 2mm; break-after: avoid; }
p { margin: 0 0 2.2mm; }
ul, ol { margin: 0 0 2.2mm; padding-left: 6mm; }
code, pre { font-family: "DejaVu Sans Mono", monospace; font-size: 8.8pt; }
pre { white-space: pre-wrap; overflow-wrap: anywhere; background: #f4f4f4; border: 0.3mm solid #ccc;
  border-radius: 1mm; padding: 2mm 3mm; margin: 0 0 3mm; break-inside: avoid; }
table { border-collapse: collapse; margin: 0 0 3mm; font-size: 9.5pt; }
th, td { border: 0.3mm solid #999; padding: 0.8mm 2mm; text-align: left; }
.kopfzeile { display: flex; justify-content: space-between; font-size: 8.5pt; color: #555;
  border-bottom: 0.3mm solid #999; padding-bottom: 1.5mm; margin-bottom: 3mm; }
.personalien { display: flex; gap: 8mm; font: 9.5pt "DejaVu Sans", Arial, sans-serif;
  margin-bottom: 3mm; }
.personalien span { flex: 1; border-bottom: 0.3mm solid #333; padding-bottom: 0.5mm; }
.kasten { border: 0.4mm solid #888; border-left-width: 1.6mm; border-radius: 1mm;
  padding: 2.5mm 3.5mm 1mm;
  margin: 0 0 4mm; break-inside: avoid; }
.kasten.tip, .kasten.admonition { border-color: #2a7a3b; background: #f2f8f3; }
.kasten.aufgabe { border-color: #1f4e8c; background: #f3f6fb; break-inside: auto; }
.kasten.note, .kasten.hint { border-color: #6b6b6b; background: #f7f7f7; }
.kasten.warning, .kasten.caution, .kasten.attention, .kasten.important, .kasten.danger
  { border-color: #b35900; background: #fff7ef; }
.kastentitel { font-weight: bold; font-size: 10.5pt; margin: 0 0 1.5mm; }
figure.code { margin: 0 0 1mm; }
figure.code figcaption { font-size: 8.5pt; color: #444; margin-bottom: 0.8mm; }
.antwort { margin: 2mm 0 4mm; break-inside: avoid; }
.antwort .linie { height: 8mm; border-bottom: 0.3mm solid #555; }
.antwort .beschriftung { font-size: 9.5pt; font-weight: bold; position: relative; top: 3mm; }
.notizen { break-inside: avoid; }
.formel { font-family: "DejaVu Sans Mono", monospace; }
.auslassung { font-style: italic; color: #555; }
.fusszeile { font-size: 8.5pt; color: #555; border-top: 0.3mm solid #999; margin-top: 6mm;
  padding-top: 1.5mm; }
.uebersicht li { margin: 0 0 1.5mm; }
.uebersicht .zeit { color: #555; margin-left: 2mm; font-size: 9pt; }
.uebersicht .zeit:not(:empty)::before { content: "("; }
.uebersicht .zeit:not(:empty)::after { content: ")"; }
@media screen { body { padding: 10mm; } }
@media print { .fusszeile { display: none; } }
"""

_SEITE = """<!DOCTYPE html>
<html lang="de">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="bimo.buch.arbeitsblaetter">
<meta name="bimo-quelle" content="{quelle}">
<title>Arbeitsblatt: {titel}</title>
<style>{css}
@page {{ @bottom-left {{ content: "{lizenz_css}";
  font: 8.5pt "DejaVu Sans", Arial, sans-serif; color: #555; }} }}
</style>
</head>
<body>
<header class="kopfzeile"><span>{buchtitel}</span><span>Arbeitsblatt</span></header>
<div class="personalien"><span>Name:</span><span>Datum:</span></div>
<main>
<h1>{titel_html}</h1>
{inhalt}
</main>
<footer class="fusszeile">{lizenz} Quelle: {quelle}</footer>
</body>
</html>
"""

_UEBERSICHT = """<!DOCTYPE html>
<html lang="de">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Arbeitsblätter – {buchtitel}</title>
<style>{css}
@page {{ @bottom-left {{ content: "{lizenz_css}";
  font: 8.5pt "DejaVu Sans", Arial, sans-serif; color: #555; }} }}
</style>
</head>
<body>
<header class="kopfzeile"><span>{buchtitel}</span><span>Arbeitsblätter</span></header>
<main>
<h1>Arbeitsblätter zu den Übungen</h1>
<p>{anzahl} Arbeitsblätter zum Ausdrucken, in der Reihenfolge des Buchs. Sie enthalten die
Aufgaben ohne Lösungen; den Code führen Sie in JupyterLab aus (<code>make lab</code>).</p>
<ol class="uebersicht">
{liste}
</ol>
</main>
<footer class="fusszeile">{lizenz}</footer>
</body>
</html>
"""


if __name__ == "__main__":
    sys.exit(main())
