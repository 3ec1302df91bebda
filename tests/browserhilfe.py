"""Gemeinsames für die Browserprüfungen: Debian-Chromium und die Netzsperre.

Jede Anfrage an einen anderen Host als 127.0.0.1 bzw. localhost wird abgebrochen und in
einer Liste festgehalten; die Tests verlangen, dass sie leer bleibt.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlsplit

CHROMIUM = Path("/usr/bin/chromium")
# ohne die Schalter für Hintergrunddienste fragt Chromium beim Start im Netz nach
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
LOKALE_HOSTS = {"127.0.0.1", "localhost"}


def netzsperre(externe: list[str]) -> Callable:
    """Eine Route für playwright: lokal durchlassen, alles andere abbrechen und merken."""

    def weiterleiten(route) -> None:  # noqa: ANN001 – playwright-Route
        teile = urlsplit(route.request.url)
        if teile.scheme in ("data", "blob") or teile.hostname in LOKALE_HOSTS:
            route.continue_()
        else:
            externe.append(route.request.url)
            route.abort()

    return weiterleiten
