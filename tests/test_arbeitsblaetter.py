"""Arbeitsblätter zum Ausdrucken (bimo.buch.arbeitsblaetter): je Übung ein Blatt, ohne Lösung."""

from __future__ import annotations

import html
import re
import shutil
import subprocess
from pathlib import Path

import nbformat
import pytest

from bimo.buch import arbeitsblaetter as ab
from bimo.buch.editionen import loesungsmarken, loesungsstellen

WURZEL = Path(__file__).resolve().parents[1]
UEBUNGEN = sorted((WURZEL / "exercises").glob("uebung_*.ipynb"))


def _klartext(seite: str) -> str:
    """Sichtbarer Text einer Seite, Leerraum vereinheitlicht (ohne <style>)."""
    seite = re.sub(r"<style>.*?</style>", " ", seite, flags=re.S)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", seite)).split())


@pytest.fixture(scope="module")
def ausgabe(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[ab.Arbeitsblatt]]:
    ziel = tmp_path_factory.mktemp("arbeitsblaetter")
    blaetter = ab.schreibe_arbeitsblaetter(ziel, pdf=False)
    return ziel, blaetter


def test_ein_blatt_je_uebung_und_eine_uebersicht(
    ausgabe: tuple[Path, list[ab.Arbeitsblatt]],
) -> None:
    ziel, blaetter = ausgabe
    assert len(UEBUNGEN) >= 20
    assert sorted(b.name for b in blaetter) == [p.stem for p in UEBUNGEN]
    assert sorted(p.stem for p in ziel.glob("uebung_*.html")) == [p.stem for p in UEBUNGEN]
    uebersicht = (ziel / "index.html").read_text(encoding="utf-8")
    for blatt in blaetter:
        assert f'href="{blatt.name}.html"' in uebersicht
    # Reihenfolge des Buchs: die erste Übung im Inhaltsverzeichnis steht vorn
    toc = (WURZEL / "_toc.yml").read_text(encoding="utf-8")
    erste = re.search(r"file:\s*exercises/(uebung_\w+)", toc).group(1)
    assert blaetter[0].name == erste


@pytest.mark.parametrize("quelle", UEBUNGEN, ids=lambda p: p.stem)
def test_kein_loesungstext_im_blatt(
    quelle: Path, ausgabe: tuple[Path, list[ab.Arbeitsblatt]]
) -> None:
    ziel, _ = ausgabe
    nb = nbformat.read(quelle, as_version=4)
    assert loesungsstellen(nb, quelle.name), f"{quelle.name} hat keine Lösung – Test wäre leer"
    seite = (ziel / f"{quelle.stem}.html").read_text(encoding="utf-8")
    text = _klartext(seite)
    roh = " ".join(html.unescape(seite).split())
    marken = loesungsmarken(nb, quelle.name)
    assert marken, f"{quelle.name}: keine kennzeichnenden Lösungsstücke gefunden"
    lecks = [m for m in marken if m in text or m in roh]
    assert not lecks, f"{quelle.name}: Lösung im Arbeitsblatt: {lecks[:3]}"
    assert "solution" not in seite.lower()


def test_echte_loesungszeilen_fehlen(ausgabe: tuple[Path, list[ab.Arbeitsblatt]]) -> None:
    """Stichprobe mit wörtlichen Zeilen aus den Lösungen der Quellen."""
    ziel, _ = ausgabe
    quelle = WURZEL / "exercises" / "uebung_betreuungsquote.ipynb"
    nb = nbformat.read(quelle, as_version=4)
    loesungscode = [s.text for s in loesungsstellen(nb, quelle.name) if s.art == "tag"]
    aufgabe = "\n".join(z.source for z in nb.cells if "loesung" not in z.metadata.get("tags", []))
    zeilen = [
        z.strip()
        for code in loesungscode
        for z in code.splitlines()
        if len(z.strip()) > 20 and z.strip() not in aufgabe
    ]
    assert 'nenner = kinder[kinder["alter"] < 3]["wert"].sum()  # 31.12. des Vorjahres!' in zeilen
    seite = html.unescape((ziel / "uebung_betreuungsquote.html").read_text(encoding="utf-8"))
    for zeile in zeilen:
        assert zeile not in seite


@pytest.mark.parametrize("quelle", UEBUNGEN, ids=lambda p: p.stem)
def test_aufgabe_lernziele_code_antwortfeld(
    quelle: Path, ausgabe: tuple[Path, list[ab.Arbeitsblatt]]
) -> None:
    ziel, blaetter = ausgabe
    blatt = next(b for b in blaetter if b.name == quelle.stem)
    seite = (ziel / f"{quelle.stem}.html").read_text(encoding="utf-8")
    text = _klartext(seite)
    nb = nbformat.read(quelle, as_version=4)
    quelltext = "\n".join(z.source for z in nb.cells if z.cell_type == "markdown")
    # der Aufgabentext der Quelle (ein Satzstück ohne Auszeichnung) steht auf dem Blatt
    aufgabe = re.search(r"^(`{3,}|:{3,})\{exercise\}.*?\n(.*?)^\1\s*$", quelltext, re.S | re.M)
    assert aufgabe, f"{quelle.name}: keine Aufgabe gefunden"
    stuecke = [
        " ".join(s.split())
        for s in re.split(r"[`*_{}\[\]()$<>|\"„“]|\n\n|^:.*$", aufgabe.group(2), flags=re.M)
        if len(" ".join(s.split())) >= 25
    ]
    assert stuecke and all(s in text for s in stuecke[:3]), stuecke[:3]
    assert blatt.aufgaben >= 1
    assert "<h1>" in seite and blatt.titel in text
    for wort in ("Lernziele", "Voraussetzungen", "Zeitbedarf", "Ihre Antwort:", "CC BY 4.0"):
        assert wort in text, f"{quelle.name}: „{wort}“ fehlt"
    # der Code, den Teilnehmende ausführen, steht als Text da (erste Aufgabenzelle)
    code = next(
        z.source
        for z in nb.cells
        if z.cell_type == "code" and "loesung" not in z.metadata.get("tags", [])
    )
    erste_zeile = next(z for z in code.splitlines() if z.strip())
    assert html.escape(erste_zeile, quote=False) in seite
    # MyST-Verweise als Klartext, keine Rohsyntax
    assert "{doc}" not in seite and "```" not in seite
    # eigenständig und offline: keine Skripte, nichts aus dem Netz
    assert "<script" not in seite
    assert not re.search(r"(src|href)=\"(https?:)?//", seite)


