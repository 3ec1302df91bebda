"""Führt die Notebooks des Buchs aus und speichert ihre Ausgaben (``make notebooks``).

Die gespeicherten Ausgaben sind der Sollzustand für den Regressionstest mit
nbval: Wer bimo ändert und danach ``make notebooks`` aufruft, sieht im Diff,
welche Zahlen sich geändert haben – und entscheidet bewusst.
"""

from __future__ import annotations

import sys
from pathlib import Path

import nbformat
from nbclient import NotebookClient

from bimo.buch.ausgaben import stabile_widget_ids

WURZEL = Path(__file__).resolve().parents[1]
ORDNER = ("notebooks", "exercises", "src/bimo/berichte/vorlagen")


def notebooks(argumente: list[str]) -> list[Path]:
    if argumente:
        return [Path(a).resolve() for a in argumente]
    return sorted(
        p
        for o in ORDNER
        for p in (WURZEL / o).rglob("*.ipynb")
        if ".ipynb_checkpoints" not in p.parts and "_lernende" not in p.parts
    )


def ausfuehren(pfad: Path) -> None:
    nb = nbformat.read(pfad, as_version=4)
    NotebookClient(
        nb,
        timeout=300,
        kernel_name="python3",
        record_timing=False,
        resources={"metadata": {"path": str(pfad.parent)}},
    ).execute()
    if not _hat_widgets(nb):
        nb.metadata.pop("widgets", None)
    for zelle in nb.cells:
        zelle.metadata.pop("execution", None)
    text = nbformat.writes(nb) + "\n"
    pfad.write_text(stabile_widget_ids(text, pfad.stem), encoding="utf-8")


def _hat_widgets(nb: nbformat.NotebookNode) -> bool:
    return any(
        "application/vnd.jupyter.widget-view+json" in ausgabe.get("data", {})
        for zelle in nb.cells
        if zelle.cell_type == "code"
        for ausgabe in zelle.get("outputs", [])
    )


if __name__ == "__main__":
    for pfad in notebooks(sys.argv[1:]):
        print(f"führe aus: {pfad.relative_to(WURZEL)}")
        ausfuehren(pfad)
