"""Das gebaute Buch: deutsch, vollständig, offline – und der Bau ist wirklich streng."""

from __future__ import annotations

import html
import json
import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

from tests.conftest import WURZEL

JB_AUFRUF = ["build", ".", "--builder", "html", "-W", "-n", "--keep-going"]


class _Verweise(HTMLParser):
    """Sammelt alles, was ein Browser beim Laden einer Seite nachlädt."""

    LADEN = {
        ("script", "src"),
        ("img", "src"),
        ("iframe", "src"),
        ("source", "src"),
        ("audio", "src"),
        ("video", "src"),
        ("embed", "src"),
        ("object", "data"),
        ("input", "src"),
    }
    LINK_LADEN = {
        "stylesheet",
        "icon",
        "preload",
        "prefetch",
        "modulepreload",
        "manifest",
        "shortcut icon",
        "apple-touch-icon",
    }

    def __init__(self) -> None:
        super().__init__()
        self.geladen: list[str] = []

    def handle_starttag(self, tag, attrs):  # noqa: ANN001
        a = dict(attrs)
        for t, attr in self.LADEN:
            if tag == t and a.get(attr):
                self.geladen.append(a[attr])
        if tag == "link" and a.get("href") and (a.get("rel") or "").lower() in self.LINK_LADEN:
            self.geladen.append(a["href"])
        if a.get("style"):
            self.geladen += re.findall(r"url\(\s*['\"]?([^'\")]+)", a["style"])


def _extern(url: str) -> bool:
    return bool(re.match(r"^(https?:)?//", url.strip(), re.I))


def test_startseite_deutsch(gebautes_buch):
    weiter = (gebautes_buch / "index.html").read_text(encoding="utf-8")
    assert "url=book/index.html" in weiter  # Jupyter Book leitet auf die Wurzelseite weiter
    text = (gebautes_buch / "book" / "index.html").read_text(encoding="utf-8")
    assert '<html lang="de"' in text
    assert "Werkstattbuch" in text
    assert "Suche" in text  # deutsche Oberfläche des Themes


def test_alle_seiten_des_inhaltsverzeichnisses_gebaut(gebautes_buch):
    import yaml

    toc = yaml.safe_load((WURZEL / "_toc.yml").read_text(encoding="utf-8"))
    dateien = [toc["root"]] + [k["file"] for teil in toc["parts"] for k in teil["chapters"]]
    for datei in dateien:
        assert (gebautes_buch / f"{datei}.html").exists(), datei


def test_nichts_wird_aus_dem_netz_geladen(gebautes_buch):
    """Kein Skript, Stil, Bild oder Font von einem CDN – Links im Text sind erlaubt."""
    funde = []
    for seite in gebautes_buch.rglob("*.html"):
        parser = _Verweise()
        parser.feed(seite.read_text(encoding="utf-8", errors="replace"))
        funde += [f"{seite.relative_to(gebautes_buch)}: {u}" for u in parser.geladen if _extern(u)]
    for stil in gebautes_buch.rglob("*.css"):
        text = stil.read_text(encoding="utf-8", errors="replace")
        for url in re.findall(r"(?:url\(\s*['\"]?|@import\s+['\"])([^'\")\s]+)", text):
            if _extern(url):
                funde.append(f"{stil.relative_to(gebautes_buch)}: {url}")
    assert not funde, "Externe Ressourcen:\n" + "\n".join(funde[:20])


_CDN = re.compile(
    r"https?://(?:cdn\.jsdelivr\.net|unpkg\.com|cdnjs\.cloudflare\.com|ajax\.googleapis\.com"
    r"|fonts\.googleapis\.com|fonts\.gstatic\.com|code\.jquery\.com)[^\"'\s)]*"
)


def test_kein_cdn_auch_nicht_als_voreinstellung_im_code(gebautes_buch):
    """Kein Skript, Stil oder Datensatz des Buchs trägt eine CDN-Adresse – auch nicht als
    Rückfall im Code (MathJax' Sprachausgabe, Widget-CDN), der nur greift, wenn eine
    Einstellung fehlt. tools/vendor/ohne_cdn.py entfernt sie beim Vendoring."""
    funde = []
    for datei in sorted(gebautes_buch.rglob("*")):
        if datei.is_file() and datei.suffix in {".js", ".css", ".json", ".html"}:
            text = datei.read_text(encoding="utf-8", errors="replace")
            funde += [f"{datei.relative_to(gebautes_buch)}: {u}" for u in _CDN.findall(text)]
    # Links im Fließtext auf CDN-Seiten gibt es im Buch nicht; jeder Fund ist ein Ladeversuch
    assert not funde, "CDN-Adressen im gebauten Buch:\n" + "\n".join(funde[:20])
    sprachdateien = gebautes_buch / "_static" / "vendor" / "mathjax" / "sre" / "mathmaps"
    assert {"base.json", "de.json", "en.json"} <= {p.name for p in sprachdateien.iterdir()}


