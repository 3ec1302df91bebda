"""Das gebaute Rad (wheel) ist ein vollständiges Paket: installiert außerhalb des Checkouts
laufen ``python -m bimo`` und ``bimo berichte`` – ohne Netz, ohne Dateien des Checkouts.

So installiert die IT einer Kommune bimo (``pip install bimo-….whl``, ein JupyterHub-Image):
Berichtsvorlagen, Stil, nbconvert-Vorlage und Musterland-Daten müssen Paketdaten sein.

Ablauf: eine Kopie von ``pyproject.toml``, ``README.md``, ``LICENSE`` und ``src/`` wird mit
``python -m build --wheel --no-isolation`` gebaut (der Checkout bleibt unberührt). Das Rad
kommt ohne Abhängigkeiten (``pip install --no-deps --no-index``) in eine frische venv unter
``tmp_path``; die Abhängigkeiten sieht sie über eine ``.pth``-Datei, die auf einen Ordner mit
Verweisen auf die Pakete der laufenden Umgebung zeigt – ohne das editierbare bimo
(``__editable__…``, ``bimo-….dist-info``). Proxy-Variablen zeigen auf einen toten Port:
wer doch ins Netz will, scheitert.
"""

from __future__ import annotations

import csv
import io
import os
import shutil
import subprocess
import sys
import sysconfig
import tomllib
import zipfile
from fnmatch import fnmatch
from pathlib import Path

import pytest

from tests.conftest import WURZEL

pytestmark = pytest.mark.langsam

QUELLE = WURZEL / "src" / "bimo"
KOMMUNE = "17101"
# Was im Rad stehen muss (fnmatch: * überspannt auch Unterordner)
PFLICHT = {
    "Berichtsvorlagen": "bimo/berichte/vorlagen/*.ipynb",
    "nbconvert-/Jinja-Vorlage": "bimo/*.j2",
    "Stil der Berichte": "bimo/*.css",
    "Musterland-Bevölkerung": "bimo/daten/*musterland*/bevoelkerung.csv",
    "Musterland-Gebiete": "bimo/daten/*musterland*/gebiete.csv",
    "python -m bimo": "bimo/__main__.py",
}
# Dateien unter src/bimo, die nicht ins Rad gehören
_NICHT_IM_PAKET = ("__pycache__", ".ipynb_checkpoints", ".pytest_cache")


def _lauf(befehl: list, **kwargs) -> subprocess.CompletedProcess:
    ergebnis = subprocess.run(
        [str(teil) for teil in befehl], capture_output=True, text=True, timeout=600, **kwargs
    )
    assert ergebnis.returncode == 0, (
        f"{' '.join(map(str, befehl))} endete mit {ergebnis.returncode}:\n"
        f"{ergebnis.stdout[-3000:]}\n{ergebnis.stderr[-3000:]}"
    )
    return ergebnis


def _version() -> str:
    return tomllib.loads((WURZEL / "pyproject.toml").read_text(encoding="utf-8"))["project"][
        "version"
    ]


@pytest.fixture(scope="module")
def rad(tmp_path_factory) -> Path:
    pytest.importorskip("build", reason="python -m build fehlt – `make venv` (Stufe [dev])")
    kopie = tmp_path_factory.mktemp("quelle")
    for datei in ("pyproject.toml", "README.md", "LICENSE"):
        shutil.copy2(WURZEL / datei, kopie / datei)
    shutil.copytree(
        WURZEL / "src",
        kopie / "src",
        ignore=shutil.ignore_patterns(*_NICHT_IM_PAKET, "*.egg-info", "*.pyc"),
    )
    ziel = tmp_path_factory.mktemp("dist")
    _lauf(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", ziel, kopie],
        env=_offline(dict(os.environ)),
    )
    (rad,) = ziel.glob("bimo-*.whl")
    return rad


