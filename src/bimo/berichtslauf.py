"""Viele Berichte aus einer Vorlage: Parameter einsetzen, ausführen, als HTML schreiben.

Ein Kernelstart kostet mehr als ein ganzer Bericht (siehe DESIGN.md: 2,8–3,7 s
je Bericht mit papermill auf der Kommandozeile, davon 0,15 s eigene Zellen).
Deshalb startet :class:`WarmerKernel` einen Kernel einmal und führt darin
Bericht um Bericht aus; vor jedem Bericht wird der Namensraum geleert
(``%reset -f``), Module bleiben geladen.

Jeder Bericht wird atomar geschrieben; scheitert einer, laufen die anderen
weiter, und der Fehler steht im Index und im Rückgabewert.

Mit ``jobs > 1`` arbeiten mehrere Prozesse (``concurrent.futures``), jeder mit
seinem eigenen warmen Kernel. Mit ``fortsetzen=True`` werden Berichte
übersprungen, deren Datei vorliegt und deren Eingaben (Vorlage, Parameter,
Daten, bimo) sich seit dem letzten Lauf nicht geändert haben; den Stand hält
``.bimo-stand.json`` im Ausgabeordner.
"""

from __future__ import annotations

import copy
import csv
import hashlib
import html
import io
import json
import multiprocessing
import multiprocessing.util
import re
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path

import nbformat
from jupyter_client.manager import KernelManager
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, DeadKernelError
from nbconvert import HTMLExporter
from papermill.inspection import _infer_parameters
from papermill.iorw import load_notebook_node
from papermill.parameterize import parameterize_notebook

from bimo import berichte, daten, datenbasis
from bimo.darstellung import TABELLE_MIME
from bimo.dateien import schreibe_atomar
from bimo.fehler import ParameterFehler

ZELLEN_ZEITLIMIT = 300  # Sekunden je Zelle
STANDDATEI = ".bimo-stand.json"
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
    uebersprungen: bool = False  # mit fortsetzen: Datei aktuell, nicht neu gebaut

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
    exporter.language_code = "de"  # <html lang="de">
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
    if isinstance(fehler, PdfFehler):
        return str(fehler)
    return f"{type(fehler).__name__}: {fehler}"


@lru_cache(maxsize=1)
def _stand_von_daten_und_code() -> str:
    """Prüfsumme über die Beispieldaten und den Quelltext von bimo (einmal je Prozess)."""
    pruefsumme = hashlib.sha256()
    bimo_ordner = Path(berichte.__file__).resolve().parent
    for ordner in (daten.datenordner(), bimo_ordner):
        for datei in sorted(p for p in ordner.rglob("*") if p.is_file()):
            if "__pycache__" in datei.parts:
                continue
            pruefsumme.update(datei.relative_to(ordner).as_posix().encode())
            pruefsumme.update(datei.read_bytes())
    return pruefsumme.hexdigest()


@lru_cache(maxsize=8)
def _stand_des_ordners(ordner: str) -> str:
    """Prüfsumme über die Dateien eines Datenordners (einmal je Prozess und Ordner)."""
    pruefsumme = hashlib.sha256()
    for datei in sorted(p for p in Path(ordner).iterdir() if p.is_file()):
        pruefsumme.update(datei.name.encode())
        pruefsumme.update(datei.read_bytes())
    return pruefsumme.hexdigest()


def fingerabdruck(vorlage_pfad: Path, parameter: dict[str, object], kommune: str) -> str:
    """Was einen Bericht bestimmt: Vorlage, Parameter, Kommune, Daten und bimo."""
    pruefsumme = hashlib.sha256(vorlage_pfad.read_bytes())
    eingaben = {**parameter, "kommune": kommune}
    pruefsumme.update(json.dumps(eingaben, sort_keys=True, default=str).encode())
    pruefsumme.update(_stand_von_daten_und_code().encode())
    quelle = str(parameter.get("daten", datenbasis.MUSTERLAND))
    if quelle != datenbasis.MUSTERLAND:
        pruefsumme.update(_stand_des_ordners(quelle).encode())
    return pruefsumme.hexdigest()


