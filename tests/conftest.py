"""Gemeinsame Pfade und Hilfen der Tests."""

from __future__ import annotations

import csv
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


def kleine_fallzahlen(csv_datei: Path, mindestfallzahl: int = 3) -> list[str]:
    """Zähler und Nenner unter der Mindestfallzahl (außer echter Null) in einer Berichts-CSV
    (lange Tabelle: je Zelle eine Zeile; gesperrt = „.“ ohne Zahl)."""
    funde = []
    with csv_datei.open(encoding="utf-8-sig", newline="") as f:
        for zeile in csv.DictReader(f):
            if zeile["spalte"] not in ("Zähler", "Nenner") or zeile["anzeige"] == ".":
                continue
            if not zeile["wert"] or 0 < float(zeile["wert"]) < mindestfallzahl:
                funde.append(f"{csv_datei.name}: {zeile}")
    return funde


@pytest.fixture(scope="session")
def wurzel() -> Path:
    return WURZEL


@pytest.fixture(scope="session")
def gebautes_buch() -> Path:
    """Das mit ``make book`` gebaute Buch; ohne Bau werden die Tests übersprungen."""
    if not (HTML / "index.html").exists():
        pytest.skip("Buch nicht gebaut – erst `make book` ausführen")
    return HTML


# --- Stufen (Marker) --------------------------------------------------------------------
# `make test-schnell` wählt  -m "not (buch or browser or berichte or realdaten or langsam)"
# ohne nbval; `make test` läuft alles. Die meisten Marken setzt diese Regel nach Datei und
# Fixture, ausdrückliche Marken (@pytest.mark.berichte …) stehen nur, wo sie das nicht kann.
# Stufen (CONTRIBUTING, „Tests in Stufen“):
#   nbval     – jede Zelle der Notebooks (nbval-Element, nur mit --nbval gesammelt)
#   browser   – Chromium/playwright: Browserprüfung, JupyterLab, PDF-Druck
#   berichte  – führt Berichtsvorlagen in einem Kernel aus (baue_berichte, Cluster)
#   realdaten – liest echte Exporte aus ../shared/realdata
#   buch      – braucht das gebaute Buch (make book / make trainer)
#   langsam   – sonst länger als einige Sekunden
_BROWSER_DATEIEN = {"test_browser.py", "test_jupyterlab.py"}
_BERICHTE_DATEIEN = {"test_cluster.py", "test_berichte_real.py"}
_NBVAL_KLASSEN = {"IPyNbCell", "IPyNbFile"}


def pytest_collection_modifyitems(config, items):  # noqa: ARG001 – pytest-Haken
    for item in items:
        if type(item).__name__ in _NBVAL_KLASSEN:
            item.add_marker(pytest.mark.nbval)
            continue
        datei = item.path.name
        if datei in _BROWSER_DATEIEN:
            item.add_marker(pytest.mark.browser)
        if datei in _BERICHTE_DATEIEN:
            item.add_marker(pytest.mark.berichte)
        if datei.endswith("_real.py"):
            item.add_marker(pytest.mark.realdaten)
        if "gebautes_buch" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.buch)
