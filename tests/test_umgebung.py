"""pyproject.toml, requirements.lock und environment.yml passen zusammen."""

from __future__ import annotations

import re
import tomllib

import yaml
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

from tests.conftest import WURZEL


def _pyproject() -> dict[str, Requirement]:
    projekt = tomllib.loads((WURZEL / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    anforderungen = projekt["dependencies"] + projekt["optional-dependencies"]["dev"]
    return {canonicalize_name(Requirement(a).name): Requirement(a) for a in anforderungen}


def _lock(python: str = "3.11") -> dict[str, str]:
    """Gepinnte Versionen der Sperrdatei, die für die gegebene Python-Version gelten."""
    from packaging.markers import Marker

    versionen = {}
    for zeile in (WURZEL / "requirements.lock").read_text(encoding="utf-8").splitlines():
        treffer = re.match(r"^([A-Za-z0-9_.\-]+)==(\S+?)\s*(?:;\s*(.+))?$", zeile.strip())
        if not treffer:
            continue
        name, version, marker = treffer.groups()
        if marker and not Marker(marker).evaluate(
            {"python_full_version": f"{python}.0", "python_version": python}
        ):
            continue
        versionen[canonicalize_name(name)] = version
    return versionen


def _environment() -> dict[str, str]:
    env = yaml.safe_load((WURZEL / "environment.yml").read_text(encoding="utf-8"))
    pakete = {}
    for eintrag in env["dependencies"]:
        if isinstance(eintrag, str) and "=" in eintrag:
            name, version = eintrag.split("=", 1)
            pakete[canonicalize_name(name)] = version
    return pakete


def test_jede_abhaengigkeit_ist_gepinnt():
    lock = _lock()
    for name, anforderung in _pyproject().items():
        assert name in lock, f"{name} fehlt in requirements.lock – `make lock`"
        assert Version(lock[name]) in anforderung.specifier, (
            f"{name}=={lock[name]} passt nicht zu {anforderung} in pyproject.toml"
        )


def test_sperrdatei_pinnt_alles_genau():
    for zeile in (WURZEL / "requirements.lock").read_text(encoding="utf-8").splitlines():
        zeile = zeile.strip()
        if zeile and not zeile.startswith("#"):
            assert "==" in zeile, f"nicht gepinnt: {zeile}"


def test_environment_spiegelt_pyproject_und_sperrdatei():
    env, lock, pyproject = _environment(), _lock(), _pyproject()
    assert set(env) - {"python", "pip"} == set(pyproject), (
        "environment.yml und pyproject.toml nennen verschiedene Pakete"
    )
    for name in pyproject:
        assert env[name] == lock[name], (
            f"{name}: environment.yml {env[name]} ≠ Sperrdatei {lock[name]}"
        )


def test_jupyter_book_1_gepinnt():
    assert _lock()["jupyter-book"] == "1.0.4.post1"
    assert _environment()["python"] == "3.11"
