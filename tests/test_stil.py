"""Der Code folgt den Regeln, die auch pre-commit prüft (ruff, nbQA)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.conftest import WURZEL

BIN = Path(sys.executable).parent


def _lauf(*befehl: str) -> subprocess.CompletedProcess:
    return subprocess.run(befehl, cwd=WURZEL, capture_output=True, text=True)


def test_ruff_python():
    lauf = _lauf(str(BIN / "ruff"), "check", "src", "tests", "tools", "bench")
    assert lauf.returncode == 0, lauf.stdout + lauf.stderr


def test_ruff_format():
    lauf = _lauf(str(BIN / "ruff"), "format", "--check", "src", "tests", "tools", "bench")
    assert lauf.returncode == 0, lauf.stdout + lauf.stderr


def test_nbqa_ruff_notebooks():
    lauf = _lauf(str(BIN / "nbqa"), "ruff", "notebooks", "exercises")
    assert lauf.returncode == 0, lauf.stdout + lauf.stderr
