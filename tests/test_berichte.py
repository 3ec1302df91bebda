"""Kommunalprofile: Parameter prüfen, Berichte bauen, Fehler isolieren, nichts verraten."""

from __future__ import annotations

import csv
import html
import io
import os
import re
import shutil
import subprocess

import nbformat
import pandas as pd
import pytest

from bimo import berichte, indikatoren
from bimo.berichte import lauf as berichtslauf
from bimo.daten.gross import erzeuge_grosses_land
from bimo.fehler import DatenFehler, ParameterFehler
from bimo.kern.format import prozent
from tests.conftest import kleine_fallzahlen


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


def test_gemeindeschluessel_sagt_ehrlich_was_geht():
    erwartet = "Gemeindeprofile braucht eine Gemeindetabelle im Datenordner"
    with pytest.raises(ParameterFehler, match=erwartet) as e:
        berichte.pruefe_kommune("17101000")
    assert "17101 (Musterstadt)" in str(e.value)


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
    with pytest.raises(ParameterFehler, match="2012 bis 2024"):
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
    assert p.themenfelder == list(indikatoren.THEMENFELDER)  # Musterland hat alle sechs
    fruehkindlich = p.kennzahlen("Frühkindliche Bildung").daten
    assert list(fruehkindlich["Kennzahl"])[:2] == [
        "Betreuungsquote der Kinder unter 3 Jahren",
        "Betreuungsquote der Kinder von 3 bis unter 6 Jahren",
    ]
    zeile = fruehkindlich.iloc[0]
    assert zeile["Musterstadt"].endswith("%") and zeile["Musterland"].endswith("%")
    assert re.fullmatch(r"\d+ von 12", zeile["Rang im Land (1 = höchster Wert)"])
    assert "Prozentpunkte über dem Landeswert" in p.einordnung("Frühkindliche Bildung").markdown
    # ähnliche Kommunen: dasselbe Land, derselbe Kreistyp – Musterlands kreisfreie Städte
    assert set(p.aehnliche) == {"17102", "17201"}


def test_vergleichswert_ist_die_quote_der_gruppe():
    """Wie das Buch lehrt: Summe der Zähler durch Summe der Nenner, nicht das Mittel."""
    p = berichte.bericht("17253", 2024, vergleich="17101,17102")
    tabelle = indikatoren.indikator("betreuungsquote_u3").berechne(land=False)
    jahr = tabelle[tabelle["jahr"] == 2024].set_index("ags")
    gruppe = jahr.loc[["17101", "17102"]]
    erwartet = gruppe["zaehler"].sum() / gruppe["nenner"].sum() * 100
    assert abs(erwartet - gruppe["wert"].mean()) > 0.05  # das Mittel sähe anders aus
    zeile = p.kennzahlen("Frühkindliche Bildung").daten.iloc[0]
    assert zeile["Vergleichskommunen"] == prozent(erwartet)
    text = p.vergleichskommunen().markdown
    assert "(vorgegeben)" in text and "Quote der Gruppe" in text


def test_parameter_mit_deutschen_meldungen():
    with pytest.raises(ParameterFehler, match="Thema „Sport“ gibt es nicht.*Frühkindliche"):
        berichte.bericht("17101", thema="Sport")
    assert berichte.pruefe_thema("fruehkindliche_bildung") == "Frühkindliche Bildung"
    with pytest.raises(ParameterFehler, match="Kommune „17999“ gibt es in Musterland nicht"):
        berichte.bericht("17101", vergleich="17102,17999")
    with pytest.raises(ParameterFehler, match="Datenordner „/gibt/es/nicht“ existiert nicht"):
        berichte.bericht("17101", daten="/gibt/es/nicht")
    with pytest.raises(ParameterFehler, match="Bildungsjournal behandelt genau ein Themenfeld"):
        berichte.bericht("17101").journal()
    assert berichte.pruefe_jahr(None) is None  # das neueste Jahr


def test_ordner_ohne_bevoelkerung_wird_erklaert(tmp_path):
    (tmp_path / "notizen.csv").write_text("nur;eine;Notiz\n", encoding="utf-8")
    with pytest.raises(
        DatenFehler, match="keine brauchbare Bevölkerungstabelle 12411-02-03-4"
    ) as e:
        berichte.bericht("17101", daten=tmp_path)
    # jede Datei mit ihrem Grund, nicht nur ihr Name
    assert "notizen.csv: nicht lesbar" in str(e.value)
    assert "keine Datenzeile gefunden" in str(e.value)


