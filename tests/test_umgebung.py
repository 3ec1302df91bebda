"""pyproject.toml, die Sperrdateien und die Conda-Umgebungen passen zusammen – je Stufe.

Stufen (pyproject.toml): das Paket (``dependencies``) und die Extras ``[lab]``,
``[cluster]``, ``[buch]``, ``[test]``, ``[dev]`` (= alle Extras und Werkzeuge).

====================================  =======================  ==========================
Sperrdatei (``make lock``)            Stufen                   Conda-Umgebung
====================================  =======================  ==========================
``requirements.lock``                 Paket + ``[dev]``        ``environment.yml``
``requirements-lernende.lock``        Paket + ``[lab]``        ``environment-lernende.yml``
====================================  =======================  ==========================
"""

from __future__ import annotations

import re
import tomllib
from functools import cache

import pytest
import yaml
from packaging.markers import Marker
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

from tests.conftest import WURZEL

PYTHONS = ("3.11", "3.12", "3.13")
# Sperrdatei → Extras, die sie (zusätzlich zum Paket) auflöst, und ihre Conda-Umgebung
SPERRDATEIEN = {
    "requirements.lock": ("dev",),
    "requirements-lernende.lock": ("lab",),
}
UMGEBUNGEN = {
    "environment.yml": "requirements.lock",
    "environment-lernende.yml": "requirements-lernende.lock",
}
# Was die JupyterLab-Umgebung der Teilnehmenden nicht tragen darf
NICHT_FUER_LERNENDE = {"playwright", "distributed", "dask", "pytest", "jupyter-book", "sphinx"}
# Conda-Forge-Namen, die anders heißen als auf PyPI
CONDA_NAMEN = {"python-build": "build"}


@cache
def _projekt() -> dict:
    return tomllib.loads((WURZEL / "pyproject.toml").read_text(encoding="utf-8"))


def _anforderungen(extras: tuple[str, ...]) -> dict[str, Requirement]:
    """Direkte Anforderungen des Pakets und der Extras; ``bimo[…]`` wird aufgelöst."""
    projekt = _projekt()["project"]
    optional = projekt["optional-dependencies"]
    ergebnis: dict[str, Requirement] = {}
    offen, gesehen = list(extras), set()

    def nimm(zeilen: list[str]) -> None:
        for zeile in zeilen:
            anforderung = Requirement(zeile)
            name = canonicalize_name(anforderung.name)
            if name == "bimo":
                offen.extend(anforderung.extras)
                continue
            if name in ergebnis:
                ergebnis[name].specifier &= anforderung.specifier
            else:
                ergebnis[name] = anforderung

    nimm(projekt["dependencies"])
    while offen:
        extra = offen.pop()
        if extra in gesehen:
            continue
        assert extra in optional, f"Extra [{extra}] fehlt in pyproject.toml"
        gesehen.add(extra)
        nimm(optional[extra])
    return ergebnis


def _extras_von(extras: tuple[str, ...]) -> set[str]:
    """Alle Extras, die ``extras`` über ``bimo[…]`` einschließen (sie selbst inklusive)."""
    optional = _projekt()["project"]["optional-dependencies"]
    gesehen, offen = set(), list(extras)
    while offen:
        extra = offen.pop()
        if extra not in gesehen:
            gesehen.add(extra)
            for zeile in optional[extra]:
                anforderung = Requirement(zeile)
                if canonicalize_name(anforderung.name) == "bimo":
                    offen.extend(anforderung.extras)
    return gesehen


def _zeilen(datei: str) -> list[tuple[str, str, str | None]]:
    """(Name, Version, Marker) jeder gepinnten Zeile einer Sperrdatei."""
    eintraege = []
    for zeile in (WURZEL / datei).read_text(encoding="utf-8").splitlines():
        treffer = re.match(r"^([A-Za-z0-9_.\-]+)==(\S+?)\s*(?:;\s*(.+))?$", zeile.strip())
        if treffer:
            name, version, marker = treffer.groups()
            eintraege.append((canonicalize_name(name), version, marker))
    return eintraege


def _lock(datei: str = "requirements.lock", python: str = "3.11") -> dict[str, str]:
    """Gepinnte Versionen der Sperrdatei, die für die gegebene Python-Version (Linux) gelten."""
    versionen = {}
    umgebung = {"python_full_version": f"{python}.0", "python_version": python}
    for name, version, marker in _zeilen(datei):
        if marker and not Marker(marker).evaluate(umgebung):
            continue
        assert name not in versionen, f"{datei}: {name} für Python {python} doppelt gepinnt"
        versionen[name] = version
    return versionen


def _environment(datei: str = "environment.yml") -> dict[str, str]:
    env = yaml.safe_load((WURZEL / datei).read_text(encoding="utf-8"))
    pakete = {}
    for eintrag in env["dependencies"]:
        if isinstance(eintrag, str) and "=" in eintrag:
            name, version = eintrag.split("=", 1)
            name = canonicalize_name(name)
            pakete[CONDA_NAMEN.get(name, name)] = version
    return pakete


