"""Aufbau des Buchs: Seitenvorlage der Kapitel, Übungen mit Lösung und Selbstkontrolle.

Prüft die Quellen (nicht den Bau): Jedes Kapitel folgt der Seitenvorlage
(Lernziele, Voraussetzungen, Zeitbedarf, Zusammenfassung, Wie geht's weiter),
jede Übung hat eine Aufgabe, eine Lösung in derselben Quelle, eine
Selbstkontrolle in ``bimo.uebungen`` und einen Test dafür.
"""

from __future__ import annotations

import importlib
import re

import nbformat
import pytest
import yaml

from tests.conftest import WURZEL


def _toc_dateien() -> list[str]:
    toc = yaml.safe_load((WURZEL / "_toc.yml").read_text(encoding="utf-8"))
    dateien = []

    def sammle(eintraege):
        for e in eintraege or []:
            if "file" in e:
                dateien.append(e["file"])
            sammle(e.get("sections"))

    for teil in toc.get("parts", []):
        sammle(teil.get("chapters"))
    return dateien


ANHANG = {"notebooks/datenlexikon"}
KAPITEL = [d for d in _toc_dateien() if d.startswith("notebooks/") and d not in ANHANG]
UEBUNGEN = [d for d in _toc_dateien() if d.startswith("exercises/")]


def _markdown(datei: str) -> str:
    nb = nbformat.read(WURZEL / f"{datei}.ipynb", as_version=4)
    return "\n".join(z.source for z in nb.cells if z.cell_type == "markdown")


def test_genug_kapitel_und_uebungen():
    assert len(KAPITEL) >= 9, KAPITEL
    assert len(UEBUNGEN) >= 8, UEBUNGEN


@pytest.mark.parametrize("datei", KAPITEL)
def test_kapitel_folgt_der_seitenvorlage(datei):
    text = _markdown(datei)
    for teil in ("**Lernziele", "**Voraussetzungen", "**Zeitbedarf", "## Zusammenfassung"):
        assert teil in text, f"{datei}: „{teil}“ fehlt"
    assert re.search(r"## Wie geht.s weiter", text), f"{datei}: „Wie geht's weiter“ fehlt"


@pytest.mark.parametrize("datei", UEBUNGEN)
def test_uebung_hat_aufgabe_loesung_und_selbstkontrolle(datei):
    nb = nbformat.read(WURZEL / f"{datei}.ipynb", as_version=4)
    text = "\n".join(z.source for z in nb.cells if z.cell_type == "markdown")
    label = re.search(r"\{exercise\}[^\n]*\n:label: ([\w-]+)", text)
    assert label, f"{datei}: kein exercise-Block mit :label:"
    assert f"{{solution-start}} {label.group(1)}" in text
    assert "{solution-end}" in text
    loesung = [z for z in nb.cells if "loesung" in z.metadata.get("tags", [])]
    assert loesung, f"{datei}: keine Code-Zelle mit dem Tag „loesung“"
    code = "\n".join(z.source for z in nb.cells if z.cell_type == "code")
    module = set(re.findall(r"bimo\.uebungen\.(\w+)", code)) | set(
        re.findall(r"from bimo\.uebungen import (\w+)", code)
    )
    module = {m for m in module if not m.startswith(("aufgabe_", "pruefe_"))} or {
        datei.removeprefix("exercises/uebung_")
    }
    for name in module:
        modul = importlib.import_module(f"bimo.uebungen.{name}")
        assert any(n.startswith("pruefe_") for n in dir(modul)), f"{name}: keine pruefe_-Funktion"
        test = WURZEL / "tests" / f"test_uebung_{name}.py"
        assert test.exists(), f"{name}: kein Test der Selbstkontrolle ({test.name})"
        assert "pruefe_" in test.read_text(encoding="utf-8"), f"{test.name} prüft nichts"


@pytest.mark.parametrize("datei", KAPITEL + UEBUNGEN)
def test_keine_platzhalter_im_text(datei):
    text = _markdown(datei)
    assert not re.search(r"\bTODO\b|\bFIXME\b|Lorem ipsum", text), datei


VORLAGE_KAPITEL = WURZEL / "book" / "vorlagen" / "kapitel.ipynb"


def test_kapitelvorlage_folgt_der_seitenvorlage():
    """Die Kopiervorlage für neue Kapitel hat alles, was der Test oben von Kapiteln verlangt."""
    nb = nbformat.read(VORLAGE_KAPITEL, as_version=4)
    text = "\n".join(z.source for z in nb.cells if z.cell_type == "markdown")
    for teil in ("**Lernziele", "**Voraussetzungen", "**Zeitbedarf", "## Zusammenfassung"):
        assert teil in text, f"Kapitelvorlage: „{teil}“ fehlt"
    assert re.search(r"## Wie geht.s weiter", text)
    assert "CONTRIBUTING.md" in text


@pytest.mark.langsam
def test_kapitelvorlage_laeuft():
    from nbclient import NotebookClient

    nb = nbformat.read(VORLAGE_KAPITEL, as_version=4)
    NotebookClient(nb, timeout=120, kernel_name="python3").execute()
    assert "Betreuungsquote" in str(nb.cells[2].outputs)
