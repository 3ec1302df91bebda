"""Viele Berichte aus einer Vorlage: Parameter einsetzen, ausführen, als HTML schreiben.

Ein Kernelstart kostet mehr als ein ganzer Bericht (siehe DESIGN.md: 2,8–3,7 s
je Bericht mit papermill auf der Kommandozeile, davon 0,15 s eigene Zellen).
Deshalb startet :class:`WarmerKernel` einen Kernel einmal und führt darin
Bericht um Bericht aus; vor jedem Bericht wird der Namensraum geleert
(``%reset -f``), Module bleiben geladen.

Jeder Bericht wird atomar geschrieben; scheitert einer, laufen die anderen
weiter, und der Fehler steht im Index und im Rückgabewert.
"""

from __future__ import annotations

import copy
import html
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import nbformat
from jupyter_client.manager import KernelManager
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, DeadKernelError
from nbconvert import HTMLExporter
from papermill.inspection import _infer_parameters
from papermill.iorw import load_notebook_node
from papermill.parameterize import parameterize_notebook

from bimo import berichte, daten
from bimo.dateien import schreibe_atomar
from bimo.fehler import ParameterFehler

ZELLEN_ZEITLIMIT = 300  # Sekunden je Zelle
_RESET_TAG = "bimo-namensraum-leeren"
_VORLAGEN_STIL = Path(__file__).resolve().parent / "vorlagen"


@dataclass(frozen=True)
class Ergebnis:
    """Ausgang eines Berichts."""

    kommune: str
    name: str
    datei: Path | None
    fehler: str | None
    sekunden: float

    @property
    def ok(self) -> bool:
        return self.fehler is None


def vorlagen_parameter(nb: nbformat.NotebookNode) -> dict[str, object]:
    """Namen und Vorgabewerte der Parameter-Zelle (Tag ``parameters``) einer Vorlage."""
    return {p.name: p.default for p in _infer_parameters(nb)}


def pruefe_parameternamen(
    nb: nbformat.NotebookNode, parameter: dict[str, object], vorlage: str
) -> None:
    """papermill warnt bei unbekannten Parametern nur; bimo bricht mit deutscher Meldung ab."""
    bekannt = vorlagen_parameter(nb)
    unbekannt = sorted(set(parameter) - set(bekannt))
    if unbekannt:
        raise ParameterFehler(
            f"Die Vorlage „{vorlage}“ kennt den Parameter {', '.join(unbekannt)} nicht. "
            f"Erlaubt sind: {', '.join(bekannt)}."
        )


