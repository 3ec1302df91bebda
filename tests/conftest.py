"""Gemeinsame Pfade und Hilfen der Tests."""

from __future__ import annotations

from pathlib import Path

import pytest

WURZEL = Path(__file__).resolve().parents[1]
HTML = WURZEL / "_build" / "html"
REALDATEN = WURZEL.parent / "shared" / "realdata"


@pytest.fixture(scope="session")
def wurzel() -> Path:
    return WURZEL


@pytest.fixture(scope="session")
def gebautes_buch() -> Path:
    """Das mit ``make book`` gebaute Buch; ohne Bau werden die Tests übersprungen."""
    if not (HTML / "index.html").exists():
        pytest.skip("Buch nicht gebaut – erst `make book` ausführen")
    return HTML
