"""Ein Bericht nach dem anderen in einem warmen Kernel – im Hauptprozess, in einem
Arbeitsprozess (``--jobs``) oder auf einem Dask-Worker (``--cluster``)."""

from __future__ import annotations

import copy
import multiprocessing
import multiprocessing.util
import time
from dataclasses import dataclass, field
from pathlib import Path

import nbformat
from jupyter_client.manager import KernelManager
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, DeadKernelError
from nbconvert import HTMLExporter
from papermill.iorw import load_notebook_node
from papermill.parameterize import parameterize_notebook

from bimo.berichte import vorlagen
from bimo.berichte.ausgabe import (
    Ergebnis,
    als_html,
    hinweiszeilen,
    neuer_exporter,
    schreibe_tabellen,
)
from bimo.berichte.word import schreibe_docx
from bimo.kern.dateien import schreibe_atomar
from bimo.kern.pdf import PdfFehler, drucke_pdf

ZELLEN_ZEITLIMIT = 300  # Sekunden je Zelle
KERNEL_VERSUCHE = 3  # Kernelstarts, bevor ein Arbeitsprozess aufgibt
_RESET_TAG = "bimo-namensraum-leeren"


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

    def _starte(self, versuche: int = KERNEL_VERSUCHE) -> None:
        """Startet den Kernel; scheitert der Start (zwei Prozesse griffen zugleich nach
        demselben freien Port: „Address already in use“), ein neuer Versuch mit neuen Ports."""
        for versuch in range(1, versuche + 1):
            self.km = KernelManager(kernel_name="python3")
            try:
                self.km.start_kernel(
                    cwd=str(self.arbeitsordner), extra_arguments=["--IPKernelApp.log_level=ERROR"]
                )
                self.kc = self.km.client()
                self.kc.start_channels()
                self.kc.wait_for_ready(timeout=60)
                return
            except (RuntimeError, OSError, TimeoutError):
                self._beende()
                if versuch == versuche:
                    raise
                time.sleep(0.5 * versuch)

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


def fehlertext(fehler: Exception) -> str:
    if isinstance(fehler, CellExecutionError):
        if fehler.ename.endswith("Fehler"):  # bimo-Fehler: schon deutsch formuliert
            return str(fehler.evalue)
        return f"Unerwarteter Fehler im Bericht ({fehler.ename}): {fehler.evalue}"
    if isinstance(fehler, DeadKernelError):
        return "Der Python-Kernel ist während des Berichts abgestürzt."
    if isinstance(fehler, PdfFehler):
        return str(fehler)
    return f"{type(fehler).__name__}: {fehler}"


@dataclass
class Auftrag:
    """Was jeder Bericht eines Laufs teilt (auch über Prozessgrenzen hinweg)."""

    vorlage: str
    vorlage_pfad: Path
    parameter: dict[str, object]
    ausgabe: Path
    namen: dict[str, str]
    pdf: bool = False
    # Quellenvermerk und Lizenz für CSV und XLSX – je Berichtsebene („Kreis“, „Gemeinde“:
    # ein Gemeindeprofil nennt auch die Gemeindetabelle)
    quellen: dict[str, tuple[str, ...]] = field(default_factory=dict)
    docx: bool = False  # zusätzlich eine Word-Datei je Bericht


def ein_bericht(
    auftrag: Auftrag,
    kernel: WarmerKernel,
    vorlage_nb: nbformat.NotebookNode,
    exporter: HTMLExporter,
    kommune: str,
) -> Ergebnis:
    start = time.perf_counter()
    nb = parameterize_notebook(
        copy.deepcopy(vorlage_nb), {**auftrag.parameter, "kommune": kommune}, report_mode=False
    )
    name = auftrag.namen[kommune]
    nb.metadata["title"] = f"{vorlagen.VORLAGEN[auftrag.vorlage].titel} {name}"
    try:
        kernel.fuehre_aus(nb)
        datei = schreibe_atomar(auftrag.ausgabe / f"{kommune}.html", als_html(nb, exporter))
        quellen = auftrag.quellen.get("Gemeinde" if len(kommune) == 8 else "Kreis", ())
        mindestfallzahl = int(auftrag.parameter.get("mindestfallzahl", 3))  # type: ignore[call-overload]
        schreibe_tabellen(nb, auftrag.ausgabe / kommune, quellen, mindestfallzahl)
        if auftrag.docx:
            schreibe_docx(nb, datei.with_suffix(".docx"), hinweiszeilen(quellen, mindestfallzahl))
        if auftrag.pdf:
            drucke_pdf(datei, datei.with_suffix(".pdf"))
        fehler = None
    except (CellExecutionError, DeadKernelError, PdfFehler) as exc:
        datei, fehler = None, fehlertext(exc)
    return Ergebnis(kommune, name, datei, fehler, time.perf_counter() - start)


# Zustand eines Arbeitsprozesses (nur bei jobs > 1): ein warmer Kernel je Prozess.
ARBEITER: dict[str, object] = {}


def starte_arbeiter(auftrag: Auftrag) -> None:
    kernel = WarmerKernel(auftrag.vorlage_pfad.parent).__enter__()
    # beim Ende des Prozesses den Kernel sauber beenden (atexit läuft dort nicht)
    multiprocessing.util.Finalize(kernel, kernel.__exit__, exitpriority=10)
    ARBEITER.update(
        auftrag=auftrag,
        kernel=kernel,
        vorlage_nb=load_notebook_node(str(auftrag.vorlage_pfad)),
        exporter=neuer_exporter(),
    )


def arbeiter_bericht(kommune: str) -> Ergebnis:
    a = ARBEITER
    return ein_bericht(a["auftrag"], a["kernel"], a["vorlage_nb"], a["exporter"], kommune)


def arbeiter_auftrag() -> Auftrag | None:
    """Der Auftrag, für den dieser Prozess gerade einen warmen Kernel hält (oder None)."""
    return ARBEITER.get("auftrag")  # type: ignore[return-value]


def beende_arbeiter() -> WarmerKernel | None:
    """Vergisst den Zustand des Arbeitsprozesses und gibt seinen Kernel zum Beenden zurück."""
    kernel = ARBEITER.get("kernel")
    ARBEITER.clear()
    return kernel  # type: ignore[return-value]
