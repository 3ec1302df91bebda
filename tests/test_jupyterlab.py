"""Eine Übung live in JupyterLab: öffnen, alle Zellen ausführen, Regler bewegen, prüfen.

Der Test startet JupyterLab aus ``.venv`` nur auf 127.0.0.1 (freier Port, Token,
``--no-browser``, Erweiterungsverwaltung schreibgeschützt, keine Update- und
Neuigkeitenabfrage) mit einer Kopie von ``exercises/`` als Arbeitsordner. Ein
kopfloser Chromium (Debian-Paket) öffnet ``uebung_schwelle.ipynb``, führt über das
Menü „Run → Run All Cells“ alle Zellen aus, schiebt den Regler „Mindestfallzahl“
per Tastatur eine Stufe zurück und liest die Anzeige darunter vor und nach dem
Schieben; dann trägt er die richtige Schwelle ein, drückt „Prüfen“ und erwartet
die Rückmeldung „Richtig“. Jede Anfrage des Browsers an einen anderen Host als
127.0.0.1/localhost wird abgebrochen und festgehalten; die Liste muss leer bleiben.
Zum Schluss fährt JupyterLab über seine API herunter.

Ohne Chromium wird der Test übersprungen, in der CI (``CI=true``) schlägt er fehl.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from tests.browserhilfe import CHROMIUM, CHROMIUM_ARGS, netzsperre

WURZEL = Path(__file__).resolve().parents[1]
JUPYTER = Path(sys.executable).with_name("jupyter")
UEBUNG = "uebung_schwelle.ipynb"
TOKEN = "bimo-test-token"

pytestmark = [pytest.mark.langsam]

if not CHROMIUM.is_file():
    _grund = f"Chromium fehlt unter {CHROMIUM} – apt-get install chromium"
    if os.environ.get("CI") == "true":
        pytest.fail(_grund, pytrace=False)
    pytest.skip(_grund, allow_module_level=True)

if not JUPYTER.is_file():
    pytest.skip(f"jupyter fehlt neben {sys.executable}", allow_module_level=True)

sync_api = pytest.importorskip("playwright.sync_api", reason="Python-Paket playwright fehlt")


def _freier_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _anfrage(url: str, methode: str = "GET") -> int:
    req = urllib.request.Request(url, method=methode, headers={"Authorization": f"token {TOKEN}"})
    with urllib.request.urlopen(req, timeout=5) as antwort:  # noqa: S310 – nur 127.0.0.1
        return antwort.status


@pytest.fixture(scope="module")
def jupyterlab(tmp_path_factory):
    """JupyterLab auf 127.0.0.1 mit einer Kopie der Übungen; liefert die Basisadresse."""
    tmp = tmp_path_factory.mktemp("lab")
    arbeit = tmp / "uebungen"
    shutil.copytree(WURZEL / "exercises", arbeit, ignore=shutil.ignore_patterns(".*"))
    for ordner in ("config", "runtime", "einstellungen", "arbeitsbereiche"):
        (tmp / ordner).mkdir()
    # keine Nachfrage nach Neuigkeiten von jupyter.org (und keine Abfrage)
    meldungen = tmp / "einstellungen" / "@jupyterlab" / "apputils-extension"
    meldungen.mkdir(parents=True)
    (meldungen / "notification.jupyterlab-settings").write_text(
        '{"fetchNews": "false", "checkForUpdates": false}', encoding="utf-8"
    )
    port = _freier_port()
    umgebung = {
        **os.environ,
        "JUPYTER_CONFIG_DIR": str(tmp / "config"),
        "JUPYTER_RUNTIME_DIR": str(tmp / "runtime"),
        "PYTHONUNBUFFERED": "1",
    }
    befehl = [
        str(JUPYTER),
        "lab",
        "--ip=127.0.0.1",
        f"--port={port}",
        "--port-retries=0",
        "--no-browser",
        f"--IdentityProvider.token={TOKEN}",
        f"--ServerApp.root_dir={arbeit}",
        "--LabApp.extension_manager=readonly",
        "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
        "--LabApp.news_url=",
        f"--LabApp.user_settings_dir={tmp / 'einstellungen'}",
        f"--LabApp.workspaces_dir={tmp / 'arbeitsbereiche'}",
    ]
    if hasattr(os, "getuid") and os.getuid() == 0:
        befehl.append("--allow-root")
    protokoll = (tmp / "jupyterlab.log").open("w")
    prozess = subprocess.Popen(
        befehl, cwd=arbeit, env=umgebung, stdout=protokoll, stderr=subprocess.STDOUT
    )
    basis = f"http://127.0.0.1:{port}/"
    try:
        frist = time.monotonic() + 60
        while True:
            if prozess.poll() is not None:
                pytest.fail(
                    f"JupyterLab beendet sich sofort:\n{(tmp / 'jupyterlab.log').read_text()}"
                )
            try:
                if _anfrage(basis + "api/status") == 200:
                    break
            except (urllib.error.URLError, OSError):
                pass
            if time.monotonic() > frist:
                pytest.fail("JupyterLab antwortet nach 60 s nicht auf /api/status")
            time.sleep(0.3)
        yield basis
    finally:
        try:
            _anfrage(basis + "api/shutdown", "POST")
            prozess.wait(timeout=20)
        except Exception:
            prozess.terminate()
            try:
                prozess.wait(timeout=10)
            except subprocess.TimeoutExpired:
                prozess.kill()
                prozess.wait()
        protokoll.close()
    assert prozess.returncode == 0, (
        f"JupyterLab endet mit Code {prozess.returncode}:\n{(tmp / 'jupyterlab.log').read_text()}"
    )


def test_uebung_live_regler_und_selbstkontrolle(jupyterlab):
    from bimo.kern.format import zahl
    from bimo.uebungen import schwelle

    verlust = schwelle.verlusttabelle("17255", 2024)
    richtig = int(verlust.index[verlust["Anteil Wert"] > 2.0][0])

    externe: list[str] = []

    weiterleiten = netzsperre(externe)

    with sync_api.sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        try:
            context = browser.new_context(viewport={"width": 1400, "height": 1000})
            context.route("**/*", weiterleiten)
            page = context.new_page()
            page.goto(f"{jupyterlab}lab/tree/{UEBUNG}?token={TOKEN}&reset")
            page.locator(".jp-NotebookPanel .jp-Notebook").first.wait_for(timeout=30_000)
            # JupyterLab fragt je nach Notebook-Metadaten nach dem Kernel: „Python 3“ wählen
            auswahl = page.locator(".jp-Dialog .jp-Dialog-button.jp-mod-accept")
            try:
                auswahl.wait_for(state="visible", timeout=5_000)
                auswahl.click()
            except sync_api.TimeoutError:
                pass
            # Kernel bereit (Statusleiste: „… | Idle“)
            page.locator(".jp-StatusBar-TextItem", has_text="Idle").first.wait_for(
                state="visible", timeout=30_000
            )

            # Menü „Run → Run All Cells“
            page.locator(".lm-MenuBar-itemLabel", has_text="Run").first.click()
            page.locator(".lm-Menu-itemLabel", has_text="Run All Cells").first.click()

            griff = page.locator(".jp-OutputArea .widget-slider .noUi-handle").first
            griff.wait_for(state="visible", timeout=45_000)
            anzeige = page.locator(".jp-OutputArea .widget-html-content", has_text="Gesperrt:")
            anzeige.first.wait_for(state="visible", timeout=15_000)
            start = int(float(griff.get_attribute("aria-valuenow") or "nan"))
            vorher = anzeige.first.inner_text()
            erwartet_vorher = f"Gesperrt: {zahl(verlust.loc[start, 'gesperrt'])} Zellen"
            assert erwartet_vorher in vorher, (vorher, erwartet_vorher)

            # Regler per Tastatur eine Stufe zurück (von 3 auf 2: keine Zelle mehr gesperrt)
            ziel = start - 1
            assert verlust.loc[ziel, "gesperrt"] != verlust.loc[start, "gesperrt"]
            griff.focus()
            page.keyboard.press("ArrowLeft")
            erwartet = f"Gesperrt: {zahl(verlust.loc[ziel, 'gesperrt'])} Zellen"
            anteil = f"{zahl(verlust.loc[ziel, 'Anteil Wert'], 1)} %"
            page.wait_for_function(
                "([text]) => [...document.querySelectorAll('.jp-OutputArea .widget-html-content')]"
                ".some(e => e.innerText.includes(text))",
                arg=[erwartet],
                timeout=15_000,
            )
            nachher = anzeige.first.inner_text()
            assert int(float(griff.get_attribute("aria-valuenow") or "nan")) == ziel
            assert nachher != vorher, "Die Anzeige ändert sich nicht, wenn der Regler sich bewegt"
            assert anteil.replace(" ", "") in nachher.replace(" ", "").replace("\u00a0", ""), (
                nachher,
                anteil,
            )

            # Selbstkontrolle: Antwort eintragen, „Prüfen“, Rückmeldung
            rueckmeldung = page.locator(".jp-OutputArea .bimo-rueckmeldung")
            assert rueckmeldung.count() == 0
            feld = page.locator(".jp-OutputArea .widget-text input").first
            feld.fill(str(richtig - 1))
            page.locator(".jp-OutputArea button", has_text="Prüfen").first.click()
            rueckmeldung.first.wait_for(state="visible", timeout=15_000)
            erste = rueckmeldung.first.inner_text()
            assert "Noch nicht" in erste, erste
            feld.fill(str(richtig))
            page.locator(".jp-OutputArea button", has_text="Prüfen").first.click()
            page.locator(".jp-OutputArea .bimo-rueckmeldung", has_text="Richtig").first.wait_for(
                state="visible", timeout=15_000
            )
            assert rueckmeldung.first.inner_text() != erste
        finally:
            browser.close()
    assert not externe, "Anfragen außerhalb von localhost:\n" + "\n".join(externe)