class WarmerKernel:
    """Ein Python-Kernel, der für viele Notebooks wiederverwendet wird."""

    def __init__(self, arbeitsordner: Path) -> None:
        self.arbeitsordner = arbeitsordner
        self.km: KernelManager | None = None
        self.kc = None

    def __enter__(self) -> WarmerKernel:
        self._starte()
        return self

    def __exit__(self, *_exc: object) -> None:
        self._beende()

    def _starte(self) -> None:
        self.km = KernelManager(kernel_name="python3")
        self.km.start_kernel(
            cwd=str(self.arbeitsordner), extra_arguments=["--IPKernelApp.log_level=ERROR"]
        )
        self.kc = self.km.client()
        self.kc.start_channels()
        self.kc.wait_for_ready(timeout=60)

    def _beende(self) -> None:
        if self.kc is not None:
            self.kc.stop_channels()
        if self.km is not None and self.km.has_kernel:
            self.km.shutdown_kernel(now=True)
        self.km, self.kc = None, None

    def fuehre_aus(self, nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
        """Führt ``nb`` in leerem Namensraum aus; ein abgestürzter Kernel wird neu gestartet."""
        leeren = nbformat.v4.new_code_cell('get_ipython().run_line_magic("reset", "-f")')
        leeren.metadata["tags"] = [_RESET_TAG]
        nb.cells.insert(0, leeren)
        client = NotebookClient(
            nb, km=self.km, timeout=ZELLEN_ZEITLIMIT, allow_errors=False, record_timing=False
        )
        client.kc = self.kc
        try:
            client.execute()
        except DeadKernelError:
            self._beende()
            self._starte()
            raise
        finally:
            nb.cells = [z for z in nb.cells if _RESET_TAG not in z.metadata.get("tags", [])]
        return nb


def _exporter() -> HTMLExporter:
    exporter = HTMLExporter(
        template_name="bericht",
        extra_template_basedirs=[str(_VORLAGEN_STIL)],
        exclude_input=True,
        exclude_input_prompt=True,
        exclude_output_prompt=True,
        embed_images=True,
    )
    return exporter


def als_html(nb: nbformat.NotebookNode, exporter: HTMLExporter | None = None) -> str:
    """Eigenständiges HTML ohne Eingabezellen (Bilder eingebettet, keine externen Dateien)."""
    exporter = exporter or _exporter()
    stil = (_VORLAGEN_STIL / "bericht.css").read_text(encoding="utf-8")
    text, _ = exporter.from_notebook_node(nb, resources={"bimo_css": stil})
    return text


def _fehlertext(fehler: Exception) -> str:
    if isinstance(fehler, CellExecutionError):
        if fehler.ename.endswith("Fehler"):  # bimo-Fehler: schon deutsch formuliert
            return str(fehler.evalue)
        return f"Unerwarteter Fehler im Bericht ({fehler.ename}): {fehler.evalue}"
    if isinstance(fehler, DeadKernelError):
        return "Der Python-Kernel ist während des Berichts abgestürzt."
    return f"{type(fehler).__name__}: {fehler}"


def baue_berichte(
    vorlage: str,
    kommunen: Sequence[str],
    ausgabe: Path | str,
    *,
    parameter: dict[str, object] | None = None,
    fortschritt: bool = True,
) -> list[Ergebnis]:
    """Erzeugt ``<AGS>.html`` je Kommune und ``index.html`` im Ordner ``ausgabe``.

    ``parameter`` gelten für alle Berichte (z. B. ``{"jahr": 2024}``); ``kommune``
    wird je Bericht gesetzt. Ungültige Parameter brechen vor dem ersten Bericht ab.
    """
    from tqdm import tqdm

    ausgabe = Path(ausgabe)
    pfad = berichte.vorlage_pfad(vorlage)
    vorlage_nb = load_notebook_node(str(pfad))  # wie papermill: jede Zelle erhält tags
    parameter = dict(parameter or {})
    pruefe_parameternamen(vorlage_nb, {**parameter, "kommune": ""}, vorlage)
    kommunen = [berichte.pruefe_kommune(k) for k in kommunen]
    namen = dict(zip(daten.gebiete()["ags"], daten.gebiete()["name"], strict=True))
    exporter = _exporter()
    ergebnisse: list[Ergebnis] = []
    with WarmerKernel(pfad.parent) as kernel:
        for kommune in tqdm(kommunen, desc="Berichte", unit="Bericht", disable=not fortschritt):
            start = time.perf_counter()
            nb = parameterize_notebook(
                copy.deepcopy(vorlage_nb), {**parameter, "kommune": kommune}, report_mode=False
            )
            nb.metadata["title"] = f"{berichte.VORLAGEN[vorlage].titel} {namen[kommune]}"
            try:
                kernel.fuehre_aus(nb)
                datei = schreibe_atomar(ausgabe / f"{kommune}.html", als_html(nb, exporter))
                fehler = None
            except (CellExecutionError, DeadKernelError) as exc:
                datei, fehler = None, _fehlertext(exc)
            ergebnisse.append(
                Ergebnis(kommune, namen[kommune], datei, fehler, time.perf_counter() - start)
            )
    schreibe_index(ergebnisse, ausgabe, vorlage)
    return ergebnisse


def schreibe_index(ergebnisse: Iterable[Ergebnis], ausgabe: Path, vorlage: str) -> Path:
    """Übersichtsseite aller Berichte mit Status (Namen aus Daten werden maskiert)."""
    zeilen = []
    for e in sorted(ergebnisse, key=lambda e: e.kommune):
        if e.ok:
            status = "fertig"
            link = f'<a href="{html.escape(e.datei.name)}">{html.escape(e.name)}</a>'
        else:
            status = f"fehlgeschlagen: {html.escape(e.fehler or '')}"
            link = html.escape(e.name)
        zeilen.append(
            f"<tr><td>{html.escape(e.kommune)}</td><td>{link}</td>"
            f'<td class="{"ok" if e.ok else "fehler"}">{status}</td></tr>'
        )
    stil = (_VORLAGEN_STIL / "bericht.css").read_text(encoding="utf-8")
    titel = berichte.VORLAGEN[vorlage].titel_mehrzahl
    seite = f"""<!DOCTYPE html>
<html lang="de">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>{html.escape(titel)}</title>
<style>
{stil}
td.ok {{ color: #1b7837; }}
td.fehler {{ color: #b35806; }}
</style>
</head>
<body class="bimo-bericht">
<main>
<h1>{html.escape(titel)}</h1>
<p>Erstellt am {date.today().strftime("%d.%m.%Y")} mit bimo aus der Vorlage
„{html.escape(vorlage)}“. {berichte.QUELLENVERMERK}</p>
<table class="bimo-tabelle">
<thead><tr><th>Schlüssel</th><th>Kommune</th><th>Status</th></tr></thead>
<tbody>
{chr(10).join(zeilen)}
</tbody>
</table>
</main>
</body>
</html>
"""
    return schreibe_atomar(ausgabe / "index.html", seite)
