"""Steckbrief-Seiten: aus dem Register erzeugt, aktuell, vollständig, geheim gehalten."""

from __future__ import annotations

from bimo import indikatoren
from bimo.buch import steckbriefe
from tests.conftest import WURZEL

ORDNER = WURZEL / "book" / "steckbriefe"


def test_eingecheckte_seiten_passen_zum_register(tmp_path):
    steckbriefe.schreibe(tmp_path)
    neu = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*.md"))
    alt = sorted(p.relative_to(ORDNER) for p in ORDNER.rglob("*.md"))
    assert neu == alt, "Steckbriefe veraltet – `make steckbriefe` ausführen"
    for pfad in neu:
        assert (tmp_path / pfad).read_text() == (ORDNER / pfad).read_text(), (
            f"{pfad} veraltet – `make steckbriefe` ausführen"
        )


def test_jede_seite_vollstaendig():
    for kennung, ind in indikatoren.REGISTER.items():
        text = (ORDNER / "indikatoren" / steckbriefe.dateiname(kennung)).read_text()
        assert text.startswith(f"({kennung})=\n# {ind.name}\n")
        for teil in (
            "## Definition",
            "| Zähler |",
            "| Nenner |",
            "## Lesart",
            "## Hinweise",
            "## Werte in Musterland",
            "| **Musterland** |",
        ):
            assert teil in text, (kennung, teil)
    uebersicht = (ORDNER / "uebersicht.md").read_text()
    for kennung in indikatoren.REGISTER:
        assert f"<{kennung}>`" in uebersicht


def test_werte_mit_deutschen_zahlen_und_erklaerung_ueber_100():
    text = steckbriefe.werte_tabelle("betreuungsquote_3_6")
    burgheim = next(z for z in text.splitlines() if z.startswith("| Burgheim |"))
    wert = float(burgheim.split("|")[2].strip().rstrip("%").strip().replace(",", "."))
    assert wert > 100
    assert "über 100 %" in steckbriefe.seite("betreuungsquote_3_6")


def test_gebaute_seiten(gebautes_buch):
    for kennung in indikatoren.REGISTER:
        name = steckbriefe.dateiname(kennung).replace(".md", ".html")
        assert (gebautes_buch / "book" / "steckbriefe" / "indikatoren" / name).exists()