@pytest.fixture(scope="module")
def zwei_berichte(tmp_path_factory):
    ziel = tmp_path_factory.mktemp("berichte")
    ergebnisse = berichtslauf.baue_berichte(
        "kommunalprofil", ["17101", "17253"], ziel, parameter={"jahr": 2023}, fortschritt=False
    )
    return ziel, ergebnisse


@pytest.mark.berichte
def test_bericht_je_kommune_und_index(zwei_berichte):
    ziel, ergebnisse = zwei_berichte
    assert [e.ok for e in ergebnisse] == [True, True]
    assert _dateien(ziel) == [
        f"{k}.{e}" for k in ("17101", "17253") for e in ("csv", "html", "xlsx")
    ] + ["index.html"]
    index = (ziel / "index.html").read_text(encoding="utf-8")
    assert 'href="17101.html"' in index and "Landkreis Kornboden" in index
    assert 'href="17101.xlsx"' in index and "CC BY 4.0" in index


@pytest.mark.berichte
def test_bericht_ohne_code_ohne_externe_verweise(zwei_berichte):
    ziel, _ = zwei_berichte
    text = (ziel / "17253.html").read_text(encoding="utf-8")
    assert "Kommunalprofil Landkreis Kornboden" in text
    assert "Berichtsjahr 2023" in text  # Parameter kam an
    assert "berichte.kommunalprofil(" not in text and "import " not in text  # keine Eingabezellen
    assert not EXTERN.search(text)
    assert "<script" not in text
    bilder = re.findall(r"<img[^>]*>", text)
    assert len(bilder) == 1 + len(indikatoren.THEMENFELDER)  # Karte und je Themenfeld ein Verlauf
    for bild in bilder:
        assert 'src="data:image/png;base64,' in bild
        assert re.search(r'alt="(Liniendiagramm|Karte)[^"]+"', bild)
    assert "Schwarz umrandet: Landkreis Kornboden" in text
    assert "Datenquellen und Lizenz" in text and "CC BY 4.0" in text
    for feld in indikatoren.THEMENFELDER:
        assert re.search(rf"<h2[^>]*>{re.escape(html.escape(feld))}", text), feld


@pytest.mark.berichte
def test_tabellen_als_csv_und_xlsx_wie_angezeigt(zwei_berichte):
    """Die CSV ist eine lange Tabelle für Maschinen (pandas liest sie ohne Optionen): je
    veröffentlichter Zelle Tabelle, Zeile, Spalte, Zahl, Einheit und angezeigter Text –
    dieselben Zellen wie XLSX und HTML, am Ende die Quellenzeilen."""
    ziel, _ = zwei_berichte
    lang = pd.read_csv(ziel / "17253.csv", encoding="utf-8-sig", dtype={"zeile": str})
    assert list(lang.columns) == ["tabelle", "zeile", "spalte", "wert", "einheit", "anzeige"]
    titel = list(dict.fromkeys(lang["tabelle"]))
    assert titel == ["Eckwerte", *indikatoren.THEMENFELDER, "Quelle und Hinweise"]
    quellen = lang[lang["tabelle"] == "Quelle und Hinweise"]["anzeige"].tolist()
    assert "CC BY 4.0" in quellen[0] and quellen[1].startswith("Zeichenerklärung")
    mappe = pd.read_excel(ziel / "17253.xlsx", sheet_name=None, header=None)
    assert len(mappe) == len(titel)
    blatt = next(t for t in mappe.values() if t.iloc[0, 0] == "Frühkindliche Bildung")
    kopf = list(blatt.iloc[2].dropna())
    frueh = lang[lang["tabelle"] == "Frühkindliche Bildung"]
    assert list(dict.fromkeys(frueh["spalte"])) == kopf[1:]
    u3 = frueh[frueh["zeile"] == blatt.iloc[3, 0]].set_index("spalte")
    assert u3.loc["Jahr", "wert"] == 2023
    quote = u3.loc["Landkreis Kornboden"]
    assert quote["einheit"] == "%" and quote["anzeige"].replace("\xa0", " ").endswith(" %")
    assert f"{quote['wert']:.1f}".replace(".", ",") == quote["anzeige"].split("\xa0")[0]
    assert quote["anzeige"] in (ziel / "17253.html").read_text(encoding="utf-8")
    gesperrt = lang[lang["anzeige"] == "."]
    assert gesperrt["wert"].isna().all()  # gesperrt: keine Zahl, nur das Zeichen


