"""Sphinx-Erweiterung: die Übersicht der Übungen im Trainerleitfaden aus dem Register.

```{bimo-uebungen}
```

setzt die Tabelle aus :mod:`bimo.uebungen.register` (typische Fehler), ``_toc.yml``
(Kapitel, Reihenfolge) und dem Kasten „Auf einen Blick“ jeder Übung (Zeitbedarf) ein.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from docutils import nodes
from docutils.statemachine import StringList
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective

from bimo.uebungen import register


class UebungenTabelle(SphinxDirective):
    has_content = False

    def run(self) -> list[nodes.Node]:
        wurzel = Path(self.env.srcdir)
        toc = yaml.safe_load((wurzel / "_toc.yml").read_text(encoding="utf-8"))
        # das Register und jede Übung gehören zu dieser Seite: ändern sie sich, neu lesen
        self.env.note_dependency(register.__file__)
        for datei in register.kapitel_der_uebungen(toc):
            self.env.note_dependency(str(wurzel / f"{datei}.ipynb"))
        text = register.uebersicht_markdown(wurzel, toc)
        behaelter = nodes.container()
        self.state.nested_parse(StringList(text.splitlines(), source="bimo-uebungen"), 0, behaelter)
        return behaelter.children


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_directive("bimo-uebungen", UebungenTabelle)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
