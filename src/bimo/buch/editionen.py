"""Zwei Ausgaben aus einer Quelle: Übungen für Teilnehmende und für Trainerinnen und Trainer.

Jede Übung unter ``exercises/`` wird einmal geschrieben – mit ihrer Lösung. Daraus
entstehen

- die **Ausgabe für Teilnehmende** (öffentliches Buch, ``make book``): eine Kopie jedes
  Übungs-Notebooks ohne Lösung, erzeugt mit :func:`lernendenfassung`;
- die **Ausgabe für Trainerinnen und Trainer** (``make trainer``): die Quellen mit
  Lösungen und dazu der Trainerleitfaden.

Als Lösung gilt (siehe CONTRIBUTING.md, „Eine Übung hinzufügen“):

1. alles von einer Zeile ````` ````{solution-start} <label> ````` bis einschließlich
   ````` ````{solution-end} ````` – auch die Zellen dazwischen, Code wie Text;
2. jede Code-Zelle mit dem Tag ``loesung``, wo immer sie steht.

Alles andere bleibt, wie es ist, in derselben Reihenfolge. An der Stelle der Lösung
steht in der Kopie ein kurzer Hinweis (Metadaten ``bimo.ausgabe = "hinweis"``).

Aufruf ohne weitere Werkzeuge::

    python -m bimo.buch.editionen lernende   # Quellbaum des öffentlichen Buchs: _build/lernende/
    python -m bimo.buch.editionen trainer    # Konfiguration der Trainerausgabe: _build/trainer/
    python -m bimo.buch.editionen pruefen    # Quellen und erzeugte Kopien prüfen
"""

from __future__ import annotations

import argparse
import copy
import json
import os
import re
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import nbformat

from bimo.buch.wurzel import buchwurzel

LOESUNG_TAG = "loesung"
"""Tag der Code-Zellen, die zur Lösung gehören."""

MUSTER_UEBUNG = "uebung_*.ipynb"

_START = re.compile(r"^[ \t]*(`{3,}|:{3,})[ \t]*\{solution-start\}.*$", re.M)
_ENDE = re.compile(
    r"^[ \t]*(`{3,}|:{3,})[ \t]*\{solution-end\}[ \t]*\n?(?:[ \t]*\1[ \t]*(?:\n|$))?", re.M
)
_SOLUTION = re.compile(r"\{solution(?:-start|-end)?\}")

HINWEIS = """```{admonition} Zur Lösung
:class: tip

Prüfen Sie Ihre Antwort mit der Selbstkontrolle oben: Sie erkennt typische Fehler und
wird mit jedem Versuch konkreter. Die ausführliche Lösung mit den häufigsten
Fehlern besprechen Sie in der Fachgruppe oder Bildungswerkstatt.
```"""

WURZEL = buchwurzel()


class EditionFehler(ValueError):
    """Eine Übungsquelle lässt sich nicht eindeutig in Aufgabe und Lösung trennen."""


@dataclass(frozen=True)
class Loesungsstelle:
    """Ein Stück Lösung in einer Übungsquelle."""

    zelle: int
    """Index der Zelle im Notebook."""
    art: str
    """``"block"`` (zwischen solution-start und solution-end) oder ``"tag"`` (Tag ``loesung``)."""
    text: str
    """Der Lösungstext dieser Zelle (bei Markdown nur der Teil innerhalb des Blocks)."""
    ausgabe: str
    """Text der gespeicherten Ausgaben einer Code-Zelle (leer bei Markdown)."""


def _tags(zelle) -> list[str]:  # noqa: ANN001 – NotebookNode
    return list(zelle.get("metadata", {}).get("tags", []))


def _ausgabetext(zelle) -> str:  # noqa: ANN001 – NotebookNode
    teile = []
    for ausgabe in zelle.get("outputs", []) or []:
        if ausgabe.get("output_type") == "stream":
            text = ausgabe.get("text", "")
            teile.append("".join(text) if isinstance(text, list) else text)
        elif "data" in ausgabe:
            for art in ("text/plain", "text/markdown", "text/html"):
                if art in ausgabe["data"]:
                    wert = ausgabe["data"][art]
                    teile.append("".join(wert) if isinstance(wert, list) else wert)
    return "\n".join(teile)