def _offline(env: dict[str, str]) -> dict[str, str]:
    tot = "http://127.0.0.1:9"  # Port 9 (discard): jede Verbindung scheitert sofort
    env.update(
        HTTP_PROXY=tot,
        HTTPS_PROXY=tot,
        http_proxy=tot,
        https_proxy=tot,
        NO_PROXY="",
        no_proxy="",
        PIP_NO_INDEX="1",
        PIP_DISABLE_PIP_VERSION_CHECK="1",
    )
    return env


def _abhaengigkeiten(ziel: Path) -> Path:
    """Ein Ordner mit Verweisen auf alle Pakete der laufenden Umgebung außer bimo selbst."""
    ziel.mkdir()
    quellen = {Path(sysconfig.get_path("purelib")), Path(sysconfig.get_path("platlib"))}
    for quelle in quellen:
        for eintrag in quelle.iterdir():
            name = eintrag.name
            if (
                name == "bimo"
                or name.startswith(("bimo-", "__editable__", "_bimo", "bimo."))
                or name.endswith((".pth", ".egg-link"))
                or (ziel / name).exists()
            ):
                continue
            (ziel / name).symlink_to(eintrag)
    return ziel


@pytest.fixture(scope="module")
def venv(rad, tmp_path_factory) -> dict:
    """Frische venv außerhalb des Checkouts mit dem Rad; gibt Pfade und Umgebung zurück."""
    basis = tmp_path_factory.mktemp("frisch")
    assert not basis.resolve().is_relative_to(WURZEL)
    ordner = basis / "venv"
    _lauf([sys.executable, "-m", "venv", "--without-pip", ordner])
    python = ordner / "bin" / "python"
    site = Path(
        _lauf(
            [python, "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"]
        ).stdout.strip()
    )
    abhaengigkeiten = _abhaengigkeiten(basis / "abhaengigkeiten")
    (site / "_abhaengigkeiten.pth").write_text(f"{abhaengigkeiten}\n", encoding="utf-8")
    # Datendateien der Abhängigkeiten (nbconvert-Vorlagen, Kernelspec) wie bei einer
    # echten Installation unter <prefix>/share/jupyter
    jupyter_daten = Path(sys.prefix) / "share" / "jupyter"
    if jupyter_daten.is_dir():
        (ordner / "share").mkdir(exist_ok=True)
        (ordner / "share" / "jupyter").symlink_to(jupyter_daten)

    env = {
        k: v
        for k, v in os.environ.items()
        if k not in {"PYTHONPATH", "PYTHONHOME", "PYTHONSTARTUP", "JUPYTER_PATH"}
        and not k.startswith(("COVERAGE_", "PYTEST_"))
    }
    alter_pfad = [
        p for p in env.get("PATH", "").split(os.pathsep) if p and Path(p) != Path(sys.prefix, "bin")
    ]
    env.update(
        PATH=os.pathsep.join([str(ordner / "bin"), *alter_pfad]),
        VIRTUAL_ENV=str(ordner),
        MPLBACKEND="Agg",
        PYDEVD_DISABLE_FILE_VALIDATION="1",
    )
    env = _offline(env)
    arbeit = basis / "arbeit"
    arbeit.mkdir()
    _lauf(
        [python, "-m", "pip", "install", "--no-deps", "--no-index", "--quiet", rad],
        env=env,
        cwd=arbeit,
    )
    return {"ordner": ordner, "python": python, "env": env, "arbeit": arbeit}


def test_rad_enthaelt_paketdaten(rad):
    namen = zipfile.ZipFile(rad).namelist()
    for was, muster in PFLICHT.items():
        assert any(fnmatch(n, muster) for n in namen), f"{was} fehlt im Rad ({muster})"
    # Jede Datei unter src/bimo (Module und Paketdaten) steht im Rad
    fehlt = sorted(
        str(pfad.relative_to(QUELLE.parent))
        for pfad in QUELLE.rglob("*")
        if pfad.is_file()
        and pfad.suffix != ".pyc"
        and not set(pfad.relative_to(QUELLE).parts) & set(_NICHT_IM_PAKET)
        and str(pfad.relative_to(QUELLE.parent).as_posix()) not in namen
    )
    assert not fehlt, f"{len(fehlt)} Dateien aus src/bimo fehlen im Rad: {fehlt[:20]}"