@pytest.mark.berichte
def test_xlsx_rechnet_wie_excel_sie_sieht(zwei_berichte):
    """In Excel geöffnet: Zahlen sind Zahlen (mit deutschem Format), Quoten Prozentwerte,
    Jahre Zahlen ohne Tausenderpunkt, Gesperrtes und Ränge Text; Quellen auf eigenem Blatt."""
    import openpyxl

    ziel, _ = zwei_berichte
    mappe = openpyxl.load_workbook(ziel / "17253.xlsx")
    blatt = mappe["Frühkindliche Bildung"]
    kopf = [z.value for z in blatt[3]]
    zeile = [z for z in blatt[4]]
    werte = dict(zip(kopf, zeile, strict=True))
    assert werte["Jahr"].value == 2023 and werte["Jahr"].number_format == "0"
    quote = werte["Landkreis Kornboden"]
    assert isinstance(quote.value, float) and 0 < quote.value < 1
    assert quote.number_format == "0.0%"
    html = (ziel / "17253.html").read_text(encoding="utf-8")
    angezeigt = f"{quote.value * 100:.1f}".replace(".", ",")
    assert f"{angezeigt}\xa0%" in html or f"{angezeigt}&nbsp;%" in html
    nenner = werte["Nenner"]
    assert isinstance(nenner.value, int) and nenner.number_format == "#,##0"
    rang = werte["Rang im Land (1 = höchster Wert)"]
    assert isinstance(rang.value, str) and " von " in rang.value
    assert blatt.column_dimensions["A"].width > 20  # lesbar breit, nicht Excels 8,43
    quellen = mappe["Quelle und Hinweise"]
    texte = [z.value for z in quellen["A"] if z.value]
    assert any("CC BY 4.0" in t for t in texte)
    assert any(t.startswith("Zeichenerklärung") for t in texte)
    assert any(t.startswith("Stand: ") for t in texte)
    assert any(t.startswith("Geheimhaltung: Zähler und Nenner unter 3") for t in texte)
    zahlen = sum(
        isinstance(z.value, int | float) for b in mappe.worksheets for r in b.iter_rows() for z in r
    )
    assert zahlen > 50  # früher: jede Zelle ein Text


def test_tabellen_ohne_formeln_und_gesperrtes_bleibt_text(tmp_path):
    """Ein Kreisname aus den Daten wie =HYPERLINK(…) wird nie zur Formel (XLSX: Text;
    CSV: mit ' davor); „.“ bleibt Text, eine negative Zahl bleibt eine Zahl."""
    import openpyxl

    from bimo.berichte.ausgabe import schreibe_tabellen
    from bimo.kern.darstellung import Tabelle

    feind = '=HYPERLINK("http://evil","x")'
    daten = pd.DataFrame(
        {
            "Gebiet": [feind, "@SUMME(A1)", "Musterstadt"],
            "Schlüssel": ["09162", "17101", "17102"],
            "Wert": ["-3,8", ".", "1.234"],
            "=1+1": ["a", "b", "c"],  # ein Spaltenkopf aus den Daten (der Name der Kommune)
        }
    )
    bundle = Tabelle(daten, titel="Vergleich")._repr_mimebundle_()
    nb = nbformat.v4.new_notebook()
    zelle = nbformat.v4.new_code_cell("")
    zelle.outputs = [nbformat.v4.new_output("display_data", data=bundle)]
    nb.cells.append(zelle)
    schreibe_tabellen(nb, tmp_path / "t", ["Quelle: Test"])
    blatt = openpyxl.load_workbook(tmp_path / "t.xlsx")["Vergleich"]
    assert blatt["A4"].value == feind and blatt["A4"].data_type == "s"
    assert blatt["A5"].data_type == "s"
    assert blatt["B4"].value == "09162"  # Schlüssel mit führender Null bleibt Text
    assert blatt["C4"].value == -3.8 and blatt["C5"].value == "." and blatt["C6"].value == 1234
    assert "gesperrt (Geheimhaltung)" in blatt["C5"].comment.text
    assert blatt["D3"].value == "=1+1" and blatt["D3"].data_type == "s"
    zeilen = list(csv.DictReader(io.StringIO((tmp_path / "t.csv").read_text("utf-8-sig"))))
    assert {z["zeile"] for z in zeilen if z["tabelle"] == "Vergleich"} == {
        f"'{feind}",
        "'@SUMME(A1)",
        "Musterstadt",
    }
    assert {z["spalte"] for z in zeilen} >= {"Wert", "'=1+1"}
    wert = {z["anzeige"]: z["wert"] for z in zeilen if z["spalte"] == "Wert"}
    assert wert == {"-3,8": "-3.8", ".": "", "1.234": "1234"}