def _zerlege(nb, name: str = "Notebook") -> list[tuple[int, str, str, str]]:  # noqa: ANN001
    """Teilt jede Zelle in Stücke ``(index, art, text_ausserhalb, text_innerhalb)``.

    ``art`` ist ``"block"``, ``"tag"`` oder ``""``. Eine Markdown-Zelle, in der ein
    Lösungsblock beginnt oder endet, liefert den Text außerhalb und innerhalb getrennt.
    """
    stuecke = []
    innen = False
    for i, zelle in enumerate(nb.cells):
        quelle = zelle.source
        if zelle.cell_type == "code" and LOESUNG_TAG in _tags(zelle):
            stuecke.append((i, "tag", "", quelle))
            continue
        if zelle.cell_type != "markdown":
            stuecke.append(
                (i, "block" if innen else "", "" if innen else quelle, quelle if innen else "")
            )
            continue
        aussen, drinnen, rest = [], [], quelle
        while rest:
            if not innen:
                m = _START.search(rest)
                if not m:
                    aussen.append(rest)
                    break
                aussen.append(rest[: m.start()])
                rest = rest[m.start() :]
                innen = True
            else:
                m = _ENDE.search(rest)
                if not m:
                    drinnen.append(rest)
                    break
                drinnen.append(rest[: m.end()])
                rest = rest[m.end() :]
                innen = False
        stuecke.append((i, "block" if drinnen else "", "".join(aussen), "".join(drinnen)))
    if innen:
        raise EditionFehler(f"{name}: „{{solution-start}}“ ohne „{{solution-end}}“.")
    return stuecke


def loesungsstellen(nb, name: str = "Notebook") -> list[Loesungsstelle]:  # noqa: ANN001
    """Alle Lösungsteile einer Übungsquelle, in der Reihenfolge der Zellen."""
    stellen = []
    for i, art, _aussen, innen in _zerlege(nb, name):
        if art:
            zelle = nb.cells[i]
            ausgabe = _ausgabetext(zelle) if zelle.cell_type == "code" else ""
            stellen.append(Loesungsstelle(i, art, innen, ausgabe))
    return stellen


def hat_loesung(nb) -> bool:  # noqa: ANN001
    """True, wenn das Notebook irgendeinen Lösungsteil enthält (Block, Direktive oder Tag)."""
    for zelle in nb.cells:
        if LOESUNG_TAG in _tags(zelle) or _SOLUTION.search(zelle.source):
            return True
    return False


def lernendenfassung(nb, name: str = "Notebook", *, hinweis: bool = True):  # noqa: ANN001
    """Kopie eines Übungs-Notebooks ohne Lösung.

    Lösungsblöcke und Zellen mit dem Tag ``loesung`` fallen weg, alle anderen Zellen
    bleiben mit Quelle und Metadaten in ihrer Reihenfolge. Gespeicherte Ausgaben,
    Ausführungszähler und der gespeicherte Widget-Zustand werden geleert (sie stammen
    aus einem Lauf mit Lösung); Teilnehmende führen das Notebook selbst aus. Die Kopie
    trägt ``metadata.bimo.ausgabe = "lernende"``.
    """
    stuecke = _zerlege(nb, name)
    neu = copy.deepcopy(nb)
    zellen = []
    hinweis_gesetzt = False
    for i, art, aussen, _innen in stuecke:
        zelle = copy.deepcopy(nb.cells[i])
        if art == "tag" or (art == "block" and zelle.cell_type != "markdown"):
            zelle = None
        elif art == "block":
            aussen = re.sub(r"\n{3,}", "\n\n", aussen).strip("\n")
            if aussen.strip():
                zelle.source = aussen
            else:
                zelle = None
        if art and hinweis and not hinweis_gesetzt:
            neu_hinweis = nbformat.v4.new_markdown_cell(
                HINWEIS, metadata={"bimo": {"ausgabe": "hinweis"}}
            )
            neu_hinweis["id"] = "bimo-hinweis-loesung"
            zellen.append(neu_hinweis)
            hinweis_gesetzt = True
        if zelle is not None:
            if zelle.cell_type == "code":
                zelle.outputs = []
                zelle.execution_count = None
            zellen.append(zelle)
    neu.cells = zellen
    neu.metadata.pop("widgets", None)
    neu.metadata["bimo"] = {"ausgabe": "lernende", "quelle": name}
    neu.nbformat, neu.nbformat_minor = 4, max(nb.get("nbformat_minor", 5), 5)
    for zelle in neu.cells:
        if "id" not in zelle:
            zelle["id"] = _zellen_id(name, zelle)
    return neu


