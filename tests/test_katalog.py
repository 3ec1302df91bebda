"""Der Tabellenkatalog: Spalten werden an ihren Beschriftungen erkannt, über die Jahrgänge.

Grundlage ist der Regionaldatenbank-Export, den das Paket für Musterland mitbringt; die
Beschriftungen werden so umgeschrieben, wie sie in anderen Jahrgängen echter Downloads
stehen (oder in keinem). Die echten Dateien selbst prüft ``tests/test_echtdaten_real.py``.
"""

from __future__ import annotations

import pandas as pd
import pytest

from bimo import daten
from bimo.daten import katalog
from bimo.fehler import DatenFehler
from bimo.indikatoren import abgaenger_aus_regionalstatistik

EXPORTE = daten.datenordner().with_name("musterland_regionaldatenbank")
ABGAENGER = EXPORTE / "21111-02-06-4_musterland.csv"


def _umgeschrieben(tmp_path, ersetzungen: dict[str, str], kopf: str | None = None):
    text = ABGAENGER.read_bytes().decode("cp1252")
    for alt, neu in ersetzungen.items():
        assert alt in text
        text = text.replace(alt, neu)
    if kopf is not None:
        text = text.replace("GENESIS-Tabelle:", kopf, 1)
    pfad = tmp_path / "abgaenger.csv"
    pfad.write_bytes(text.encode("cp1252"))
    return daten.lese_regionalstatistik(pfad)


@pytest.fixture(scope="module")
def original() -> pd.DataFrame:
    return abgaenger_aus_regionalstatistik(daten.lese_regionalstatistik(ABGAENGER))


@pytest.mark.parametrize(
    "ersetzungen",
    [
        {"ohne Ersten Schulabschluss": "ohne Hauptschulabschluss"},  # Wortlaut von 2017
        {"ohne Ersten Schulabschluss": "ohne ersten allgemeinbildenden Schulabschluss"},
        {"Erster Schulabschluss": "mit Hauptschulabschluss", "Mittlerer": "mit Mittlerem"},
    ],
    ids=["2017", "lang", "mit"],
)
def test_andere_jahrgaenge_gleiche_zahlen(tmp_path, original, ersetzungen):
    """Ein Jahrgang mit anderem Wortlaut gibt dieselben Zahlen – ohne Codeänderung."""
    umgeschrieben = abgaenger_aus_regionalstatistik(_umgeschrieben(tmp_path, ersetzungen))
    pd.testing.assert_frame_equal(umgeschrieben, original)


def test_kopf_tabelle_wie_seit_dem_relaunch(tmp_path, original):
    t = _umgeschrieben(tmp_path, {}, kopf="Tabelle:")
    assert t.attrs["tabelle"] == "21111-02-06-4"
    pd.testing.assert_frame_equal(abgaenger_aus_regionalstatistik(t), original)


def test_unbekannte_beschriftung_nennt_datei_tabelle_und_beschriftung(tmp_path):
    t = _umgeschrieben(tmp_path, {"ohne Ersten Schulabschluss": "ohne Zeugnis (neu)"})
    with pytest.raises(DatenFehler) as fehler:
        abgaenger_aus_regionalstatistik(t)
    text = str(fehler.value)
    assert "abgaenger.csv" in text and "21111-02-06-4" in text
    assert "ohne Zeugnis (neu)" in text  # was in der Datei steht
    assert "ohne Hauptschulabschluss" in text or "ohne Ersten Schulabschluss" in text


def test_spalten_an_inhalten_nicht_an_namen(tmp_path):
    t = daten.lese_regionalstatistik(ABGAENGER)
    e = katalog.erkenne(t)
    assert e is not None and e.code == "21111-02-06-4"
    spalten = katalog.zuordnung(t, e)
    # umbenannte Spalten ändern nichts: erkannt wird am Inhalt
    umbenannt = t.rename(columns={spalten["abschluss"]: "x1", spalten["geschlecht"]: "x2"})
    umbenannt.attrs = {**t.attrs, "merkmale": None}
    assert katalog.zuordnung(umbenannt, e) == {"abschluss": "x1", "geschlecht": "x2"}


def test_unbekannte_tabelle_wird_an_beschriftungen_erkannt(tmp_path):
    """Ein Code, den der Katalog nicht kennt (neue Variante), aber bekannte Beschriftungen."""
    t = _umgeschrieben(tmp_path, {}, kopf="Tabelle: 21111-02-06-9 ")
    t.attrs["tabelle"] = "21111-99-99-4"
    e = katalog.erkenne(t)
    assert e is not None and e.code == "21111-02-06-4"
