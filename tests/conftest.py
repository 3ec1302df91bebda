"""Gemeinsame Pfade und Hilfen der Tests."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

# In der CI feste Beispiele (reproduzierbar, kein Zufallsfund zur falschen Zeit);
# lokal sucht hypothesis bei jedem Lauf neue Gegenbeispiele.
settings.register_profile("ci", derandomize=True, print_blob=True)
settings.load_profile("ci" if os.environ.get("CI") == "true" else "default")

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