def _zellen_id(name: str, zelle) -> str:  # noqa: ANN001
    """Feste Zellen-ID aus Name und Inhalt: die Kopie bleibt Byte für Byte gleich."""
    import zlib

    return f"{zlib.crc32((name + zelle.cell_type + zelle.source).encode('utf-8')):08x}"


def ist_hinweis(zelle) -> bool:  # noqa: ANN001
    """True für den Hinweis, der in der Kopie an der Stelle der Lösung steht."""
    return zelle.get("metadata", {}).get("bimo", {}).get("ausgabe") == "hinweis"


def aufgabenzellen(nb, name: str = "Notebook") -> list[tuple[str, str]]:  # noqa: ANN001
    """Die Zellen außerhalb der Lösung als ``(Zelltyp, Quelle)`` – zum Vergleich der Ausgaben."""
    if nb.get("metadata", {}).get("bimo", {}).get("ausgabe") == "lernende":
        return [(z.cell_type, z.source.strip("\n")) for z in nb.cells if not ist_hinweis(z)]
    ergebnis = []
    for i, art, aussen, _innen in _zerlege(nb, name):
        if art == "tag" or (art == "block" and nb.cells[i].cell_type != "markdown"):
            continue
        text = re.sub(r"\n{3,}", "\n\n", aussen).strip("\n") if art else aussen.strip("\n")
        if art and not text.strip():
            continue
        ergebnis.append((nb.cells[i].cell_type, text))
    return ergebnis


# --- Marken: woran man Lösungstext wiedererkennt -----------------------------------

_MARKUP = re.compile(r"[`*_{}\[\]()$<>|#\"'„“”‚‘’…]|--|\.\.\.|\\")


_SATZ = re.compile(r"[A-Za-zÄÖÜäöüß]{3,}(?:[ ,:;–-]+[A-Za-zÄÖÜäöüß]{3,}){3,}")


def _normal(text: str) -> str:
    return " ".join(text.split())


