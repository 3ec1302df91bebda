"""Berichte bauen: naiv (papermill je Bericht), ``bimo berichte`` und die Untergrenze.

Alle Wege laufen in einem Lauf auf denselben Kommunen; gedruckt werden die Zeiten und die
Verhältnisse (diese Maschinen sind laut: absolute Zeiten schwanken, das Verhältnis aus
einem Lauf ist aussagekräftiger).

- **naiv:** ``papermill`` und ``jupyter nbconvert`` als Programme, ein Kernel je Bericht,
  ein Bericht nach dem anderen – so, wie man es ohne bimo täte.
- **bimo:** ``baue_berichte(..., jobs=2)`` – zwei Prozesse mit je einem warmen Kernel.
- **Untergrenze:** derselbe Berichtscode (die Zellen der Vorlage) ohne Kernel direkt in
  einem IPython je Prozess ausgeführt, zwei Prozesse, dasselbe HTML und dieselben Tabellen.
  Schneller geht es mit diesem Berichtscode nicht; bimo soll höchstens 1,5-mal so lange
  brauchen.
- **Wachstum:** ``bimo berichte --jobs 2`` für 10, 100 und 1.000 Kommunen einer großen
  Musterland-Variante (Exporte der Regionaldatenbank, ``bimo daten --gross N``) – die Zeit
  je Bericht soll gleich bleiben.

    .venv/bin/python bench/berichte.py [--ohne-wachstum] [--wachstum 10,100,1000]
"""

from __future__ import annotations

import argparse
import base64
import copy
import multiprocessing
import subprocess
import sys
import tempfile
import time
import types
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import nbformat
from papermill.iorw import load_notebook_node
from papermill.parameterize import parameterize_notebook

from bimo import berichte
from bimo.berichte import ausgabe, datenbasis
from bimo.berichte import lauf as berichtslauf
from bimo.daten.gross import erzeuge_grosses_land
from bimo.kern.dateien import schreibe_atomar

BIN = Path(sys.executable).parent
JOBS = 2


def naiv(kommunen: list[str], ziel: Path) -> float:
    """papermill und nbconvert als Programme, ein Kernel je Bericht.

    ``-r`` übergibt den Schlüssel als Text (``-p`` machte aus "17101" eine Zahl).
    """
    vorlage = berichte.vorlage_pfad("kommunalprofil")
    ziel.mkdir(parents=True)
    start = time.perf_counter()
    for ags in kommunen:
        nb = ziel / f"{ags}.ipynb"
        subprocess.run(
            [str(BIN / "papermill"), str(vorlage), str(nb), "-r", "kommune", ags]
            + ["--log-level", "ERROR", "--no-progress-bar"],
            check=True,
            capture_output=True,
        )
        subprocess.run(
            [str(BIN / "jupyter"), "nbconvert", "--to", "html", "--no-input", str(nb)],
            check=True,
            capture_output=True,
        )
    return time.perf_counter() - start


def bimo(kommunen: list[str], ziel: Path, parameter: dict | None = None) -> float:
    start = time.perf_counter()
    ergebnisse = berichtslauf.baue_berichte(
        "kommunalprofil", kommunen, ziel, parameter=parameter, fortschritt=False, jobs=JOBS
    )
    assert all(e.ok for e in ergebnisse), [e.fehler for e in ergebnisse if not e.ok]
    return time.perf_counter() - start


# --- Untergrenze: dieselben Zellen ohne Kernel ------------------------------------------

_DIREKT: dict[str, object] = {}


def _direkt_start(ziel: str) -> None:
    from IPython.core.interactiveshell import InteractiveShell

    # eigenes Modul als Namensraum: sonst ersetzt IPython __main__ und der Pool findet
    # _direkt_bericht nicht mehr
    _DIREKT.update(
        shell=InteractiveShell.instance(user_module=types.ModuleType("bericht")),
        vorlage=load_notebook_node(str(berichte.vorlage_pfad("kommunalprofil"))),
        exporter=ausgabe.neuer_exporter(),
        ziel=Path(ziel),
    )


def _ausgabe(art: str, daten: dict, metadaten: dict) -> nbformat.NotebookNode:
    daten = {
        k: base64.b64encode(v).decode("ascii") if isinstance(v, bytes) else v
        for k, v in daten.items()
    }
    if art == "execute_result":
        return nbformat.v4.new_output(art, data=daten, metadata=metadaten, execution_count=1)
    return nbformat.v4.new_output(art, data=daten, metadata=metadaten)