def test_jede_stufe_steht_in_einer_sperrdatei():
    """Ein neues Extra muss in einer Sperrdatei landen (über [dev] in requirements.lock)."""
    alle = set(_projekt()["project"]["optional-dependencies"])
    abgedeckt = set().union(*(_extras_von(extras) for extras in SPERRDATEIEN.values()))
    assert alle <= abgedeckt, f"Extras ohne Sperrdatei: {sorted(alle - abgedeckt)}"
    assert _extras_von(("dev",)) == alle, "[dev] soll alle Extras einschließen"


@pytest.mark.parametrize("python", PYTHONS)
@pytest.mark.parametrize("datei", SPERRDATEIEN)
def test_jede_abhaengigkeit_ist_gepinnt(datei, python):
    lock = _lock(datei, python)
    umgebung = {"python_full_version": f"{python}.0", "python_version": python}
    for name, anforderung in _anforderungen(SPERRDATEIEN[datei]).items():
        if anforderung.marker and not anforderung.marker.evaluate(umgebung):
            continue
        assert name in lock, f"{name} fehlt in {datei} (Python {python}) – `make lock`"
        assert Version(lock[name]) in anforderung.specifier, (
            f"{datei}: {name}=={lock[name]} passt nicht zu {anforderung} in pyproject.toml"
        )


@pytest.mark.parametrize("datei", SPERRDATEIEN)
def test_sperrdatei_pinnt_alles_genau(datei):
    for zeile in (WURZEL / datei).read_text(encoding="utf-8").splitlines():
        zeile = zeile.strip()
        if zeile and not zeile.startswith("#"):
            assert "==" in zeile, f"{datei}: nicht gepinnt: {zeile}"


def test_gleiche_versionen_in_allen_sperrdateien():
    """Die kleinere Sperrdatei ist mit der großen als Constraint aufgelöst (make lock)."""
    gross: dict[str, set[str]] = {}
    for name, version, _ in _zeilen("requirements.lock"):
        gross.setdefault(name, set()).add(version)
    for datei in SPERRDATEIEN:
        for name, version, _ in _zeilen(datei):
            assert version in gross.get(name, set()), (
                f"{datei}: {name}=={version}, requirements.lock: {sorted(gross.get(name, []))}"
                " – `make lock`"
            )
    for python in PYTHONS:
        voll = _lock("requirements.lock", python)
        for datei in SPERRDATEIEN:
            for name, version in _lock(datei, python).items():
                assert voll.get(name) == version, (
                    f"Python {python}: {name} in {datei} {version}, "
                    f"in requirements.lock {voll.get(name)}"
                )


def test_lernende_ohne_playwright_und_dask():
    namen = {name for name, _, _ in _zeilen("requirements-lernende.lock")}
    assert not namen & NICHT_FUER_LERNENDE, (
        f"requirements-lernende.lock enthält {sorted(namen & NICHT_FUER_LERNENDE)}"
    )
    assert {"jupyterlab", "ipywidgets", "ipykernel", "papermill"} <= namen
    env = _environment("environment-lernende.yml")
    assert not set(env) & NICHT_FUER_LERNENDE


@pytest.mark.parametrize("env_datei", UMGEBUNGEN)
def test_environment_spiegelt_pyproject_und_sperrdatei(env_datei):
    sperrdatei = UMGEBUNGEN[env_datei]
    env, lock = _environment(env_datei), _lock(sperrdatei)
    pyproject = _anforderungen(SPERRDATEIEN[sperrdatei])
    zu_viel = set(env) - {"python", "pip"} - set(pyproject)
    fehlt = set(pyproject) - set(env)
    assert not zu_viel and not fehlt, (
        f"{env_datei} und pyproject.toml nennen verschiedene Pakete: nur in {env_datei} "
        f"{sorted(zu_viel)}, es fehlen "
        + ", ".join(f"`- {name}={lock.get(name, '?')}`" for name in sorted(fehlt))
    )
    for name in pyproject:
        assert env[name] == lock[name], (
            f"{name}: {env_datei} {env[name]} ≠ {sperrdatei} {lock[name]}"
        )
    assert env["python"] == "3.11"


def test_jupyter_book_1_gepinnt():
    assert _lock()["jupyter-book"] == "1.0.4.post1"
    assert _environment()["python"] == "3.11"


def test_setuptools_kann_die_lizenzangabe():
    """``license = "MIT"`` (SPDX, PEP 639) und ``license-files`` gibt es erst ab setuptools 77;
    mit 76.1 bricht der Bau mit "project.license must be valid" ab."""
    projekt = _projekt()
    assert isinstance(projekt["project"]["license"], str)
    (anforderung,) = [
        Requirement(a)
        for a in projekt["build-system"]["requires"]
        if canonicalize_name(Requirement(a).name) == "setuptools"
    ]
    assert Version("76.1.0") not in anforderung.specifier
    assert Version("77.0.1") in anforderung.specifier
    assert Version(_lock()["setuptools"]) in anforderung.specifier
