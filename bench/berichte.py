"""Berichte bauen: papermill-Kommandozeile je Bericht gegen ``bimo berichte``.

Misst beide Wege in einem Lauf auf denselben Kommunen und druckt das
Verhältnis (diese Maschinen sind laut; absolute Zeiten schwanken, das
Verhältnis aus einem Lauf ist aussagekräftiger).

    .venv/bin/python bench/berichte.py [ANZAHL]
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bimo import berichte, berichtslauf, daten

BIN = Path(sys.executable).parent


def naiv(kommunen: list[str], ziel: Path) -> float:
    """Wie ohne bimo: papermill und nbconvert als Programme, ein Kernel je Bericht.

    ``-r`` übergibt den Schlüssel als Text (``-p`` machte aus "17101" eine Zahl).
    """
    vorlage = berichte.vorlage_pfad("kommunalprofil")
    ziel.mkdir(parents=True)
    start = time.perf_counter()
    for ags in kommunen:
        nb = ziel / f"{ags}.ipynb"
        subprocess.run(
            [
                str(BIN / "papermill"),
                str(vorlage),
                str(nb),
                "-r",
                "kommune",
                ags,
                "--log-level",
                "ERROR",
                "--no-progress-bar",
            ],
            check=True,
            capture_output=True,
        )
        subprocess.run(
            [str(BIN / "jupyter"), "nbconvert", "--to", "html", "--no-input", str(nb)],
            check=True,
            capture_output=True,
        )
    return time.perf_counter() - start


def bimo(kommunen: list[str], ziel: Path, jobs: int = 1, fortsetzen: bool = False) -> float:
    start = time.perf_counter()
    ergebnisse = berichtslauf.baue_berichte(
        "kommunalprofil", kommunen, ziel, fortschritt=False, jobs=jobs, fortsetzen=fortsetzen
    )
    assert all(e.ok for e in ergebnisse), [e.fehler for e in ergebnisse]
    return time.perf_counter() - start


def main() -> None:
    anzahl = int(sys.argv[1]) if len(sys.argv) > 1 else 6
    kommunen = list(daten.kreise()["ags"])[:anzahl]
    with tempfile.TemporaryDirectory() as tmp:
        t_naiv = naiv(kommunen, Path(tmp) / "naiv")
        t_bimo = bimo(kommunen, Path(tmp) / "bimo")
        t_jobs = bimo(kommunen, Path(tmp) / "jobs", jobs=2)
        t_weiter = bimo(kommunen, Path(tmp) / "bimo", fortsetzen=True)
    n = len(kommunen)
    print(f"{n} Kommunalprofile")
    print(f"  papermill + nbconvert je Bericht: {t_naiv:6.1f} s  ({t_naiv / n:.2f} s je Bericht)")
    print(f"  bimo berichte (warmer Kernel):    {t_bimo:6.1f} s  ({t_bimo / n:.2f} s je Bericht)")
    print(f"  bimo berichte --jobs 2:           {t_jobs:6.1f} s  ({t_jobs / n:.2f} s je Bericht)")
    print(f"  bimo berichte --fortsetzen:       {t_weiter:6.1f} s  (nichts geändert)")
    print(f"  Verhältnis naiv / bimo:           {t_naiv / t_bimo:6.1f}×")
    print(f"  Verhältnis naiv / bimo --jobs 2:  {t_naiv / t_jobs:6.1f}×")


if __name__ == "__main__":
    main()
