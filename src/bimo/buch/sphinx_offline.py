"""Sphinx-Erweiterung des Buchs: Seiten ohne Verweise ins Netz und ohne Konsolenfehler.

Jupyter Book 1 lädt sphinx-thebe immer, auch wenn Thebe abgeschaltet ist
(``launch_buttons.thebe: false``). sphinx-thebe schreibt dann je Seite ein
Inline-Skript mit der CDN-Adresse von Thebe in den Kopf – bei wiederholtem
Lesen der Quellen sogar doppelt, was im Browser „Identifier 'THEBE_JS_URL'
has already been declared“ auslöst. Diese Erweiterung entfernt die
Thebe-Skripte (Thebe braucht ohnehin einen Kernel im Netz) und doppelte
Inline-Skripte.

Außerdem kopiert sie die eigenen statischen Dateien (``html_static_path``)
nach jedem Bau: Sphinx 7.4 lässt geänderte Dateien dort bei einem
inkrementellen Bau sonst stehen, und eine geänderte Skriptdatei käme nie an.
"""

from __future__ import annotations

import filecmp
import shutil
from pathlib import Path
from typing import Any

from sphinx.application import Sphinx


def _ist_thebe(skript: Any) -> bool:
    inhalt = str(getattr(skript, "attributes", {}).get("body", ""))
    return "THEBE_JS_URL" in inhalt or str(skript).endswith("sphinx-thebe.js")


def _seite(app: Sphinx, pagename: str, templatename: str, context: dict, doctree: Any) -> None:
    skripte = context.get("script_files")
    if not skripte:
        return
    gesehen: set[str] = set()
    behalten = []
    for skript in skripte:
        if _ist_thebe(skript):
            continue
        inhalt = str(getattr(skript, "attributes", {}).get("body", ""))
        if inhalt:
            if inhalt in gesehen:
                continue
            gesehen.add(inhalt)
        behalten.append(skript)
    skripte[:] = behalten


def _statisch_abgleichen(app: Sphinx, fehler: Exception | None) -> None:
    if fehler is not None or app.builder.format != "html":
        return
    ziel = Path(app.outdir) / "_static"
    for eintrag in app.config.html_static_path:
        quelle = Path(app.confdir) / eintrag
        if not quelle.is_dir():
            continue
        for datei in quelle.rglob("*"):
            kopie = ziel / datei.relative_to(quelle)
            if datei.is_file() and (not kopie.exists() or not filecmp.cmp(datei, kopie, False)):
                kopie.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(datei, kopie)


def setup(app: Sphinx) -> dict[str, Any]:
    app.connect("html-page-context", _seite, priority=900)
    app.connect("build-finished", _statisch_abgleichen)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
