"""Die Kommandozeile spricht Deutsch und zeigt keine Tracebacks."""

from __future__ import annotations

import subprocess
import sys

import pytest

from bimo.cli import main


def test_hilfe_deutsch(capsys):
    with pytest.raises(SystemExit) as ende:
        main(["--help"])
    assert ende.value.code == 0
    text = capsys.readouterr().out
    assert "Aufruf: bimo" in text and "Befehle" in text and "diese Hilfe zeigen" in text
    assert "usage:" not in text and "show this help" not in text


def test_berichte_hilfe_deutsch(capsys):
    with pytest.raises(SystemExit):
        main(["berichte", "--help"])
    text = capsys.readouterr().out
    for angabe in ("--kommune AGS", "--alle", "--ausgabe ORDNER", "Geheimhaltung"):
        assert angabe in text


def test_fehlende_angaben_deutsch(capsys):
    with pytest.raises(SystemExit) as ende:
        main(["berichte", "--alle"])
    assert ende.value.code == 2
    assert "Fehler: diese Angaben fehlen: --ausgabe" in capsys.readouterr().err


@pytest.mark.langsam
def test_unbekannte_kommune_ohne_traceback(tmp_path):
    lauf = subprocess.run(
        [
            sys.executable,
            "-m",
            "bimo.cli",
            "berichte",
            "--kommune",
            "17110",
            "--ausgabe",
            str(tmp_path),
        ],
        capture_output=True,
        text=True,
    )
    assert lauf.returncode == 2
    assert "bimo: Fehler: Die Kommune „17110“ gibt es in Musterland nicht" in lauf.stderr
    assert "Traceback" not in lauf.stderr


@pytest.mark.langsam
def test_daten_neu_erzeugen(tmp_path, capsys):
    ziel = tmp_path / "musterland"
    assert main(["daten", "--ziel", str(ziel)]) == 0
    assert (ziel / "datapackage.json").exists()
    dateien = [p for p in tmp_path.rglob("*") if p.is_file()]
    assert {p.parent.name for p in dateien} == {
        "musterland",
        "musterland_rohdaten",
        "musterland_regionaldatenbank",
    }
    assert f"{len(dateien)} Dateien geschrieben" in capsys.readouterr().out