def _uebung(tmp_path: Path, zellen: list) -> Path:
    nb = nbformat.v4.new_notebook(cells=zellen)
    (tmp_path / "exercises").mkdir(exist_ok=True)
    (tmp_path / "notebooks").mkdir(exist_ok=True)
    (tmp_path / "notebooks" / "kapitel.md").write_text("# Das Kapitel\n\nText.\n", encoding="utf-8")
    pfad = tmp_path / "exercises" / "uebung_probe.ipynb"
    nbformat.write(nb, pfad)
    return pfad


def test_maskierung_direktiven_und_rollen(tmp_path: Path) -> None:
    md = nbformat.v4.new_markdown_cell
    pfad = _uebung(
        tmp_path,
        [
            md(
                "# Übung: Probe <b>fett</b>\n\n"
                "```{admonition} Auf einen Blick\n:class: tip\n\n**Lernziele:** a < b & c\n\n"
                "**Voraussetzungen:** Kapitel {doc}`../notebooks/kapitel`.\n\n"
                "**Zeitbedarf:** 5 Minuten.\n```\n\n"
                "````{exercise}\n:label: probe\n\nRechnen Sie <script>alert(1)</script> aus, "
                "siehe {doc}`hier <../notebooks/kapitel>`.\n````\n\n"
                ":::{note}\nEin Hinweis mit $a \\geq b$.\n:::"
            ),
            nbformat.v4.new_code_cell('x = ...  # Ihre Rechnung\nprint("<tag>")'),
            md("````{solution-start} probe\n:class: dropdown\n````\nGEHEIMER LÖSUNGSTEXT"),
            nbformat.v4.new_code_cell("geheim = 42", metadata={"tags": ["loesung"]}),
            md("````{solution-end}\n````"),
            nbformat.v4.new_code_cell("auch_geheim = 1", metadata={"tags": ["loesung"]}),
        ],
    )
    blatt = ab.arbeitsblatt(pfad, wurzel=tmp_path)
    seite = blatt.html
    assert "<script>" not in seite and "&lt;script&gt;" in seite
    assert "<b>fett</b>" not in seite and "&lt;b&gt;" in seite
    assert "a &lt; b &amp; c" in seite
    assert "print(&quot;&lt;tag&gt;&quot;)" in seite
    assert "„Das Kapitel“" in seite and ">hier<" in seite
    assert "GEHEIMER" not in seite and "geheim = 42" not in seite and "auch_geheim" not in seite
    assert seite.count('class="kasten ') == 3  # Auf einen Blick, Aufgabe, Hinweis
    assert "Ihre Ergänzung" in seite  # Code mit ... bekommt Platz zum Ergänzen
    assert blatt.zeitbedarf == "5 Minuten"
    assert blatt.titel == "Übung: Probe <b>fett</b>"
    assert "<title>Arbeitsblatt: Übung: Probe &lt;b&gt;fett&lt;/b&gt;</title>" in seite


def test_unvollstaendige_loesung_ist_ein_fehler(tmp_path: Path) -> None:
    pfad = _uebung(
        tmp_path,
        [
            nbformat.v4.new_markdown_cell(
                "# Übung\n\n````{solution-start} x\n````\nLösung ohne Ende"
            )
        ],
    )
    with pytest.raises(ab.BimoFehler):
        ab.arbeitsblatt(pfad, wurzel=tmp_path)


def _seitenzahl(pdf: Path) -> int:
    if shutil.which("pdfinfo"):
        info = subprocess.run(
            ["pdfinfo", str(pdf)], capture_output=True, text=True, check=True
        ).stdout
        return int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))
    return len(re.findall(rb"/Type\s*/Page[^s]", pdf.read_bytes()))


@pytest.mark.browser
@pytest.mark.skipif(ab.chromium_pfad() is None, reason="Chromium fehlt (apt-get install chromium)")
def test_pdf_wird_gedruckt(tmp_path: Path) -> None:
    namen = ["uebung_betreuungsquote", "uebung_ohne_abschluss"]
    quellen = [WURZEL / "exercises" / f"{n}.ipynb" for n in namen]
    ab.schreibe_arbeitsblaetter(tmp_path, quellen=quellen, pdf=True)
    for name in namen:
        pdf = tmp_path / f"{name}.pdf"
        daten = pdf.read_bytes()
        assert daten.startswith(b"%PDF-") and len(daten) > 10_000
        assert 1 <= _seitenzahl(pdf) <= 5
        if shutil.which("pdftotext"):
            text = subprocess.run(
                ["pdftotext", str(pdf), "-"], capture_output=True, text=True
            ).stdout
            assert "Ihre Antwort" in text and "CC BY 4.0" in text and "Seite 1 von" in text