def _vorlage_mit_fehler(tmp_path, monkeypatch, fehlerzeile: str):
    nb = nbformat.read(berichte.vorlage_pfad("kommunalprofil"), as_version=4)
    nb.cells.insert(2, nbformat.v4.new_code_cell(fehlerzeile))
    pfad = tmp_path / "vorlage.ipynb"
    nbformat.write(nb, pfad)
    from bimo.berichte import vorlagen

    monkeypatch.setattr(vorlagen, "vorlage_pfad", lambda _name: pfad)


@pytest.mark.berichte
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
    assert _dateien(ziel) == [
        f"{k}.{e}" for k in ("17101", "17151") for e in ("csv", "html", "xlsx")
    ] + ["index.html"]
    index = (ziel / "index.html").read_text(encoding="utf-8")
    assert "fehlgeschlagen" in index and "Testfehler" in index
    assert not list(ziel.glob("*.tmp"))
    assert [p.name for p in ziel.glob(".*")] == [berichtslauf.STANDDATEI]


@pytest.mark.berichte
def test_bimo_fehler_erscheint_deutsch_ohne_technik(tmp_path, monkeypatch):
    _vorlage_mit_fehler(
        tmp_path, monkeypatch, "from bimo import berichte\nberichte.pruefe_jahr(1990)"
    )
    ergebnisse = berichtslauf.baue_berichte(
        "kommunalprofil", ["17101"], tmp_path / "aus", fortschritt=False
    )
    assert ergebnisse[0].fehler.startswith("Für das Jahr 1990 gibt es keine Daten")


@pytest.mark.berichte
def test_namen_aus_daten_werden_maskiert(tmp_path, monkeypatch, wurzel):
    kopie = tmp_path / "daten"
    shutil.copytree(wurzel / "src/bimo/daten/datensaetze" / "musterland", kopie)
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


@pytest.mark.berichte
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


def _kernel_startet_nicht(auftrag) -> None:  # noqa: ARG001 – Initialisierer des Prozesspools
    """Wie ein Arbeitsprozess, dessen Kernel nicht startet (z. B. Port schon belegt)."""
    raise RuntimeError("Kernel died before replying to kernel_info")


@pytest.mark.berichte
def test_abgestuerzter_arbeitsprozess_verliert_keinen_bericht(tmp_path, monkeypatch):
    """Stirbt ein Arbeitsprozess (sein Kernel startet nicht), baut der Lauf die übrigen
    Berichte selbst – statt mit BrokenProcessPool alles zu verlieren."""
    monkeypatch.setattr(berichtslauf, "starte_arbeiter", _kernel_startet_nicht)
    kommunen = ["17101", "17252"]
    ergebnisse = berichtslauf.baue_berichte(
        "kommunalprofil", kommunen, tmp_path, jobs=2, fortschritt=False
    )
    assert [e.kommune for e in ergebnisse] == kommunen
    assert all(e.ok for e in ergebnisse)
    assert (tmp_path / "index.html").read_text(encoding="utf-8").count('class="ok"') == 2


@pytest.mark.berichte
def test_kernelstart_wird_wiederholt(monkeypatch, tmp_path):
    """Ein gescheiterter Kernelstart (Portkonflikt) wird mit neuen Ports wiederholt."""
    from jupyter_client import KernelManager

    from bimo.berichte.arbeiter import WarmerKernel

    echt = KernelManager.start_kernel
    versuche = []

    def erst_scheitern(self, **kwargs):
        versuche.append(1)
        if len(versuche) == 1:
            raise RuntimeError("Kernel died before replying to kernel_info")
        return echt(self, **kwargs)

    monkeypatch.setattr(KernelManager, "start_kernel", erst_scheitern)
    with WarmerKernel(tmp_path) as kernel:
        assert kernel.km is not None and kernel.km.is_alive()
    assert len(versuche) == 2


