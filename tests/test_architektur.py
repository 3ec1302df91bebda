"""Die Architektur bleibt sichtbar: keine Importzyklen, keine fremden privaten Namen.

Die Tests lesen die Quellen von ``src/bimo`` mit :mod:`ast` (ohne sie auszuführen).
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tests.conftest import WURZEL

PAKET = WURZEL / "src" / "bimo"


def _modulname(pfad: Path) -> str:
    teile = pfad.relative_to(PAKET.parent).with_suffix("").parts
    return ".".join(teile[:-1] if teile[-1] == "__init__" else teile)


MODULE = {_modulname(p): p for p in PAKET.rglob("*.py")}


def _aufloesen(name: str) -> str | None:
    """Das bimo-Modul, das ``name`` meint (``bimo.a.b.c`` → längstes bekanntes Präfix)."""
    teile = name.split(".")
    for ende in range(len(teile), 0, -1):
        kandidat = ".".join(teile[:ende])
        if kandidat in MODULE:
            return kandidat
    return None


def _nur_typpruefung(knoten: ast.AST, eltern: dict[ast.AST, ast.AST]) -> bool:
    while knoten in eltern:
        knoten = eltern[knoten]
        if isinstance(knoten, ast.If) and "TYPE_CHECKING" in ast.unparse(knoten.test):
            return True
    return False


def _importe(modul: str) -> tuple[set[str], list[tuple[str, str, int]], dict[str, str]]:
    """Kanten zu anderen bimo-Modulen, importierte private Namen, Aliasse für Module."""
    baum = ast.parse(MODULE[modul].read_text(encoding="utf-8"))
    eltern = {kind: k for k in ast.walk(baum) for kind in ast.iter_child_nodes(k)}
    ziele: set[str] = set()
    privat: list[tuple[str, str, int]] = []
    aliasse: dict[str, str] = {}
    paket = modul if MODULE[modul].name == "__init__.py" else modul.rpartition(".")[0]
    for knoten in ast.walk(baum):
        if _nur_typpruefung(knoten, eltern):
            continue
        if isinstance(knoten, ast.Import):
            for a in knoten.names:
                if a.name.startswith("bimo") and (ziel := _aufloesen(a.name)):
                    ziele.add(ziel)
                    if a.asname:
                        aliasse[a.asname] = ziel
        elif isinstance(knoten, ast.ImportFrom):
            basis = knoten.module or ""
            if knoten.level:
                basis = ".".join(paket.split(".")[: len(paket.split(".")) - knoten.level + 1])
                basis = f"{basis}.{knoten.module}" if knoten.module else basis
            if not basis.startswith("bimo"):
                continue
            for a in knoten.names:
                unter = f"{basis}.{a.name}"
                if unter in MODULE:  # from bimo.x import modul
                    ziele.add(unter)
                    aliasse[a.asname or a.name] = unter
                elif ziel := _aufloesen(basis):
                    ziele.add(ziel)
                    if a.name.startswith("_") and not a.name.startswith("__") and ziel != modul:
                        privat.append((ziel, a.name, knoten.lineno))
    return ziele - {modul}, privat, aliasse


def test_keine_importzyklen():
    graph = {m: _importe(m)[0] for m in MODULE}
    # Ein Paket darf seine Untermodule einsammeln (``__init__`` re-exportiert); Zyklen
    # über diese Kante zählen nicht, alle anderen schon.
    zyklen = []
    zustand: dict[str, int] = {}

    def besuche(m: str, pfad: list[str]) -> None:
        zustand[m] = 1
        for n in sorted(graph[m]):
            if MODULE[n].name == "__init__.py" and m.startswith(n + "."):
                continue  # Untermodul greift über das eigene Paket auf ein Geschwister zu
            if zustand.get(n) == 1:
                zyklen.append(" → ".join([*pfad[pfad.index(n) :], n]))
            elif n not in zustand:
                besuche(n, [*pfad, n])
        zustand[m] = 2

    for m in sorted(graph):
        if m not in zustand:
            besuche(m, [m])
    assert not zyklen, "Importzyklen:\n" + "\n".join(zyklen)


def test_keine_fremden_privaten_namen():
    funde = []
    for modul, pfad in MODULE.items():
        _, privat, aliasse = _importe(modul)
        funde += [f"{pfad.name}:{z}: from {ziel} import {name}" for ziel, name, z in privat]
        baum = ast.parse(pfad.read_text(encoding="utf-8"))
        for knoten in ast.walk(baum):
            if (
                isinstance(knoten, ast.Attribute)
                and isinstance(knoten.value, ast.Name)
                and knoten.value.id in aliasse
                and aliasse[knoten.value.id] != modul
                and knoten.attr.startswith("_")
                and not knoten.attr.startswith("__")
            ):
                funde.append(f"{pfad.name}:{knoten.lineno}: {knoten.value.id}.{knoten.attr}")
    assert not funde, "Private Namen anderer Module:\n" + "\n".join(funde)


@pytest.mark.parametrize(
    "raum",
    [
        "kern",
        "daten",
        "indikatoren",
        "geheimhaltung",
        "grafik",
        "kapitel",
        "uebungen",
        "berichte",
        "buch",
    ],
)
def test_jeder_raum_ist_ein_paket_mit_beschreibung(raum):
    init = PAKET / raum / "__init__.py"
    assert init.is_file(), f"src/bimo/{raum}/ ist kein Paket"
    assert ast.get_docstring(ast.parse(init.read_text(encoding="utf-8"))), (
        f"{raum}: Docstring fehlt"
    )


def test_kern_haengt_von_keinem_anderen_raum_ab():
    for modul in MODULE:
        if modul.startswith("bimo.kern"):
            fremd = {
                z for z in _importe(modul)[0] if not z.startswith(("bimo.kern", "bimo.fehler"))
            }
            assert not fremd, f"{modul} importiert {fremd}: der Kern steht unten"


def test_ein_pdf_drucker():
    treffer = [
        p.relative_to(PAKET).as_posix()
        for p in PAKET.rglob("*.py")
        if "--print-to-pdf" in p.read_text(encoding="utf-8")
        or ".pdf(path=" in p.read_text(encoding="utf-8")
    ]
    assert treffer == ["kern/pdf.py"]


def test_keine_pfade_aus_dem_checkout():
    """Das installierte Paket findet seine Dateien über importlib.resources, nie über
    ``parents[n]`` bis in den Checkout."""
    funde = [
        f"{p.relative_to(PAKET)}:{i}"
        for p in PAKET.rglob("*.py")
        for i, zeile in enumerate(p.read_text(encoding="utf-8").splitlines(), 1)
        if "__file__" in zeile and "parents[" in zeile
    ]
    assert not funde, funde
