"""Der eine PDF-Drucker von bimo: kopfloses Chromium aus Debian, ohne Netz.

Berichte (``bimo berichte --pdf``) und Arbeitsblätter (``make arbeitsblaetter``) drucken
über :func:`drucke_pdf`. Chromium kommt aus dem Debian-Paket ``chromium``; bimo lädt
keinen Browser herunter.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from bimo.fehler import ParameterFehler
from bimo.kern.dateien import schreibe_atomar


class PdfFehler(RuntimeError):
    """Chromium konnte das PDF nicht drucken."""


def chromium() -> str:
    """Pfad des Chromium (Debian-Paket ``chromium``); sonst ein deutscher Fehler."""
    for name in ("chromium", "chromium-browser"):
        if pfad := shutil.which(name):
            return pfad
    raise ParameterFehler(
        "Für PDF-Dateien wird Chromium gebraucht (kein Download: das Debian-Paket, "
        "`apt-get install chromium`). Ohne PDF entstehen die HTML-Fassungen."
    )


def drucke_pdf(html_datei: Path, pdf_datei: Path | None = None) -> Path:
    """Druckt ``html_datei`` mit kopflosem Chromium als PDF (atomar, ohne Netz).

    Ohne ``pdf_datei`` landet das PDF neben der HTML-Datei. Das Seitenformat bestimmt
    das CSS der Seite (``@page``).
    """
    pdf_datei = pdf_datei or html_datei.with_suffix(".pdf")
    with tempfile.TemporaryDirectory(prefix="bimo-chromium-") as profil:
        ziel = Path(profil) / "druck.pdf"
        befehl = [
            chromium(),
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-extensions",
            "--proxy-server=127.0.0.1:9",  # kein Netz: jede Anfrage nach außen scheitert sofort
            "--proxy-bypass-list=<-loopback>",
            "--no-pdf-header-footer",
            f"--user-data-dir={profil}",
            f"--print-to-pdf={ziel}",
            html_datei.resolve().as_uri(),
        ]
        try:
            lauf = subprocess.run(befehl, capture_output=True, timeout=120, check=False)
        except subprocess.TimeoutExpired:
            raise PdfFehler(f"Chromium hat {html_datei.name} nicht in 120 s gedruckt.") from None
        if lauf.returncode != 0 or not ziel.is_file() or ziel.stat().st_size == 0:
            raise PdfFehler(
                f"Chromium konnte {html_datei.name} nicht als PDF drucken "
                f"(Rückgabewert {lauf.returncode})."
            )
        return schreibe_atomar(pdf_datei, ziel.read_bytes())