def test_pruefung_findet_externe_verweise():
    """Gegenprobe: der Parser erkennt ein CDN-Skript, einen Webfont-Stil und ein Bild."""
    parser = _Verweise()
    parser.feed(
        '<script src="https://cdn.jsdelivr.net/x.js"></script>'
        '<link rel="stylesheet" href="//fonts.googleapis.com/css">'
        '<img src="http://example.org/a.png"><a href="https://example.org">Text</a>'
    )
    assert [u for u in parser.geladen if _extern(u)] == [
        "https://cdn.jsdelivr.net/x.js",
        "//fonts.googleapis.com/css",
        "http://example.org/a.png",
    ]


def test_vendor_dateien_werden_lokal_geladen(gebautes_buch):
    text = (gebautes_buch / "exercises" / "uebung_betreuungsquote.html").read_text(encoding="utf-8")
    assert re.search(r'<script src="[./]*_static/vendor/require\.js', text)
    assert re.search(r'<script[^>]*src="[./]*_static/vendor/embed-amd\.js', text)
    assert 'data-jupyter-widgets-cdn=""' in text
    assert (gebautes_buch / "_static" / "vendor" / "mathjax" / "tex-mml-chtml.js").exists()


def test_widget_zustand_ist_eingebettet(gebautes_buch):
    text = (gebautes_buch / "exercises" / "uebung_betreuungsquote.html").read_text(encoding="utf-8")
    treffer = re.search(
        r'<script type="application/vnd.jupyter.widget-state\+json">(.*?)</script>', text, re.S
    )
    assert treffer, "Widget-Zustand fehlt: Die Übung wäre auf der Webseite leer."
    zustand = json.loads(treffer.group(1))
    modelle = [m["model_name"] for m in zustand["state"].values()]
    assert "TextModel" in modelle and "ButtonModel" in modelle


def test_suche_kennt_betreuungsquote(gebautes_buch):
    index = (gebautes_buch / "searchindex.js").read_text(encoding="utf-8")
    assert "betreuungsquot" in index.lower()


def test_loesung_und_uebung_auf_deutsch(gebautes_buch):
    text = (gebautes_buch / "exercises" / "uebung_betreuungsquote.html").read_text(encoding="utf-8")
    assert "Übung" in text and "Lösung" in text


def test_berichte_fuer_jeden_kreis(gebautes_buch):
    """Jede Vorlage mit ``beispiel`` im Register: je Kreis HTML, CSV, XLSX (PDF wo verlangt)."""
    from bimo import daten
    from bimo.berichte import vorlagen
    from bimo.berichte.lauf import STANDDATEI

    ordner = gebautes_buch / "berichte"
    kreise = list(daten.kreise()["ags"])
    seite = (gebautes_buch / "book" / "kommunalprofile.html").read_text(encoding="utf-8")
    unterordner = {v.beispiel.ordner for v in vorlagen.beispiele()} - {""}
    assert vorlagen.beispiele(), "das Register nennt keine Beispielberichte"
    for vorlage in vorlagen.beispiele():
        b = vorlage.beispiel
        endungen = ("html", "csv", "xlsx", *(["pdf"] if b.pdf and shutil.which("chromium") else []))
        erwartet = {f"{ags}.{e}" for ags in kreise for e in endungen} | {"index.html", STANDDATEI}
        if b.ordner == "":
            erwartet |= unterordner
        assert {p.name for p in (ordner / b.ordner).iterdir()} == erwartet, vorlage.name
        link = "/".join(t for t in ("..", "berichte", b.ordner, "index.html") if t)
        assert f'href="{link}"' in seite, f"Kapitel verlinkt {vorlage.name} nicht ({link})"


def test_vorlagentabelle_im_kapitel_kommt_aus_dem_register(gebautes_buch):
    """Die Seite setzt Tabelle und Links mit ``{bimo-vorlagen}`` ein: jede Vorlage des
    Registers steht im gebauten Kapitel, ohne dass jemand die Seite anfasst."""
    from bimo.berichte import vorlagen

    quelle = (WURZEL / "book" / "kommunalprofile.md").read_text(encoding="utf-8")
    assert "```{bimo-vorlagen}" in quelle
    seite = (gebautes_buch / "book" / "kommunalprofile.html").read_text(encoding="utf-8")
    for v in vorlagen.VORLAGEN.values():
        assert f'<code class="docutils literal notranslate"><span class="pre">{v.name}' in seite
        assert html.escape(v.inhalt, quote=False) in seite