def loesungsmarken(
    nb,  # noqa: ANN001
    name: str = "Notebook",
    *,
    ausserhalb: str = "",
    mindestlaenge: int = 24,
) -> list[str]:
    """Kennzeichnende Textstücke der Lösung, an denen man ein Leck erkennt.

    - jede Code-Zeile der Lösung (ohne reine Kommentare), so wie sie auch in HTML nach
      Entfernen der Tags lesbar ist;
    - Zeilen der gespeicherten Ausgaben der Lösungszellen (etwa die Rückmeldungen der
      Selbstkontrolle auf eine falsche Antwort);
    - aus dem Lösungstext in Markdown die längeren Abschnitte ohne Auszeichnung
      (Sätze, wie sie auch auf der gebauten Seite stehen).

    Ein Stück zählt nur, wenn es mindestens ``mindestlaenge`` Zeichen hat und weder in
    den Aufgabenzellen desselben Notebooks (samt Ausgaben) noch in ``ausserhalb`` (etwa
    dem Text aller anderen Seiten) vorkommt. Leerraum ist vereinheitlicht.
    """
    aussen = [_normal(q) for _t, q in aufgabenzellen(nb, name)]
    for i, art, _a, _i in _zerlege(nb, name):
        if not art and nb.cells[i].cell_type == "code":
            aussen.append(_normal(_ausgabetext(nb.cells[i])))
    aussen_text = "\n".join(aussen) + "\n" + _normal(ausserhalb)

    kandidaten: list[str] = []
    for stelle in loesungsstellen(nb, name):
        zelle = nb.cells[stelle.zelle]
        if zelle.cell_type == "code":
            for zeile in stelle.text.splitlines():
                zeile = zeile.strip()
                if zeile.startswith("#"):
                    continue
                kandidaten.append(re.sub(r"\s+#.*$", "", zeile) if "  #" in zeile else zeile)
            for zeile in stelle.ausgabe.splitlines():
                if _SATZ.search(zeile):  # Rückmeldungen und Sätze, keine Tabellenzeilen
                    kandidaten.append(zeile.strip())
        else:
            im_code = False
            for zeile in stelle.text.splitlines():
                s = zeile.strip()
                if s.startswith(("```", ":::", "~~~")):
                    im_code = not im_code if not _SOLUTION.search(s) else im_code
                    continue
                if s.startswith(":") or _SOLUTION.search(s):
                    continue
                if im_code:
                    kandidaten.append(s)
                    continue
                kandidaten += [t.strip(" ,;:.!?–-") for t in _MARKUP.split(s)]
    marken = []
    for k in kandidaten:
        k = _normal(k)
        if len(k) >= mindestlaenge and k not in aussen_text and k not in marken:
            marken.append(k)
    return marken


# --- Dateien ------------------------------------------------------------------------


def uebungsquellen(wurzel: Path = WURZEL) -> list[Path]:
    """Die Übungsquellen (mit Lösungen), sortiert."""
    return sorted((wurzel / "exercises").glob(MUSTER_UEBUNG))


def _schreibe_wenn_neu(ziel: Path, text: str) -> bool:
    if ziel.is_symlink():
        ziel.unlink()
    if ziel.exists() and ziel.read_text(encoding="utf-8") == text:
        return False
    ziel.parent.mkdir(parents=True, exist_ok=True)
    ziel.write_text(text, encoding="utf-8")
    return True


def _verlinke(ziel: Path, quelle: Path) -> None:
    relativ = os.path.relpath(quelle, ziel.parent)
    if ziel.is_symlink() and os.readlink(ziel) == relativ:
        return
    if ziel.is_symlink() or ziel.is_file():
        ziel.unlink()
    elif ziel.is_dir():
        raise EditionFehler(f"{ziel}: ein Ordner steht im Weg; bitte löschen (make clean).")
    ziel.symlink_to(relativ)


# Was der Quellbaum der Ausgabe für Teilnehmende aus der Wurzel übernimmt (als Verweis).
GEMEINSAM = ("_config.yml", "_toc.yml", "book", "notebooks", "vendor_static")


def schreibe_lernende(wurzel: Path = WURZEL, ziel: Path | None = None) -> list[Path]:
    """Baut den Quellbaum des öffentlichen Buchs unter ``ziel`` (Vorgabe ``_build/lernende``).

    ``ziel/exercises/`` erhält die Übungen ohne Lösung; alles andere (``GEMEINSAM``)
    sind Verweise auf die Quellen. Jupyter Book baut daraus dieselben Seitenpfade wie aus
    der Wurzel. Eine Kopie wird nur neu geschrieben, wenn sich ihr Inhalt ändert.
    Liefert die Liste der neu geschriebenen Dateien.
    """
    ziel = Path(ziel) if ziel is not None else wurzel / "_build" / "lernende"
    ziel.mkdir(parents=True, exist_ok=True)
    for name in GEMEINSAM:
        if (wurzel / name).exists():
            _verlinke(ziel / name, wurzel / name)
    uebungen = ziel / "exercises"
    if uebungen.is_symlink():
        uebungen.unlink()
    uebungen.mkdir(exist_ok=True)
    geschrieben, erwartet = [], set()
    for datei in sorted((wurzel / "exercises").iterdir()):
        if datei.name.startswith((".", "_")):
            continue
        erwartet.add(datei.name)
        if datei.match(MUSTER_UEBUNG):
            nb = nbformat.read(datei, as_version=4)
            kopie = lernendenfassung(nb, f"exercises/{datei.name}")
            text = nbformat.writes(kopie) + "\n"
            if _schreibe_wenn_neu(uebungen / datei.name, text):
                geschrieben.append(uebungen / datei.name)
        else:
            _verlinke(uebungen / datei.name, datei)
    for alt in uebungen.iterdir():
        if alt.name not in erwartet:
            alt.unlink() if (alt.is_file() or alt.is_symlink()) else None
    return geschrieben


