"""Kommunalprofile: Parameter prüfen, Berichte bauen, Fehler isolieren, nichts verraten."""

from __future__ import annotations

import re
import shutil

import nbformat
import pytest

from bimo import berichte, berichtslauf
from bimo.fehler import ParameterFehler


def _dateien(ordner) -> list[str]:
    """Die Berichte und der Index (ohne die Standdatei für --fortsetzen)."""
    return sorted(p.name for p in ordner.iterdir() if p.name != berichtslauf.STANDDATEI)


EXTERN = re.compile(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", re.I)


def test_bekannte_kommune():
    assert berichte.pruefe_kommune("17101") == "17101"
    assert berichte.pruefe_kommune(" 17252 ") == "17252"


def test_tippfehler_nennt_aehnliche_kommunen():
    with pytest.raises(
        ParameterFehler,
        match=r"„17110“ gibt es in Musterland nicht.*Meinten Sie:.*17101 \(Musterstadt\)",
    ):
        berichte.pruefe_kommune("17110")


def test_name_statt_schluessel_nennt_schluessel():
    with pytest.raises(ParameterFehler, match=r"Meinten Sie:.*17252 \(Landkreis Talgrund\)"):
        berichte.pruefe_kommune("Talgrund")


def test_schluessel_als_zahl_wird_erklaert():
    with pytest.raises(ParameterFehler, match="als Text.*führende Nullen"):
        berichte.pruefe_kommune(17101)


def test_unsinn_erklaert_das_format():
    with pytest.raises(ParameterFehler, match="5 Ziffern"):
        berichte.pruefe_kommune("abc")


def test_jahr_und_mindestfallzahl():
    assert berichte.pruefe_jahr("2020") == 2020
    with pytest.raises(ParameterFehler, match="2013 bis 2024"):
        berichte.pruefe_jahr(2030)
    with pytest.raises(ParameterFehler, match="ab 1"):
        berichte.pruefe_mindestfallzahl(0)


def test_unbekannter_parameter_bricht_vor_dem_ersten_bericht_ab(tmp_path):
    with pytest.raises(ParameterFehler, match="kennt den Parameter jahrgang nicht.*kommune, jahr"):
        berichtslauf.baue_berichte(
            "kommunalprofil", ["17101"], tmp_path, parameter={"jahrgang": 2024}, fortschritt=False
        )
    assert not any(tmp_path.iterdir())


def test_profil_inhalt():
    p = berichte.kommunalprofil("17101", 2024)
    tabelle = p.kennzahlen().daten
    assert list(tabelle["Kennzahl"]) == [
        "Betreuungsquote der Kinder unter 3 Jahren",
        "Betreuungsquote der Kinder von 3 bis unter 6 Jahren",
    ]
    assert tabelle.loc[0, "Musterstadt"].endswith("%")
    assert "Prozentpunkte über dem Landeswert" in p.einordnung().markdown


@pytest.fixture(scope="module")
def zwei_berichte(tmp_path_factory):
    ziel = tmp_path_factory.mktemp("berichte")
    ergebnisse = berichtslauf.baue_berichte(
        "kommunalprofil", ["17101", "17253"], ziel, parameter={"jahr": 2023}, fortschritt=False
    )
    return ziel, ergebnisse


def test_bericht_je_kommune_und_index(zwei_berichte):
    ziel, ergebnisse = zwei_berichte
    assert [e.ok for e in ergebnisse] == [True, True]
    assert _dateien(ziel) == ["17101.html", "17253.html", "index.html"]
    index = (ziel / "index.html").read_text(encoding="utf-8")
    assert 'href="17101.html"' in index and "Landkreis Kornboden" in index


def test_bericht_ohne_code_ohne_externe_verweise(zwei_berichte):
    ziel, _ = zwei_berichte
    text = (ziel / "17253.html").read_text(encoding="utf-8")
    assert "Kommunalprofil Landkreis Kornboden" in text
    assert "Berichtsjahr 2023" in text  # Parameter kam an
    assert "berichte.kommunalprofil(" not in text and "import " not in text  # keine Eingabezellen
    assert not EXTERN.search(text)
    assert "<script" not in text
    bilder = re.findall(r"<img[^>]*>", text)
    assert len(bilder) == 2
    for bild in bilder:
        assert 'src="data:image/png;base64,' in bild
        assert re.search(r'alt="Liniendiagramm[^"]+"', bild)
    assert "Quelle" in text and "CC BY 4.0" in text


def _vorlage_mit_fehler(tmp_path, monkeypatch, fehlerzeile: str):
    nb = nbformat.read(berichte.vorlage_pfad("kommunalprofil"), as_version=4)
    nb.cells.insert(2, nbformat.v4.new_code_cell(fehlerzeile))
    pfad = tmp_path / "vorlage.ipynb"
    nbformat.write(nb, pfad)
    monkeypatch.setattr(berichte, "vorlage_pfad", lambda _name: pfad)


def test_ein_fehler_stoppt_die_anderen_nicht(tmp_path, monkeypatch):
    _vorlage_mit_fehler(
        tmp_path, monkeypatch, 'if kommune == "17102":\n    raise RuntimeError("Testfehler")'
    )
    ziel = tmp_path / "aus"
    ergebnisse = berichtslauf.baue_berichte(
        "kommunalprofil", ["17101", "17102", "17151"], ziel, fortschritt=False
    )
    assert [e.ok for e in ergebnisse] == [True, False, True]
    assert "Testfehler" in ergebnisse[1].fehler
    assert _dateien(ziel) == ["17101.html", "17151.html", "index.html"]
    index = (ziel / "index.html").read_text(encoding="utf-8")
    assert "fehlgeschlagen" in index and "Testfehler" in index
    assert not list(ziel.glob("*.tmp"))
    assert [p.name for p in ziel.glob(".*")] == [berichtslauf.STANDDATEI]


def test_bimo_fehler_erscheint_deutsch_ohne_technik(tmp_path, monkeypatch):
    _vorlage_mit_fehler(
        tmp_path, monkeypatch, "from bimo import berichte\nberichte.pruefe_jahr(1990)"
    )
    ergebnisse = berichtslauf.baue_berichte(
        "kommunalprofil", ["17101"], tmp_path / "aus", fortschritt=False
    )
    assert ergebnisse[0].fehler.startswith("Für das Jahr 1990 gibt es keine Daten")


def test_namen_aus_daten_werden_maskiert(tmp_path, monkeypatch, wurzel):
    kopie = tmp_path / "daten"
    shutil.copytree(wurzel / "datasets" / "musterland", kopie)
    gebiete = kopie / "gebiete.csv"
    gebiete.write_text(
        gebiete.read_text(encoding="utf-8").replace(
            "Landkreis Kornboden", "Kornboden <script>alert(1)</script>"
        ),
        encoding="utf-8",
    )
    monkeypatch.setenv("BIMO_DATEN", str(kopie))
    ziel = tmp_path / "aus"
    ergebnisse = berichtslauf.baue_berichte("kommunalprofil", ["17253"], ziel, fortschritt=False)
    assert ergebnisse[0].ok, ergebnisse[0].fehler
    for datei in ("17253.html", "index.html"):
        text = (ziel / datei).read_text(encoding="utf-8")
        assert "<script>alert" not in text
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text


def test_mehrere_prozesse_je_mit_warmem_kernel(tmp_path):
    kommunen = ["17101", "17252", "17253"]
    ergebnisse = berichtslauf.baue_berichte(
        "kommunalprofil", kommunen, tmp_path, jobs=2, fortschritt=False
    )
    assert [e.kommune for e in ergebnisse] == kommunen  # Reihenfolge wie angefragt
    assert all(e.ok and not e.uebersprungen for e in ergebnisse)
    for e in ergebnisse:
        assert e.name in (tmp_path / f"{e.kommune}.html").read_text(encoding="utf-8")
    index = (tmp_path / "index.html").read_text(encoding="utf-8")
    assert index.count('class="ok"') == 3


def test_fortsetzen_baut_nur_was_sich_geaendert_hat(tmp_path):
    erster = berichtslauf.baue_berichte(
        "kommunalprofil", ["17101", "17252"], tmp_path, parameter={"jahr": 2024}, fortschritt=False
    )
    assert not any(e.uebersprungen for e in erster)
    zeit = {k: (tmp_path / f"{k}.html").stat().st_mtime_ns for k in ("17101", "17252")}

    zweiter = berichtslauf.baue_berichte(
        "kommunalprofil",
        ["17101", "17252"],
        tmp_path,
        parameter={"jahr": 2024},
        fortschritt=False,
        fortsetzen=True,
    )
    assert all(e.ok and e.uebersprungen for e in zweiter)
    assert {k: (tmp_path / f"{k}.html").stat().st_mtime_ns for k in zeit} == zeit
    assert "fertig (unverändert)" in (tmp_path / "index.html").read_text(encoding="utf-8")

    # fehlende Datei oder geänderter Parameter: neu bauen
    (tmp_path / "17101.html").unlink()
    dritter = berichtslauf.baue_berichte(
        "kommunalprofil",
        ["17101", "17252"],
        tmp_path,
        parameter={"jahr": 2023},
        fortschritt=False,
        fortsetzen=True,
    )
    assert [e.uebersprungen for e in dritter] == [False, False]
    assert (tmp_path / "17101.html").is_file()


def test_fingerabdruck_haengt_an_vorlage_parametern_und_kommune():
    pfad = berichte.vorlage_pfad("kommunalprofil")
    a = berichtslauf.fingerabdruck(pfad, {"jahr": 2024}, "17101")
    assert a == berichtslauf.fingerabdruck(pfad, {"jahr": 2024}, "17101")
    assert a != berichtslauf.fingerabdruck(pfad, {"jahr": 2023}, "17101")
    assert a != berichtslauf.fingerabdruck(pfad, {"jahr": 2024}, "17252")


def test_jobs_muss_positiv_sein(tmp_path):
    with pytest.raises(ParameterFehler, match="mindestens 1"):
        berichtslauf.baue_berichte("kommunalprofil", ["17101"], tmp_path, jobs=0)
