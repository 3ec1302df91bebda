"""Kommunalprofile für alle 401 Kreise (Gebietsstand 2016, mit Berlin und Hamburg) aus
echten Exporten der Regionaldatenbank.

Die Exporte liegen nur neben dem Projekt (``../shared/realdata``), nicht in einem
frischen Klon; fehlen sie, wird das Modul mit Begründung übersprungen. Gebaut wird wie
mit ``bimo berichte --daten ORDNER --alle --jobs 2`` – mit der Kreisgeometrie des BKG im
Datenordner, damit auch die Karten entstehen.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bimo.berichte import datenbasis
from bimo.berichte import lauf as berichtslauf
from tests.conftest import kleine_fallzahlen

REALDATEN = Path(__file__).resolve().parents[1].parent / "shared" / "realdata"
EXPORTE = REALDATEN / "regionalstatistik_2017"
GEOMETRIE = REALDATEN / "geo_vg5000_2021" / "Ebene_Kreise.geojson"

if not EXPORTE.is_dir():
    pytest.skip(
        f"Die echten Regionaldatenbank-Exporte fehlen ({EXPORTE}); sie liegen nur neben dem "
        "Projekt, nicht in einem frischen Klon.",
        allow_module_level=True,
    )

pytestmark = pytest.mark.langsam


@pytest.fixture(scope="module")
def datenordner(tmp_path_factory) -> Path:
    """Die Exporte und die Kreisflächen in einem Ordner (Verweise, keine Kopien)."""
    ordner = tmp_path_factory.mktemp("regionaldatenbank")
    for datei in EXPORTE.iterdir():
        (ordner / datei.name).symlink_to(datei)
    if GEOMETRIE.is_file():
        (ordner / GEOMETRIE.name).symlink_to(GEOMETRIE)
    return ordner


@pytest.fixture(scope="module")
def alle_profile(datenordner, tmp_path_factory):
    ziel = tmp_path_factory.mktemp("profile")
    ergebnisse = berichtslauf.baue_berichte(
        "kommunalprofil",
        None,  # alle Kreise der Daten
        ziel,
        parameter={"daten": str(datenordner)},
        fortschritt=False,
        jobs=2,
    )
    return ziel, ergebnisse


def test_alle_kreise_erkannt(datenordner):
    basis = datenbasis.lade(datenordner)
    # Gebietsstand 2016 der Dateien: 401 Kreise – mit Berlin und Hamburg (als Kreise ihres
    # Landes), mit dem neuen Landkreis Göttingen, noch mit Eisenach (bis 2021 kreisfrei)
    assert len(basis.kreise) == 401
    assert basis.kreise["land"].nunique() == 16
    assert {"02000", "11000", "03159", "16056"} <= set(basis.kreise["ags"])
    assert not {"03152", "03156"} & set(basis.kreise["ags"])
    assert {"betreuungsquote_u3", "ohne_abschluss_anteil", "jugendquotient"} <= set(basis.werte)


def test_alle_profile_ohne_fehler(alle_profile):
    ziel, ergebnisse = alle_profile
    assert len(ergebnisse) == 401
    fehler = [f"{e.kommune}: {e.fehler}" for e in ergebnisse if not e.ok]
    assert fehler == []
    assert len(list(ziel.glob("*.html"))) == 402  # 401 Profile und der Index
    index = (ziel / "index.html").read_text(encoding="utf-8")
    assert index.count('class="ok"') == 401
    assert "Datenlizenz Deutschland" in index


def test_quellenvermerk_und_inhalt(alle_profile):
    ziel, _ = alle_profile
    text = (ziel / "09162.html").read_text(encoding="utf-8")
    assert "Kommunalprofil München, Landeshauptstadt" in text
    assert "© Statistische Ämter des Bundes und der Länder" in text and "dl-de/by-2-0" in text
    assert "Bayern" in text and re.search(r"\d+ von 96", text)  # Rang unter Bayerns Kreisen
    assert "Karte „Betreuungsquote der Kinder unter 3 Jahren 2016“" in text
    assert "<script" not in text and not re.search(r"(?:src|href)=\"https?://", text)


def test_keine_kleine_fallzahl_in_einer_veroeffentlichten_tabelle(alle_profile):
    ziel, _ = alle_profile
    funde = [f for datei in sorted(ziel.glob("*.csv")) for f in kleine_fallzahlen(datei)]
    assert funde == []
    assert len(list(ziel.glob("*.csv"))) == 401
