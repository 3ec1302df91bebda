"""Viele Berichte aus einer Vorlage: Parameter einsetzen, ausführen, als HTML schreiben.

Ein Kernelstart kostet mehr als ein ganzer Bericht (gemessen mit bench/berichte.py: 2,8–3,7 s
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

import hashlib
import json
import multiprocessing
import multiprocessing.util
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from functools import lru_cache
from importlib.resources import files
from pathlib import Path

import nbformat
from papermill.inspection import _infer_parameters
from papermill.iorw import load_notebook_node

from bimo import daten
from bimo.berichte import datenbasis, vorlagen
from bimo.berichte import parameter as berichtsparameter
from bimo.berichte.arbeiter import (
    Auftrag,
    WarmerKernel,
    arbeiter_bericht,
    ein_bericht,
    starte_arbeiter,
)
from bimo.berichte.ausgabe import Ergebnis, neuer_exporter, schreibe_index
from bimo.fehler import ParameterFehler
from bimo.kern.dateien import schreibe_atomar
from bimo.kern.pdf import chromium

STANDDATEI = ".bimo-stand.json"


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


@lru_cache(maxsize=1)
def _stand_von_daten_und_code() -> str:
    """Prüfsumme über die Beispieldaten und den Quelltext von bimo (einmal je Prozess)."""
    pruefsumme = hashlib.sha256()
    bimo_ordner = Path(str(files("bimo")))
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
    docx: bool = False,
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
    pfad = vorlagen.vorlage_pfad(vorlage)
    vorlage_nb = load_notebook_node(str(pfad))  # wie papermill: jede Zelle erhält tags
    parameter = dict(parameter or {})
    pruefe_parameternamen(vorlage_nb, {**parameter, "kommune": ""}, vorlage)
    parameter = berichtsparameter.pruefe_parameter(parameter)
    if "daten" in parameter and parameter["daten"] != datenbasis.MUSTERLAND:
        parameter["daten"] = str(Path(str(parameter["daten"])).expanduser().resolve())
    if vorlagen.vorlage(vorlage).ein_thema and parameter.get("thema") == vorlagen.ALLE:
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
    namen = {k: basis.name(k) for k in kommunen}
    quellen = basis.quellen
    je_ebene = {"Kreis": tuple(quellen)}
    if any(len(k) == 8 for k in kommunen):  # Gemeindeprofile: auch die Gemeindetabellen
        je_ebene["Gemeinde"] = tuple(basis.gemeindebasis().quellen)
    auftrag = Auftrag(vorlage, pfad, parameter, ausgabe, namen, pdf, je_ebene, docx)

    alt = _lies_stand(ausgabe) if fortsetzen else {}
    stand = {k: fingerabdruck(pfad, {**parameter, "pdf": pdf, "docx": docx}, k) for k in kommunen}
    ergebnisse: list[Ergebnis] = []
    offen = []
    for k in kommunen:
        endungen = ("html", *(["pdf"] if pdf else []), *(["docx"] if docx else []))
        fertig = all((ausgabe / f"{k}.{e}").is_file() for e in endungen)
        if fortsetzen and alt.get(k) == stand[k] and fertig:
            ergebnisse.append(Ergebnis(k, namen[k], ausgabe / f"{k}.html", None, 0.0, True))
        else:
            offen.append(k)

    balken = tqdm(total=len(offen), desc="Berichte", unit="Bericht", disable=not fortschritt)
    try:
        if cluster is not None and offen:
            from bimo.berichte.cluster import berichte_auf_cluster

            for ergebnis in berichte_auf_cluster(cluster, auftrag, offen):
                ergebnisse.append(ergebnis)
                balken.update()
        elif jobs == 1 or len(offen) <= 1:
            with WarmerKernel(pfad.parent) as kernel:
                exporter = neuer_exporter()
                for kommune in offen:
                    ergebnisse.append(ein_bericht(auftrag, kernel, vorlage_nb, exporter, kommune))
                    balken.update()
        else:
            with ProcessPoolExecutor(
                max_workers=min(jobs, len(offen)),
                mp_context=multiprocessing.get_context("spawn"),
                initializer=starte_arbeiter,
                initargs=(auftrag,),
            ) as pool:
                try:
                    for zukunft in as_completed(pool.submit(arbeiter_bericht, k) for k in offen):
                        ergebnisse.append(zukunft.result())
                        balken.update()
                except BrokenProcessPool:
                    abgebrochen = True
                else:
                    abgebrochen = False
            if abgebrochen:
                # Ein Arbeitsprozess ist abgestürzt (z. B. sein Kernel startete nicht): die
                # übrigen Berichte hier nacheinander bauen, statt den ganzen Lauf zu verlieren.
                erledigt = {e.kommune for e in ergebnisse}
                with WarmerKernel(pfad.parent) as kernel:
                    exporter = neuer_exporter()
                    for kommune in [k for k in offen if k not in erledigt]:
                        ergebnisse.append(
                            ein_bericht(auftrag, kernel, vorlage_nb, exporter, kommune)
                        )
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