def test_beispiel_links_aus_dem_register():
    from bimo.berichte import vorlagen

    links = vorlagen.beispiel_links_html()
    for v in vorlagen.beispiele():
        ordner = f"{v.beispiel.ordner}/" if v.beispiel.ordner else ""
        assert f'href="../berichte/{ordner}index.html"' in links, v.name


def test_makefile_baut_streng():
    makefile = (WURZEL / "Makefile").read_text(encoding="utf-8")
    # öffentliches Buch aus der Ausgabe für Teilnehmende, Trainerausgabe aus der Wurzel
    assert "jupyter-book build $(LERNENDE) --path-output . --builder html -W -n --keep-going" in (
        makefile
    )
    assert "jupyter-book " + " ".join(JB_AUFRUF) in makefile


def test_keine_trainerseiten_oeffentlich(gebautes_buch):
    assert (gebautes_buch / "book" / "trainer" / "hinweis.html").is_file()
    assert not (gebautes_buch / "book" / "trainer" / "index.html").exists()
    assert not (gebautes_buch / "book" / "trainer" / "bildungswerkstatt.html").exists()


def _mini_buch(ziel: Path, zelle: str) -> Path:
    import nbformat

    ziel.mkdir()
    (ziel / "vendor_static").symlink_to(WURZEL / "vendor_static")
    shutil.copy(WURZEL / "_config.yml", ziel / "_config.yml")
    (ziel / "book").mkdir()
    shutil.copy(WURZEL / "book" / "literatur.bib", ziel / "book" / "literatur.bib")
    (ziel / "_toc.yml").write_text(
        "format: jb-book\nroot: index\nchapters:\n  - file: rechnung\n", encoding="utf-8"
    )
    (ziel / "index.md").write_text("# Probe\n\nEin kleines Buch.\n", encoding="utf-8")
    nb = nbformat.v4.new_notebook(
        metadata={
            "kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}
        }
    )
    nb.cells = [nbformat.v4.new_markdown_cell("# Rechnung"), nbformat.v4.new_code_cell(zelle)]
    nbformat.write(nb, ziel / "rechnung.ipynb")
    return ziel


def _baue(ordner: Path) -> subprocess.CompletedProcess:
    jb = Path(sys.executable).with_name("jupyter-book")
    return subprocess.run(
        [str(jb), *JB_AUFRUF], cwd=ordner, capture_output=True, text=True, timeout=600
    )


@pytest.mark.langsam
def test_bau_scheitert_wenn_ein_notebook_scheitert(tmp_path):
    gut = _baue(_mini_buch(tmp_path / "gut", "print(1 + 1)"))
    assert gut.returncode == 0, gut.stdout[-2000:] + gut.stderr[-2000:]
    kaputt = _baue(_mini_buch(tmp_path / "kaputt", "1 / 0"))
    assert kaputt.returncode != 0
    assert "ZeroDivisionError" in kaputt.stdout + kaputt.stderr


def test_bericht_pdfs_druckfertig(gebautes_buch):
    """Die Kommunalprofile des Buchs als PDF, wie ein Ausschuss sie bekommt: jede Seite mit
    Kommune, Stand und „Seite n von m“; keine Überschrift allein am Seitenende; keine fast
    leere letzte Seite (früher: 5–6 Zeilen auf Seite 7)."""
    from bimo import indikatoren

    pdfs = sorted((gebautes_buch / "berichte").glob("*.pdf"))
    if not pdfs or not shutil.which("pdftotext"):
        pytest.skip("keine Bericht-PDFs im Buch (Chromium fehlte beim Bau) oder kein pdftotext")
    koepfe = {"Quellen und Hinweise", "Auf einen Blick", *indikatoren.THEMENFELDER}
    maengel = []
    for pdf in pdfs:
        info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
        seiten = int(re.search(r"Pages:\s+(\d+)", info).group(1))
        for s in range(1, seiten + 1):
            text = subprocess.run(
                ["pdftotext", "-f", str(s), "-l", str(s), "-layout", str(pdf), "-"],
                capture_output=True, text=True, check=True,
            ).stdout  # fmt: skip
            if f"Seite {s} von {seiten}" not in text or "Kommunalprofil " not in text:
                maengel.append(f"{pdf.name} S. {s}: keine Fußzeile")
            zeilen = [z.strip() for z in text.splitlines() if z.strip() and "Seite " not in z]
            if zeilen and zeilen[-1] in koepfe:
                maengel.append(f"{pdf.name} S. {s}: „{zeilen[-1]}“ allein am Seitenende")
            if s == seiten > 1 and len(zeilen) < 8:
                maengel.append(f"{pdf.name} S. {s}: nur {len(zeilen)} Zeilen")
    assert maengel == [], "\n".join(maengel)
