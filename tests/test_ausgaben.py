"""Ruhige Notebook-Diffs: feste Widget-Kennungen (bimo.buch.ausgaben)."""

from __future__ import annotations

import json
import re
import uuid

import nbformat

from bimo.buch.ausgaben import stabile_widget_ids
from tests.conftest import WURZEL


def _notebook_mit_widgets(umgekehrt: bool = False) -> str:
    a, b, c = uuid.uuid4().hex, uuid.uuid4().hex, uuid.uuid4().hex
    nb = nbformat.v4.new_notebook()
    modelle = {
        a: {
            "model_module": "@jupyter-widgets/controls",
            "state": {"children": [f"IPY_MODEL_{b}"]},
        },
        b: {"model_module": "@jupyter-widgets/controls", "state": {}},
        c: {"model_module": "@jupyter-widgets/base", "state": {"nur": "im Zustand"}},
    }
    # ipywidgets schreibt den Zustand je Lauf in anderer Reihenfolge (nach Zufallskennung)
    state = dict(reversed(modelle.items())) if umgekehrt else modelle
    nb.metadata["widgets"] = {
        "application/vnd.jupyter.widget-state+json": {
            "state": state,
            "version_major": 2,
            "version_minor": 0,
        }
    }
    zelle = nbformat.v4.new_code_cell("w", id="zelle-1")
    zelle.outputs = [
        nbformat.v4.new_output(
            "display_data",
            data={"application/vnd.jupyter.widget-view+json": {"model_id": a, "version_major": 2}},
        )
    ]
    nb.cells = [zelle]
    return nbformat.writes(nb) + "\n"


def test_zwei_laeufe_ergeben_denselben_text():
    eins = stabile_widget_ids(_notebook_mit_widgets(), "uebung_x")
    zwei = stabile_widget_ids(_notebook_mit_widgets(umgekehrt=True), "uebung_x")
    assert eins == zwei
    nb = json.loads(eins)
    zustand = nb["metadata"]["widgets"]["application/vnd.jupyter.widget-state+json"]["state"]
    angezeigt = nb["cells"][0]["outputs"][0]["data"]["application/vnd.jupyter.widget-view+json"]
    kind = zustand[angezeigt["model_id"]]["state"]["children"][0].removeprefix("IPY_MODEL_")
    assert kind in zustand  # Verweise folgen den neuen Kennungen
    assert len(zustand) == 3


def test_andere_notebooks_andere_kennungen():
    text = _notebook_mit_widgets()
    assert stabile_widget_ids(text, "a") != stabile_widget_ids(text, "b")


def test_gespeicherte_notebooks_haben_feste_kennungen():
    """Die eingecheckten Notebooks sind schon umgeschrieben (make notebooks tut es)."""
    for pfad in sorted((WURZEL / "exercises").glob("uebung_*.ipynb")):
        text = pfad.read_text(encoding="utf-8")
        assert stabile_widget_ids(text, pfad.stem) == text, pfad.name
        assert not re.search(r'"model_id": "[0-9a-f]{8}-', text)
