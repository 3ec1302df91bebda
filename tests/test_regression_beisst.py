"""Der Regressionstest beißt: Wer die Berechnung der Betreuungsquote ändert, bekommt
einen roten nbval-Lauf auf dem Kapitel – nicht erst ein falsches Buch."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest

from tests.conftest import WURZEL

KAPITEL = WURZEL / "notebooks" / "betreuungsquote.ipynb"
ALT = 'tabelle["wert"] = tabelle["zaehler"] / tabelle["nenner"] * 100'


def _nbval(pythonpfad: str | None, tmp_path) -> subprocess.CompletedProcess:
    umgebung = dict(
        os.environ, BIMO_DATEN=str(WURZEL / "src/bimo/daten/datensaetze" / "musterland")
    )
    if pythonpfad:
        umgebung["PYTHONPATH"] = pythonpfad
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            "--nbval",
            "--nbval-current-env",
            f"--nbval-sanitize-with={WURZEL / 'tests/nbval_sanitize.cfg'}",
            "-o",
            "addopts=",
            "-o",
            "testpaths=",
            "--rootdir",
            str(tmp_path),
            str(KAPITEL),
        ],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=umgebung,
        timeout=600,
    )


@pytest.mark.langsam
def test_geaenderte_betreuungsquote_laesst_nbval_scheitern(tmp_path):
    kopie = tmp_path / "src"
    shutil.copytree(WURZEL / "src" / "bimo", kopie / "bimo")
    modul = kopie / "bimo" / "indikatoren" / "modell.py"
    quelltext = modul.read_text(encoding="utf-8")
    assert ALT in quelltext, "Die Berechnung ist umgezogen – Test anpassen"
    # Ein typischer Fehler: Nenner vom selben Jahr statt vom Vorjahr
    modul.write_text(
        quelltext.replace('nenner["jahr"] = nenner["jahr"] + 1', "pass"), encoding="utf-8"
    )
    lauf = _nbval(str(kopie), tmp_path)
    assert lauf.returncode == 1, lauf.stdout[-3000:]
    assert "Cell outputs differ" in lauf.stdout  # gescheitert am Vergleich, nicht an einem Fehler


@pytest.mark.langsam
def test_unveraendert_bleibt_nbval_gruen(tmp_path):
    lauf = _nbval(None, tmp_path)
    assert lauf.returncode == 0, lauf.stdout[-3000:]
