"""Dateien sicher schreiben: nie eine halbe Datei, auch nicht bei Abbruch."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def schreibe_atomar(pfad: Path | str, inhalt: str | bytes) -> Path:
    """Schreibt ``inhalt`` in eine temporäre Datei im Zielordner und benennt sie dann um.

    ``os.replace`` ist auf demselben Dateisystem atomar: Wer die Datei liest,
    sieht entweder den alten oder den vollständigen neuen Inhalt.
    """
    pfad = Path(pfad)
    pfad.parent.mkdir(parents=True, exist_ok=True)
    daten = inhalt.encode("utf-8") if isinstance(inhalt, str) else inhalt
    fd, tmp = tempfile.mkstemp(prefix=f".{pfad.name}.", suffix=".tmp", dir=pfad.parent)
    try:
        with os.fdopen(fd, "wb") as datei:
            datei.write(daten)
            datei.flush()
            os.fsync(datei.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, pfad)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return pfad
