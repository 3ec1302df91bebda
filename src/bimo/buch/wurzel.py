"""Wo das Buch liegt: der Ordner mit ``_toc.yml`` – übergeben, nicht aus dem Paketpfad geraten.

Die Buchwerkzeuge brauchen Dateien des Buchs (Kapitel, Übungen, Konfiguration), die nicht
zum installierten Paket gehören. Die Wurzel ist ``--wurzel`` bzw. die Umgebungsvariable
``BIMO_BUCH``, sonst der aktuelle Ordner oder der nächste darüber mit ``_toc.yml``.
"""

from __future__ import annotations

import os
from pathlib import Path


def buchwurzel(start: Path | str | None = None) -> Path:
    """Der Ordner des Buchs (mit ``_toc.yml``); ohne Fund der Startordner selbst."""
    if start is None and os.environ.get("BIMO_BUCH"):
        return Path(os.environ["BIMO_BUCH"]).resolve()
    anfang = Path(start or Path.cwd()).resolve()
    for ordner in (anfang, *anfang.parents):
        if (ordner / "_toc.yml").is_file() and (ordner / "exercises").is_dir():
            return ordner
    return anfang