def test_rad_metadaten(rad):
    with zipfile.ZipFile(rad) as archiv:
        (info,) = {n.split("/")[0] for n in archiv.namelist() if ".dist-info/" in n}
        metadaten = archiv.read(f"{info}/METADATA").decode("utf-8")
        einstieg = archiv.read(f"{info}/entry_points.txt").decode("utf-8")
    assert "bimo = bimo.cli:main" in einstieg
    assert "License-Expression: MIT" in metadaten
    assert f"Version: {_version()}" in metadaten
    # Ohne Extra kommen weder Dask noch Test- und Buchwerkzeuge mit
    pflicht = [
        z.removeprefix("Requires-Dist: ")
        for z in metadaten.splitlines()
        if z.startswith("Requires-Dist: ") and "extra ==" not in z
    ]
    for name in ("distributed", "dask", "playwright", "pytest", "jupyter-book", "jupyterlab"):
        assert not any(z.lower().startswith(name) for z in pflicht), f"{name} ohne Extra"


def test_bimo_kommt_aus_der_frischen_venv(venv):
    programm = (
        "import importlib.metadata as m, bimo, bimo.berichte, bimo.daten\n"
        "print(bimo.__file__)\n"
        "print(m.distribution('bimo').locate_file(''))\n"
        "print(len(list(m.distributions(name='bimo'))))\n"
    )
    datei, verteilung, anzahl = _lauf(
        [venv["python"], "-c", programm], env=venv["env"], cwd=venv["arbeit"]
    ).stdout.split()
    assert Path(datei).resolve().is_relative_to(venv["ordner"].resolve()), datei
    assert not Path(datei).resolve().is_relative_to(WURZEL), datei
    assert Path(verteilung).resolve().is_relative_to(venv["ordner"].resolve()), verteilung
    assert anzahl == "1", "mehr als eine bimo-Installation sichtbar"


def test_python_m_bimo_version(venv):
    ausgabe = _lauf(
        [venv["python"], "-m", "bimo", "--version"], env=venv["env"], cwd=venv["arbeit"]
    ).stdout
    assert ausgabe.strip() == f"bimo {_version()}"
    hilfe = _lauf(
        [venv["python"], "-m", "bimo", "--help"], env=venv["env"], cwd=venv["arbeit"]
    ).stdout
    assert hilfe.startswith("Aufruf: bimo ")


def _kommunenname(rad: Path, ags: str) -> str:
    with zipfile.ZipFile(rad) as archiv:
        (gebiete,) = [n for n in archiv.namelist() if fnmatch(n, PFLICHT["Musterland-Gebiete"])]
        zeilen = csv.DictReader(io.StringIO(archiv.read(gebiete).decode("utf-8")))
        return next(z["name"] for z in zeilen if z["ags"] == ags)


@pytest.mark.berichte
def test_bericht_aus_dem_installierten_rad(rad, venv):
    ausgabe = venv["arbeit"] / "berichte"
    bimo = venv["ordner"] / "bin" / "bimo"
    assert bimo.exists(), "pip hat den Befehl bimo nicht angelegt"
    lauf = _lauf(
        [bimo, "berichte", "--kommune", KOMMUNE, "--ausgabe", ausgabe, "--ohne-fortschritt"],
        env=venv["env"],
        cwd=venv["arbeit"],
    )
    assert "Traceback" not in lauf.stderr, lauf.stderr
    bericht = ausgabe / f"{KOMMUNE}.html"
    assert bericht.exists(), sorted(p.name for p in ausgabe.iterdir())
    text = bericht.read_text(encoding="utf-8")
    assert _kommunenname(rad, KOMMUNE) in text
    assert str(WURZEL) not in text, "der Bericht nennt einen Pfad des Checkouts"
    assert (ausgabe / "index.html").exists()