# --- Trainerausgabe: Konfiguration und Inhaltsverzeichnis ----------------------------


def _verschmelze(basis: dict, zusatz: dict) -> dict:
    ergebnis = dict(basis)
    for schluessel, wert in zusatz.items():
        if isinstance(wert, dict) and isinstance(ergebnis.get(schluessel), dict):
            ergebnis[schluessel] = _verschmelze(ergebnis[schluessel], wert)
        else:
            ergebnis[schluessel] = wert
    return ergebnis


def _toc_dateien(eintraege: Iterable[dict]) -> list[str]:
    dateien = []
    for e in eintraege or []:
        if "file" in e:
            dateien.append(e["file"])
        dateien += _toc_dateien(e.get("sections", []))
    return dateien


def _ohne(eintraege: list[dict], weg: set[str]) -> list[dict]:
    ergebnis = []
    for e in eintraege or []:
        if e.get("file") in weg:
            continue
        e = dict(e)
        if "sections" in e:
            e["sections"] = _ohne(e["sections"], weg)
            if not e["sections"]:
                del e["sections"]
        ergebnis.append(e)
    return ergebnis


def trainer_toc(wurzel: Path = WURZEL) -> dict:
    """Inhaltsverzeichnis der Trainerausgabe: Trainerleitfaden und alle Teile des Buchs.

    Grundlage sind ``_toc.yml`` und der Zusatz ``_toc_trainer.yml`` (Teile des
    Trainerleitfadens, davor eingefügt; Seiten unter ``nur_oeffentlich`` fallen weg).
    """
    import yaml

    toc = yaml.safe_load((wurzel / "_toc.yml").read_text(encoding="utf-8"))
    zusatz = yaml.safe_load((wurzel / "_toc_trainer.yml").read_text(encoding="utf-8"))
    weg = set(zusatz.get("nur_oeffentlich", []))
    teile = [dict(t, chapters=_ohne(t["chapters"], weg)) for t in toc["parts"]]
    teile = [t for t in teile if t["chapters"]]
    toc["parts"] = list(zusatz["parts"]) + teile
    return toc


def trainer_config(wurzel: Path = WURZEL) -> dict:
    """``_config.yml`` mit den Abweichungen aus ``_config_trainer.yml``."""
    import yaml

    basis = yaml.safe_load((wurzel / "_config.yml").read_text(encoding="utf-8"))
    zusatz = yaml.safe_load((wurzel / "_config_trainer.yml").read_text(encoding="utf-8")) or {}
    return _verschmelze(basis, zusatz)


def leitfaden_seiten(wurzel: Path = WURZEL) -> list[str]:
    """Seiten des Trainerleitfadens (aus ``_toc_trainer.yml``)."""
    import yaml

    zusatz = yaml.safe_load((wurzel / "_toc_trainer.yml").read_text(encoding="utf-8"))
    return [d for t in zusatz["parts"] for d in _toc_dateien(t["chapters"])]


def schreibe_trainer(wurzel: Path = WURZEL, ziel: Path | None = None) -> list[Path]:
    """Schreibt ``_config.yml`` und ``_toc.yml`` der Trainerausgabe nach ``ziel``."""
    import yaml

    ziel = Path(ziel) if ziel is not None else wurzel / "_build" / "trainer"
    kopf = "# Erzeugt von `python -m bimo.buch.editionen trainer` – nicht von Hand bearbeiten.\n"
    geschrieben = []
    for name, inhalt in (
        ("_config.yml", trainer_config(wurzel)),
        ("_toc.yml", trainer_toc(wurzel)),
    ):
        text = kopf + yaml.safe_dump(inhalt, allow_unicode=True, sort_keys=False, width=100)
        if _schreibe_wenn_neu(ziel / name, text):
            geschrieben.append(ziel / name)
    return geschrieben


