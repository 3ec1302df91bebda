"""Sphinx-Erweiterung: Tabellen des Buchs aus den Registern, nicht von Hand gepflegt.

```{bimo-uebungen}
```

setzt die Übersicht der Übungen im Trainerleitfaden ein: aus :mod:`bimo.uebungen.register`
(typische Fehler), ``_toc.yml`` (Kapitel, Reihenfolge) und dem Kasten „Auf einen Blick“ jeder
Übung (Zeitbedarf).

```{bimo-vorlagen}
```

setzt die Tabelle der Berichtsvorlagen und die Links auf die Beispielberichte ein, aus
:mod:`bimo.berichte.vorlagen`: Eine neue Vorlage braucht dort einen Eintrag, sonst nichts.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from docutils import nodes
from docutils.statemachine import StringList
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective

from bimo.berichte import vorlagen
from bimo.uebungen import register


class _AusRegister(SphinxDirective):
    """Setzt Markdown ein, das ein Register erzeugt (MyST, wie eine Seite des Buchs)."""

    has_content = False

    def markdown(self) -> str:
        raise NotImplementedError

    def run(self) -> list[nodes.Node]:
        text = self.markdown()
        behaelter = nodes.container()
        self.state.nested_parse(StringList(text.splitlines(), source=self.name), 0, behaelter)
        return behaelter.children


class UebungenTabelle(_AusRegister):
    def markdown(self) -> str:
        wurzel = Path(self.env.srcdir)
        toc = yaml.safe_load((wurzel / "_toc.yml").read_text(encoding="utf-8"))
        # das Register und jede Übung gehören zu dieser Seite: ändern sie sich, neu lesen
        self.env.note_dependency(register.__file__)
        for datei in register.kapitel_der_uebungen(toc):
            self.env.note_dependency(str(wurzel / f"{datei}.ipynb"))
        return register.uebersicht_markdown(wurzel, toc)


class VorlagenTabelle(_AusRegister):
    def markdown(self) -> str:
        self.env.note_dependency(vorlagen.__file__)
        links = vorlagen.beispiel_links_html()
        return f"{vorlagen.tabelle_markdown()}\n\n```{{raw}} html\n{links}\n```\n"


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_directive("bimo-uebungen", UebungenTabelle)
    app.add_directive("bimo-vorlagen", VorlagenTabelle)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