@pytest.mark.berichte
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


@pytest.mark.berichte
def test_bildungsjournal_und_faktenblatt(tmp_path):
    journal = berichtslauf.baue_berichte(
        "bildungsjournal",
        ["17101"],
        tmp_path / "journal",
        parameter={"thema": "Allgemeinbildende Schulen"},
        fortschritt=False,
    )
    assert journal[0].ok, journal[0].fehler
    text = (tmp_path / "journal" / "17101.html").read_text(encoding="utf-8")
    assert "Bildungsjournal „Allgemeinbildende Schulen“ Musterstadt" in text
    assert "Übergangsquote auf das Gymnasium" in text and "Frühkindliche Bildung" not in text
    assert "Karte „" in text  # Karte der Hauptkennzahl

    fakten = berichtslauf.baue_berichte(
        "faktenblatt", ["17252"], tmp_path / "fakten", fortschritt=False
    )
    assert fakten[0].ok, fakten[0].fehler
    text = (tmp_path / "fakten" / "17252.html").read_text(encoding="utf-8")
    assert "Faktenblatt" in text and "Einordnung" in text and "<img" not in text

    with pytest.raises(ParameterFehler, match="Bildungsjournal behandelt genau ein Themenfeld"):
        berichtslauf.baue_berichte(
            "bildungsjournal", ["17101"], tmp_path / "x", parameter={"thema": "alle"}
        )


def _chromium_da() -> bool:
    try:
        berichtslauf.chromium()
    except ParameterFehler:
        if os.environ.get("CI"):
            raise
        return False
    return True


@pytest.mark.browser
@pytest.mark.berichte
def test_pdf_druckfertig(tmp_path):
    if not _chromium_da():
        pytest.skip("Chromium fehlt (apt-get install chromium); in der CI ein Fehler")
    ergebnisse = berichtslauf.baue_berichte(
        "faktenblatt", ["17101"], tmp_path, fortschritt=False, pdf=True
    )
    assert ergebnisse[0].ok, ergebnisse[0].fehler
    pdf = (tmp_path / "17101.pdf").read_bytes()
    assert pdf.startswith(b"%PDF-") and len(pdf) > 10_000
    if shutil.which("pdfinfo"):  # poppler-utils: ein Faktenblatt ist eine Seite
        info = subprocess.run(
            ["pdfinfo", str(tmp_path / "17101.pdf")], capture_output=True, text=True, check=True
        ).stdout
        assert re.search(r"^Pages:\s+1$", info, re.M), info
    if shutil.which("pdftotext"):  # Fußzeile: Bericht, Kommune, Stand und Seitenzahl
        text = subprocess.run(
            ["pdftotext", "-layout", str(tmp_path / "17101.pdf"), "-"],
            capture_output=True, text=True, check=True,
        ).stdout  # fmt: skip
        assert re.search(r"Faktenblatt Musterstadt · Stand \d\d\.\d\d\.\d{4}", text), text
        assert "Seite 1 von 1" in text
    assert 'href="17101.pdf"' in (tmp_path / "index.html").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def grosses_land(tmp_path_factory):
    """60 Kreise in zwei Ländern als Exporte der Regionaldatenbank, ein Name feindlich."""
    ordner = tmp_path_factory.mktemp("exporte")
    erzeuge_grosses_land(ordner, 60, seed=0, feindlicher_name=True)
    return ordner


@pytest.mark.berichte
def test_bericht_aus_exporten_mit_feindlichem_namen(grosses_land, tmp_path):
    from bimo.berichte import datenbasis

    basis = datenbasis.lade(grosses_land)
    feind = basis.kreise[basis.kreise["name"].str.contains("<script>")]
    assert len(feind) == 1
    ags = feind["ags"].iloc[0]
    ergebnisse = berichtslauf.baue_berichte(
        "kommunalprofil",
        [ags],
        tmp_path,
        parameter={"daten": str(grosses_land)},
        fortschritt=False,
    )
    assert ergebnisse[0].ok, ergebnisse[0].fehler
    for datei in (f"{ags}.html", "index.html"):
        text = (tmp_path / datei).read_text(encoding="utf-8")
        assert "<script>alert" not in text, datei
        assert "&lt;script&gt;alert" in text, datei
    text = (tmp_path / f"{ags}.html").read_text(encoding="utf-8")
    assert "© bimo-Projekt, 2025: großes Musterland" in text  # Quellenvermerk der Dateien
    assert "dl-de/by-2-0" not in text  # die Lizenz steht nur da, wo die Datei sie nennt
    assert "Keine Karte" in text  # keine Geometrie im Ordner: gesagt, nicht verschwiegen