# --- Prüfung ------------------------------------------------------------------------


def pruefe(wurzel: Path = WURZEL, lernende: Path | None = None) -> list[str]:
    """Prüft Quellen und Kopien; liefert Befunde als deutsche Sätze (leer: alles gut)."""
    lernende = Path(lernende) if lernende is not None else wurzel / "_build" / "lernende"
    befunde = []
    quellen = {p.name: p for p in uebungsquellen(wurzel)}
    kopien = {p.name: p for p in sorted((lernende / "exercises").glob(MUSTER_UEBUNG))}
    for name in sorted(set(quellen) ^ set(kopien)):
        wo = "nur in den Quellen" if name in quellen else "nur in den Kopien"
        befunde.append(f"{name}: {wo} – erst `python -m bimo.buch.editionen lernende` ausführen.")
    for name in sorted(set(quellen) & set(kopien)):
        quelle = nbformat.read(quellen[name], as_version=4)
        kopie = nbformat.read(kopien[name], as_version=4)
        if not loesungsstellen(quelle, name):
            befunde.append(f"{name}: die Quelle enthält keine Lösung.")
        if hat_loesung(kopie):
            befunde.append(f"{name}: die Kopie für Teilnehmende enthält eine Lösung.")
        if aufgabenzellen(quelle, name) != aufgabenzellen(kopie, name):
            befunde.append(f"{name}: Aufgabenzellen von Quelle und Kopie weichen ab.")
        roh = json.dumps(json.loads(kopien[name].read_text(encoding="utf-8")), ensure_ascii=False)
        roh = _normal(roh.replace("\\n", " ").replace('\\"', '"'))
        for marke in loesungsmarken(quelle, name):
            if marke in roh:
                befunde.append(f"{name}: Lösungstext in der Kopie: „{marke}“")
    return befunde


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bimo.buch.editionen",
        description="Ausgaben des Werkstattbuchs: Übungen ohne Lösung für Teilnehmende, "
        "Konfiguration der Ausgabe für Trainerinnen und Trainer.",
    )
    unter = parser.add_subparsers(dest="befehl", required=True, metavar="BEFEHL")
    p = unter.add_parser("lernende", help="Quellbaum des öffentlichen Buchs (Übungen ohne Lösung)")
    p.add_argument("--ziel", type=Path, default=None, help="Ordner (Vorgabe: _build/lernende)")
    p = unter.add_parser("trainer", help="_config.yml und _toc.yml der Trainerausgabe")
    p.add_argument("--ziel", type=Path, default=None, help="Ordner (Vorgabe: _build/trainer)")
    p = unter.add_parser("pruefen", help="Quellen und Kopien vergleichen, Lecks suchen")
    p.add_argument(
        "--ziel", type=Path, default=None, help="Ordner der Kopien (Vorgabe: _build/lernende)"
    )
    args = parser.parse_args(argv)
    try:
        if args.befehl == "lernende":
            neu = schreibe_lernende(ziel=args.ziel)
            ordner = args.ziel or WURZEL / "_build" / "lernende"
            print(f"Übungen ohne Lösung in {ordner / 'exercises'} ({len(neu)} neu geschrieben).")
            befunde = pruefe(lernende=args.ziel)
        elif args.befehl == "trainer":
            schreibe_trainer(ziel=args.ziel)
            befunde = []
        else:
            befunde = pruefe(lernende=args.ziel)
            if not befunde:
                print("Quellen und Kopien passen zusammen; keine Lösung in den Kopien.")
    except EditionFehler as fehler:
        print(f"Fehler: {fehler}", file=sys.stderr)
        return 1
    for befund in befunde:
        print(f"Fehler: {befund}", file=sys.stderr)
    return 1 if befunde else 0


if __name__ == "__main__":
    sys.exit(main())