def _lies_stand(ausgabe: Path) -> dict[str, str]:
    try:
        stand = json.loads((ausgabe / STANDDATEI).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return stand if isinstance(stand, dict) else {}


@dataclass
class _Auftrag:
    """Was jeder Bericht eines Laufs teilt (auch über Prozessgrenzen hinweg)."""

    vorlage: str
    vorlage_pfad: Path
    parameter: dict[str, object]
    ausgabe: Path
    namen: dict[str, str]
    pdf: bool = False


def _ein_bericht(
    auftrag: _Auftrag,
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
    nb.metadata["title"] = f"{berichte.VORLAGEN[auftrag.vorlage].titel} {name}"
    try:
        kernel.fuehre_aus(nb)
        datei = schreibe_atomar(auftrag.ausgabe / f"{kommune}.html", als_html(nb, exporter))
        schreibe_tabellen(nb, auftrag.ausgabe / kommune)
        if auftrag.pdf:
            drucke_pdf(datei, datei.with_suffix(".pdf"))
        fehler = None
    except (CellExecutionError, DeadKernelError, PdfFehler) as exc:
        datei, fehler = None, _fehlertext(exc)
    return Ergebnis(kommune, name, datei, fehler, time.perf_counter() - start)


# --- veröffentlichte Tabellen als CSV und XLSX --------------------------------------------


def tabellen_aus(nb: nbformat.NotebookNode) -> list[dict]:
    """Die veröffentlichten Tabellen eines ausgeführten Berichts (so, wie angezeigt)."""
    return [
        ausgabe["data"][TABELLE_MIME]
        for zelle in nb.cells
        if zelle.cell_type == "code"
        for ausgabe in zelle.get("outputs", [])
        if TABELLE_MIME in ausgabe.get("data", {})
    ]


def _blattname(titel: str, vergeben: set[str]) -> str:
    name = re.sub(r"[\\/*?:\[\]]", "-", titel)[:28] or "Tabelle"
    kandidat, n = name, 2
    while kandidat.lower() in vergeben:
        kandidat, n = f"{name[:25]} ({n})", n + 1
    vergeben.add(kandidat.lower())
    return kandidat


def schreibe_tabellen(nb: nbformat.NotebookNode, stamm: Path) -> list[Path]:
    """``<stamm>.csv`` und ``<stamm>.xlsx`` mit allen veröffentlichten Tabellen des Berichts.

    Die Zellen sind die angezeigten Texte – gesperrte Werte bleiben „.“, nichts wird aus
    den Rohdaten nachgeladen. Die CSV (Semikolon, UTF-8 mit BOM für Excel) enthält die
    Tabellen nacheinander, jede mit ihrem Titel in der ersten Zeile; die XLSX je Tabelle ein
    Blatt.
    """
    import pandas as pd

    tabellen = tabellen_aus(nb)
    if not tabellen:
        return []
    text = io.StringIO()
    schreiber = csv.writer(text, delimiter=";", lineterminator="\r\n")
    for i, t in enumerate(tabellen):
        if i:
            schreiber.writerow([])
        schreiber.writerow([t["titel"]])
        schreiber.writerow(t["spalten"])
        schreiber.writerows(t["zeilen"])
    puffer = io.BytesIO()
    vergeben: set[str] = set()
    with pd.ExcelWriter(puffer, engine="openpyxl") as excel:
        for t in tabellen:
            blatt = _blattname(t["titel"], vergeben)
            kopf = pd.DataFrame([[t["titel"]]])
            kopf.to_excel(excel, sheet_name=blatt, index=False, header=False)
            pd.DataFrame(t["zeilen"], columns=t["spalten"]).to_excel(
                excel, sheet_name=blatt, index=False, startrow=2
            )
    return [
        schreibe_atomar(stamm.with_suffix(".csv"), "\ufeff" + text.getvalue()),
        schreibe_atomar(stamm.with_suffix(".xlsx"), puffer.getvalue()),
    ]


# --- PDF mit Chromium aus Debian ----------------------------------------------------------


class PdfFehler(RuntimeError):
    """Chromium fehlt oder konnte das PDF nicht drucken."""


def chromium() -> str:
    """Pfad des Chromium (Debian-Paket ``chromium``); sonst ein deutscher Fehler."""
    for name in ("chromium", "chromium-browser"):
        if pfad := shutil.which(name):
            return pfad
    raise ParameterFehler(
        "Für PDF-Berichte wird Chromium gebraucht (kein Download: das Debian-Paket, "
        "`apt-get install chromium`). Ohne --pdf entstehen nur HTML, CSV und XLSX."
    )


def drucke_pdf(html_datei: Path, pdf_datei: Path) -> Path:
    """Druckt ``html_datei`` mit kopflosem Chromium als PDF (atomar, ohne Netz)."""
    with tempfile.TemporaryDirectory(prefix="bimo-chromium-") as profil:
        ziel = Path(profil) / "bericht.pdf"
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
            "--no-pdf-header-footer",
            f"--user-data-dir={profil}",
            f"--print-to-pdf={ziel}",
            html_datei.resolve().as_uri(),
        ]
        lauf = subprocess.run(befehl, capture_output=True, timeout=120, check=False)
        if lauf.returncode != 0 or not ziel.is_file() or ziel.stat().st_size == 0:
            raise PdfFehler(
                f"Chromium konnte {html_datei.name} nicht als PDF drucken "
                f"(Rückgabewert {lauf.returncode})."
            )
        return schreibe_atomar(pdf_datei, ziel.read_bytes())


# Zustand eines Arbeitsprozesses (nur bei jobs > 1): ein warmer Kernel je Prozess.
_ARBEITER: dict[str, object] = {}


def _arbeiter_start(auftrag: _Auftrag) -> None:
    kernel = WarmerKernel(auftrag.vorlage_pfad.parent).__enter__()
    # beim Ende des Prozesses den Kernel sauber beenden (atexit läuft dort nicht)
    multiprocessing.util.Finalize(kernel, kernel.__exit__, exitpriority=10)
    _ARBEITER.update(
        auftrag=auftrag,
        kernel=kernel,
        vorlage_nb=load_notebook_node(str(auftrag.vorlage_pfad)),
        exporter=_exporter(),
    )


def _arbeiter_bericht(kommune: str) -> Ergebnis:
    a = _ARBEITER
    return _ein_bericht(a["auftrag"], a["kernel"], a["vorlage_nb"], a["exporter"], kommune)


def baue_berichte(
    vorlage: str,
    kommunen: Sequence[str] | None,
    ausgabe: Path | str,
    *,
    parameter: dict[str, object] | None = None,
    fortschritt: bool = True,
    jobs: int = 1,
    fortsetzen: bool = False,
    pdf: bool = False,
    cluster: str | None = None,
) -> list[Ergebnis]:
    """Erzeugt ``<AGS>.html`` (dazu ``.csv``, ``.xlsx``, mit ``pdf`` auch ``.pdf``) je
    Kommune und ``index.html`` im Ordner ``ausgabe``.

    ``kommunen``: Schlüssel; ``None`` = alle Kreise der Datenbasis. ``parameter`` gelten für
    alle Berichte (z. B. ``{"jahr": 2024, "daten": "ordner/"}``); ``kommune`` wird je Bericht
    gesetzt. Ungültige Parameter brechen vor dem ersten Bericht ab. ``jobs``: so viele
    Prozesse mit je einem warmen Kernel. ``fortsetzen``: aktuelle Berichte aus einem
    früheren Lauf nicht neu bauen. ``cluster``: Adresse eines Dask-Schedulers (z. B.
    ``tcp://rechner:8786``); dann bauen dessen Worker die Berichte, ``jobs`` gilt nicht.
    """
    from tqdm import tqdm

    if jobs < 1:
        raise ParameterFehler(f"--jobs muss mindestens 1 sein, nicht {jobs}.")
    ausgabe = Path(ausgabe)
    pfad = berichte.vorlage_pfad(vorlage)
    vorlage_nb = load_notebook_node(str(pfad))  # wie papermill: jede Zelle erhält tags
    parameter = dict(parameter or {})
    pruefe_parameternamen(vorlage_nb, {**parameter, "kommune": ""}, vorlage)
    parameter = berichte.pruefe_parameter(parameter)
    if "daten" in parameter and parameter["daten"] != datenbasis.MUSTERLAND:
        parameter["daten"] = str(Path(str(parameter["daten"])).expanduser().resolve())
    if vorlage == "bildungsjournal" and parameter.get("thema") == berichte.ALLE:
        raise ParameterFehler(
            "Das Bildungsjournal behandelt genau ein Themenfeld: Geben Sie --thema an, "
            'z. B. --thema "Frühkindliche Bildung".'
        )
    if pdf:
        chromium()  # fehlt Chromium, vor dem ersten Bericht abbrechen
    basis = datenbasis.lade(parameter.get("daten", datenbasis.MUSTERLAND))
    if kommunen is None:
        kommunen = list(basis.kreise["ags"])
    kommunen = list(dict.fromkeys(basis.pruefe_kommune(k) for k in kommunen))
    namen = dict(zip(basis.gebiete["ags"], basis.gebiete["name"], strict=True))
    auftrag = _Auftrag(vorlage, pfad, parameter, ausgabe, namen, pdf)
    quellen = basis.quellen

    alt = _lies_stand(ausgabe) if fortsetzen else {}
    stand = {k: fingerabdruck(pfad, {**parameter, "pdf": pdf}, k) for k in kommunen}
    ergebnisse: list[Ergebnis] = []
    offen = []
    for k in kommunen:
        fertig = all((ausgabe / f"{k}.{e}").is_file() for e in ("html", *(["pdf"] if pdf else [])))
        if fortsetzen and alt.get(k) == stand[k] and fertig:
            ergebnisse.append(Ergebnis(k, namen[k], ausgabe / f"{k}.html", None, 0.0, True))
        else:
            offen.append(k)

    balken = tqdm(total=len(offen), desc="Berichte", unit="Bericht", disable=not fortschritt)
    try:
        if cluster is not None and offen:
            from bimo.cluster import berichte_auf_cluster

            for ergebnis in berichte_auf_cluster(cluster, auftrag, offen):
                ergebnisse.append(ergebnis)
                balken.update()
        elif jobs == 1 or len(offen) <= 1:
            with WarmerKernel(pfad.parent) as kernel:
                exporter = _exporter()
                for kommune in offen:
                    ergebnisse.append(_ein_bericht(auftrag, kernel, vorlage_nb, exporter, kommune))
                    balken.update()
        else:
            with ProcessPoolExecutor(
                max_workers=min(jobs, len(offen)),
                mp_context=multiprocessing.get_context("spawn"),
                initializer=_arbeiter_start,
                initargs=(auftrag,),
            ) as pool:
                for zukunft in as_completed(pool.submit(_arbeiter_bericht, k) for k in offen):
                    ergebnisse.append(zukunft.result())
                    balken.update()
    finally:
        balken.close()
        # auch nach einem Abbruch: Stand der fertigen Berichte festhalten
        fertig = {e.kommune: stand[e.kommune] for e in ergebnisse if e.ok}
        neu = {**{k: v for k, v in alt.items() if k not in stand}, **fertig}
        ausgabe.mkdir(parents=True, exist_ok=True)
        schreibe_atomar(ausgabe / STANDDATEI, json.dumps(neu, indent=1, sort_keys=True))
    reihenfolge = {k: i for i, k in enumerate(kommunen)}
    ergebnisse.sort(key=lambda e: reihenfolge[e.kommune])
    schreibe_index(ergebnisse, ausgabe, vorlage, quellen)
    return ergebnisse


def schreibe_index(
    ergebnisse: Iterable[Ergebnis],
    ausgabe: Path,
    vorlage: str,
    quellen: Sequence[str] = (berichte.QUELLENVERMERK,),
) -> Path:
    """Übersichtsseite aller Berichte mit Status und Downloads (Namen aus Daten maskiert)."""
    zeilen = []
    ergebnisse = list(ergebnisse)
    for e in sorted(ergebnisse, key=lambda e: e.kommune):
        if e.ok:
            status = "fertig (unverändert)" if e.uebersprungen else "fertig"
            link = f'<a href="{html.escape(e.datei.name)}">{html.escape(e.name)}</a>'
            downloads = " · ".join(
                f'<a href="{html.escape(e.kommune)}.{endung}">{endung.upper()}</a>'
                for endung in ("pdf", "xlsx", "csv")
                if (ausgabe / f"{e.kommune}.{endung}").is_file()
            )
        else:
            status = f"fehlgeschlagen: {html.escape(e.fehler or '')}"
            link, downloads = html.escape(e.name), ""
        zeilen.append(
            f"<tr><td>{html.escape(e.kommune)}</td><td>{link}</td><td>{downloads}</td>"
            f'<td class="{"ok" if e.ok else "fehler"}">{status}</td></tr>'
        )
    fertig = sum(e.ok for e in ergebnisse)
    stil = (_VORLAGEN_STIL / "bericht.css").read_text(encoding="utf-8")
    titel = berichte.VORLAGEN[vorlage].titel_mehrzahl
    quellentext = "".join(f"<li>{html.escape(q)}</li>" for q in quellen)
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
„{html.escape(vorlage)}“: {fertig} von {len(ergebnisse)} Berichten fertig.
Tabellen als CSV und XLSX enthalten genau die veröffentlichten (geheim gehaltenen) Zahlen.</p>
<table class="bimo-tabelle">
<thead><tr><th>Schlüssel</th><th>Kommune</th><th>Downloads</th><th>Status</th></tr></thead>
<tbody>
{chr(10).join(zeilen)}
</tbody>
</table>
<h2>Datenquellen und Lizenz</h2>
<ul>{quellentext}</ul>
</main>
</body>
</html>
"""
    return schreibe_atomar(ausgabe / "index.html", seite)