def _direkt_bericht(kommune: str) -> None:
    from IPython.utils.capture import capture_output

    shell = _DIREKT["shell"]
    shell.run_line_magic("reset", "-f")
    nb = parameterize_notebook(
        copy.deepcopy(_DIREKT["vorlage"]), {"kommune": kommune}, report_mode=False
    )
    for zelle in nb.cells:
        if zelle.cell_type != "code":
            continue
        with capture_output(stdout=True, stderr=True, display=True) as mitschnitt:
            ergebnis = shell.run_cell(zelle.source, store_history=False, silent=False)
        ergebnis.raise_error()
        ausgaben = [_ausgabe("display_data", o.data, o.metadata) for o in mitschnitt.outputs]
        if ergebnis.result is not None:
            daten, metadaten = shell.display_formatter.format(ergebnis.result)
            ausgaben.append(_ausgabe("execute_result", daten, metadaten))
        zelle.outputs = ausgaben
    ziel = _DIREKT["ziel"]
    schreibe_atomar(ziel / f"{kommune}.html", ausgabe.als_html(nb, _DIREKT["exporter"]))
    ausgabe.schreibe_tabellen(nb, ziel / kommune)


def untergrenze(kommunen: list[str], ziel: Path) -> float:
    start = time.perf_counter()
    with ProcessPoolExecutor(
        JOBS,
        mp_context=multiprocessing.get_context("spawn"),  # wie bimo: frische Prozesse
        initializer=_direkt_start,
        initargs=(str(ziel),),
    ) as pool:
        list(pool.map(_direkt_bericht, kommunen))
    return time.perf_counter() - start


def main() -> None:
    args = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    args.add_argument("--wachstum", default="10,100,1000", help="Anzahlen für das Wachstum")
    args.add_argument("--ohne-wachstum", action="store_true")
    args = args.parse_args()

    kommunen = list(datenbasis.lade().kreise["ags"])
    n = len(kommunen)
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        t_naiv = naiv(kommunen, tmp / "naiv")
        t_bimo = bimo(kommunen, tmp / "bimo")
        t_boden = untergrenze(kommunen, tmp / "boden")
        gleich = sorted(p.name for p in (tmp / "boden").glob("1*.*")) == sorted(
            p.name for p in (tmp / "bimo").glob("1*.*")
        )
        print(f"{n} Kommunalprofile (Musterland), {JOBS} Prozesse für bimo und Untergrenze")
        print(f"  naiv: papermill + nbconvert je Bericht {t_naiv:7.1f} s  ({t_naiv / n:.2f} s)")
        print(f"  bimo berichte --jobs {JOBS}              {t_bimo:7.1f} s  ({t_bimo / n:.2f} s)")
        print(f"  Untergrenze (ohne Kernel)             {t_boden:7.1f} s  ({t_boden / n:.2f} s)")
        print(f"  naiv / bimo:        {t_naiv / t_bimo:5.1f}×   (Ziel: mindestens 5×)")
        print(f"  bimo / Untergrenze: {t_bimo / t_boden:5.2f}×   (Ziel: höchstens 1,5×)")
        print(f"  dieselben Dateien (HTML, CSV, XLSX je Bericht): {'ja' if gleich else 'NEIN'}")

        if args.ohne_wachstum:
            return
        print(f"\nWachstum: große Musterland-Variante, bimo berichte --jobs {JOBS}")
        punkte = []
        for anzahl in (int(a) for a in args.wachstum.split(",")):
            ordner = tmp / f"gross{anzahl}"
            erzeuge_grosses_land(ordner, anzahl)
            kreise = list(datenbasis.lade(ordner).kreise["ags"])
            t = bimo(kreise, tmp / f"aus{anzahl}", {"daten": str(ordner)})
            punkte.append((anzahl, t))
            zeile = f"  {anzahl:5d} Kommunen: {t:7.1f} s  ({t / anzahl:.3f} s je Bericht)"
            print(zeile, flush=True)
        if len(punkte) >= 2:
            import numpy as np

            n, t = np.array(punkte, dtype=float).T
            je_bericht, fest = np.polyfit(n, t, 1)
            rest = t - (fest + je_bericht * n)
            print(
                f"  Gerade durch die Punkte: {fest:.1f} s fest (Kernelstart, Daten laden und "
                f"schützen) + {je_bericht:.3f} s je Bericht; größte Abweichung "
                f"{np.abs(rest).max():.1f} s"
            )


if __name__ == "__main__":
    main()