@pytest.mark.berichte
def test_kleine_fallzahlen_erscheinen_nie(grosses_land, tmp_path):
    from bimo.berichte import datenbasis

    basis = datenbasis.lade(grosses_land)
    # Kreise mit einer Fallzahl unter 10 im neuesten Jahr eines Indikators
    klein = set()
    for t in basis.werte.values():
        t = t[t["jahr"] == t["jahr"].max()]
        klein |= set(t.loc[(t["zaehler"] > 0) & (t["zaehler"] < 10), "ags"])
    assert klein, "die große Variante soll kleine Fallzahlen enthalten"
    ergebnisse = berichtslauf.baue_berichte(
        "kommunalprofil",
        sorted(klein)[:3],
        tmp_path,
        parameter={"daten": str(grosses_land), "mindestfallzahl": 10},
        fortschritt=False,
    )
    assert all(e.ok for e in ergebnisse), [e.fehler for e in ergebnisse]
    for e in ergebnisse:
        csv_datei = tmp_path / f"{e.kommune}.csv"
        assert kleine_fallzahlen(csv_datei, 10) == []
        assert ",.\n" in csv_datei.read_text(encoding="utf-8-sig")  # gesperrt, nicht weggelassen


def test_fusszeile_haelt_namen_aus_den_daten_im_css():
    from bimo.berichte.ausgabe import fusszeile

    css = fusszeile('Kommunalprofil </style><script>alert(1)</script> "X"')
    assert "</style>" not in css and "<script>" not in css and '"X"' not in css
    assert 'counter(page) " von " counter(pages)' in css


@pytest.mark.berichte
def test_docx_mit_ueberschriften_tabellen_grafiken_und_quellen(tmp_path):
    """bimo berichte --docx: die Word-Datei, zurückgelesen mit python-docx, hat die
    Überschriften, jede veröffentlichte Tabelle als Word-Tabelle (dieselben Zellen wie die
    CSV), die Grafiken mit Alternativtext und die Seite „Quelle und Hinweise“."""
    from docx import Document

    ergebnisse = berichtslauf.baue_berichte(
        "kommunalprofil", ["17101"], tmp_path, fortschritt=False, docx=True
    )
    assert ergebnisse[0].ok, ergebnisse[0].fehler
    doc = Document(tmp_path / "17101.docx")
    ueberschriften = [p.text for p in doc.paragraphs if p.style.name.startswith("Heading")]
    assert ueberschriften[0] == "Kommunalprofil Musterstadt"
    assert {"Auf einen Blick", *indikatoren.THEMENFELDER, "Quelle und Hinweise"} <= set(
        ueberschriften
    )
    lang = pd.read_csv(tmp_path / "17101.csv", encoding="utf-8-sig", dtype=str)
    tabellen = [t for t in lang["tabelle"].unique() if t != "Quelle und Hinweise"]
    assert len(doc.tables) == len(tabellen)
    eckwerte = doc.tables[0]
    kopf = [z.text for z in eckwerte.rows[0].cells]
    zeile = [z.text for z in eckwerte.rows[1].cells]
    csv_zeile = lang[(lang["tabelle"] == "Eckwerte") & (lang["zeile"] == zeile[0])]
    assert list(csv_zeile["anzeige"]) == zeile[1:] and list(csv_zeile["spalte"]) == kopf[1:]
    bilder = doc.inline_shapes
    assert len(bilder) >= 2
    alt = [b._inline.docPr.get("descr") for b in bilder]
    assert all(a and len(a) > 20 for a in alt), alt
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "CC BY 4.0" in text and "Zeichenerklärung" in text and "Geheimhaltung:" in text
    assert "**" not in text and "<!--" not in text
    assert 'href="17101.docx"' in (tmp_path / "index.html").read_text(encoding="utf-8")
