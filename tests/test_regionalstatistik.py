"""Lesen und Schreiben von Regionaldatenbank-/GENESIS-Exporten mit selbst gebauten Dateien."""

from __future__ import annotations

import io
import math
import random
import zipfile
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bimo.daten.regionalstatistik import (
    ebene_aus_ags,
    lese_regionalstatistik,
    schreibe_regionalstatistik,
)
from bimo.fehler import DatenFehler

FUSS = """__________
"zu ""gesamter Tabelle"":
Baden-Württemberg (ab Berichtsjahr 2011): Gebietsstand
01.01.2011; Hinweis mit Semikolon"
"© Statistische Ämter des Bundes und der Länder, Deutschland, 2017.
Dieses Werk ist lizensiert unter der Datenlizenz Deutschland
- Namensnennung - Version 2.0."
Stand: 14.12.2017 / 15:51:18
"""

# Zeit nur in einer Kopfzeile, Einheit im Titel, alle Ebenen von DG bis Gemeinde.
ZEIT_IM_KOPF = """GENESIS-Tabelle: 12411-01-01-4
Bevölkerungsstand: Bevölkerung nach Geschlecht;;;;
- Stichtag 31.12. -;;;;
regionale Tiefe: Kreise und krfr. Städte;;;;
Bevölkerungsstand (Anzahl);;;;
;;31.12.2015;31.12.2015;31.12.2015
;;Insgesamt;männlich;weiblich
DG;Deutschland;82175684;40514123;41661561
01;  Schleswig-Holstein;2858714;1399458;1459256
01001;      Flensburg, Kreisfreie Stadt;85942;42767;43175
031;    Braunschweig, Stat. Region;1589423;783511;805912
03152;      Göttingen, Landkreis;255653;126142;129511
03159;      Göttingen, Landkreis;-;-;-
03241001;      Hannover, Landeshauptstadt;532163;259749;272414
0713101021;        Eichenbach;70;.;x
"""

# Zeit je Zeile, ein Zeilenmerkmal ohne Überschrift, drei Kopfebenen und eine Einheitenzeile.
ZEIT_JE_ZEILE = """GENESIS-Tabelle: 22543-01-02-4
Statistik der öffentl. geförd. Kindertagespflege,;;;;;;
nach Art der Kindertagesbetreuung - Stichtag -;;;;;;
;;;;Betreute Kinder;Betreute Kinder;Kinder mit Mittagsverpflegung
;;;;;Altersgruppe;
;;;;;unter 3 Jahre;
;;;;Anzahl;Anzahl;Anzahl
01.03.2016;DG;Deutschland;Tageseinrichtung;3413553;614600;2470177
01.03.2016;DG;Deutschland;Tagespflege;152990;106764;119551
01.03.2016;DG;Deutschland;Insgesamt (ohne Doppelzählungen);3546412;719558;2580621
01.03.2016;01;  Schleswig-Holstein;Tageseinrichtung;106560;17029;68735
01.03.2016;01;  Schleswig-Holstein;Tagespflege;7020;4915;5595
01.03.2016;01;  Schleswig-Holstein;Insgesamt (ohne Doppelzählungen);112990;21553;73981
01.03.2015;DG;Deutschland;Tageseinrichtung;3356960;591512;.
01.03.2015;DG;Deutschland;Tagespflege;147570;101855;.
01.03.2015;DG;Deutschland;Insgesamt (ohne Doppelzählungen);3481911;693343;.
01.03.2015;01;  Schleswig-Holstein;Tageseinrichtung;104021;15993;.
01.03.2015;01;  Schleswig-Holstein;Tagespflege;6781;4611;.
01.03.2015;01;  Schleswig-Holstein;Insgesamt (ohne Doppelzählungen);110220;20208;.
"""

# Zeit als eigene Titelzeile; eine gleichbleibende Kopfzeile benennt die Ebene darunter.
ZEIT_IM_TITEL = """GENESIS-Tabelle: 21111-02-06-4
Allgemeinbildende Schulen: Absolventen/Abgänger;;;;;
2015;;;;;
;;Schulabschluss;Schulabschluss;Schulabschluss;Schulabschluss
;;Insgesamt;Insgesamt;ohne Hauptschulabschluss;ohne Hauptschulabschluss
;;Insgesamt;weiblich;Insgesamt;weiblich
DG;Deutschland;846423;414111;47435;18348
01;  Schleswig-Holstein;29689;14542;2234;863
"""


def _datei(tmp_path: Path, inhalt: str, *, kodierung="latin-1", name="tabelle.csv", bom=False):
    pfad = tmp_path / name
    roh = inhalt.encode(kodierung)
    pfad.write_bytes((b"\xef\xbb\xbf" if bom else b"") + roh)
    return pfad


def _zellen(tabelle: pd.DataFrame, **auswahl) -> pd.DataFrame:
    maske = np.ones(len(tabelle), dtype=bool)
    for spalte, wert in auswahl.items():
        maske &= (tabelle[spalte] == wert).to_numpy()
    return tabelle[maske]


def _ein_wert(tabelle: pd.DataFrame, **auswahl) -> tuple[float, str]:
    treffer = _zellen(tabelle, **auswahl)
    assert len(treffer) == 1, treffer
    return treffer["wert"].iloc[0], treffer["zeichen"].iloc[0]


# --- klassischer Export ----------------------------------------------------------


def test_zeit_im_kopf_latin1_mit_allen_ebenen(tmp_path):
    df = lese_regionalstatistik(_datei(tmp_path, ZEIT_IM_KOPF + FUSS))
    assert list(df.columns) == [
        "ags",
        "name",
        "ebene",
        "stufe",
        "zeit",
        "jahr",
        "merkmal_1",
        "einheit",
        "wert",
        "zeichen",
    ]
    assert len(df) == 8 * 3
    assert df["ags"].dtype == "string" and df["jahr"].dtype == "int64"
    assert set(df["zeit"]) == {"31.12.2015"} and set(df["jahr"]) == {2015}
    assert set(df["einheit"]) == {"Anzahl"}
    assert list(df["merkmal_1"].iloc[:3]) == ["Insgesamt", "männlich", "weiblich"]
    ebenen = df.drop_duplicates("ags").set_index("ags")
    assert ebenen["ebene"].to_dict() == {
        "DG": "Deutschland",
        "01": "Land",
        "01001": "Kreis",
        "031": "Regierungsbezirk",
        "03152": "Kreis",
        "03159": "Kreis",
        "03241001": "Gemeinde",
        "0713101021": "Gemeinde",
    }
    assert ebenen["stufe"].to_dict() == {
        "DG": 0,
        "01": 1,
        "01001": 3,
        "031": 2,
        "03152": 3,
        "03159": 3,
        "03241001": 3,
        "0713101021": 4,
    }
    assert ebenen.loc["01001", "name"] == "Flensburg, Kreisfreie Stadt"
    assert _ein_wert(df, ags="03152", merkmal_1="weiblich") == (129511.0, "")


def test_kopfdaten_und_fussteil_in_attrs(tmp_path):
    df = lese_regionalstatistik(_datei(tmp_path, ZEIT_IM_KOPF + FUSS))
    assert df.attrs["tabelle"] == "12411-01-01-4"
    assert df.attrs["titel"].splitlines() == [
        "Bevölkerungsstand: Bevölkerung nach Geschlecht",
        "- Stichtag 31.12. -",
        "regionale Tiefe: Kreise und krfr. Städte",
        "Bevölkerungsstand (Anzahl)",
    ]
    assert df.attrs["stand"] == "14.12.2017 / 15:51:18"
    assert df.attrs["quelle"].startswith("© Statistische Ämter des Bundes und der Länder")
    assert df.attrs["quelle"].endswith("Version 2.0.")
    assert "01.01.2011; Hinweis mit Semikolon" in df.attrs["fussnoten"]
    assert df.attrs["datei"].endswith("tabelle.csv") and df.attrs["format"] == "csv"


def test_aufgeloester_kreis_mit_nur_strichen_bleibt_als_echte_null(tmp_path):
    df = lese_regionalstatistik(_datei(tmp_path, ZEIT_IM_KOPF + FUSS))
    goettingen_neu = _zellen(df, ags="03159")
    assert len(goettingen_neu) == 3
    assert (goettingen_neu["wert"] == 0.0).all() and (goettingen_neu["zeichen"] == "-").all()


@pytest.mark.parametrize("kodierung, bom", [("utf-8", False), ("utf-8", True), ("cp1252", False)])
def test_kodierungen_geben_dieselbe_tabelle(tmp_path, kodierung, bom):
    latin = lese_regionalstatistik(_datei(tmp_path, ZEIT_IM_KOPF + FUSS, name="a.csv"))
    anders = lese_regionalstatistik(
        _datei(tmp_path, ZEIT_IM_KOPF + FUSS, kodierung=kodierung, bom=bom, name="b.csv")
    )
    pd.testing.assert_frame_equal(latin, anders)
    assert anders["name"].str.contains("Göttingen").any()


def test_utf16_mit_bom_wird_erkannt(tmp_path):
    df = lese_regionalstatistik(_datei(tmp_path, ZEIT_IM_KOPF + FUSS, kodierung="utf-16"))
    assert "Göttingen, Landkreis" in set(df["name"])
    # das BOM bleibt nicht vor dem Kopf stehen: der Tabellencode wird erkannt
    assert df.attrs["tabelle"] == "12411-01-01-4"


def test_zeit_je_zeile_zeilenmerkmal_und_mehrzeiliger_kopf(tmp_path):
    df = lese_regionalstatistik(_datei(tmp_path, ZEIT_JE_ZEILE + FUSS, kodierung="utf-8"))
    merkmale = ["merkmal_1", "merkmal_2", "merkmal_3", "merkmal_4"]
    assert list(df.columns[6:10]) == merkmale
    assert len(df) == 12 * 3
    assert set(df["zeit"]) == {"01.03.2016", "01.03.2015"} and set(df["jahr"]) == {2015, 2016}
    assert set(df["merkmal_1"]) == {
        "Tageseinrichtung",
        "Tagespflege",
        "Insgesamt (ohne Doppelzählungen)",
    }
    zeile = _zellen(df, ags="01", zeit="01.03.2016", merkmal_1="Insgesamt (ohne Doppelzählungen)")
    assert zeile[["merkmal_2", "merkmal_3", "merkmal_4"]].values.tolist() == [
        ["Betreute Kinder", "", ""],
        ["Betreute Kinder", "Altersgruppe", "unter 3 Jahre"],
        ["Kinder mit Mittagsverpflegung", "", ""],
    ]
    assert zeile["wert"].tolist() == [112990.0, 21553.0, 73981.0]
    assert set(df["einheit"]) == {"Anzahl"}
    geheim = _zellen(df, zeit="01.03.2015", merkmal_2="Kinder mit Mittagsverpflegung")
    assert geheim["wert"].isna().all() and (geheim["zeichen"] == ".").all()


def test_zeit_in_titelzeile_und_benannte_kopfebene(tmp_path):
    df = lese_regionalstatistik(_datei(tmp_path, ZEIT_IM_TITEL + FUSS))
    assert "schulabschluss" in df.columns and "merkmal_2" in df.columns
    assert df.attrs["merkmale"]["schulabschluss"] == "Schulabschluss"
    assert df.attrs["spaltenkopf"] == ["Schulabschluss"]
    assert set(df["zeit"]) == {"2015"} and "2015" not in df.attrs["titel"]
    assert df["einheit"].eq("").all()
    assert _ein_wert(
        df, ags="01", schulabschluss="ohne Hauptschulabschluss", merkmal_2="weiblich"
    ) == (863.0, "")


ZEICHEN_FAELLE = [
    ("-", 0.0, "-"),
    ("0", 0.0, ""),
    (".", math.nan, "."),
    ("x", math.nan, "x"),
    ("/", math.nan, "/"),
    ("...", math.nan, "..."),
    ("12,3p", 12.3, "p"),
    ("7r", 7.0, "r"),
    ("4 s", 4.0, "s"),
    ("( 12 )", 12.0, "()"),
    ("(3,5)", 3.5, "()"),
    ("1.234,5", 1234.5, ""),
    ("1.234.567", 1234567.0, ""),
    ("-5", -5.0, ""),
    ("-0,25", -0.25, ""),
]


@pytest.mark.parametrize("zelle, wert, zeichen", ZEICHEN_FAELLE)
def test_zeichen_und_zahlen(tmp_path, zelle, wert, zeichen):
    inhalt = f"GENESIS-Tabelle: T\nTitel;;\n;;Wert\nDG;Deutschland;{zelle}\n" + FUSS
    df = lese_regionalstatistik(_datei(tmp_path, inhalt))
    assert df["zeichen"].iloc[0] == zeichen
    if math.isnan(wert):
        assert math.isnan(df["wert"].iloc[0])
    else:
        assert df["wert"].iloc[0] == pytest.approx(wert)


def test_ueberzaehliges_semikolon_am_zeilenende(tmp_path):
    inhalt = "GENESIS-Tabelle: T\n;;A;B;\nDG;Deutschland;1;2;\n01;  Land;3;4;\n" + FUSS
    df = lese_regionalstatistik(_datei(tmp_path, inhalt))
    assert df["merkmal_1"].tolist() == ["A", "B", "A", "B"]
    assert df["wert"].tolist() == [1.0, 2.0, 3.0, 4.0]


def test_windows_zeilenenden(tmp_path):
    inhalt = (ZEIT_IM_KOPF + FUSS).replace("\n", "\r\n")
    df = lese_regionalstatistik(_datei(tmp_path, inhalt))
    assert len(df) == 24 and df.attrs["stand"] == "14.12.2017 / 15:51:18"


def test_ohne_zeitangabe_fehlt_das_jahr(tmp_path):
    inhalt = "GENESIS-Tabelle: T\n;;Insgesamt\nDG;Deutschland;5\n" + FUSS
    df = lese_regionalstatistik(_datei(tmp_path, inhalt))
    assert df["zeit"].iloc[0] == "" and df["jahr"].isna().all() and df["jahr"].dtype == "Int64"


def test_ebene_aus_ags():
    assert ebene_aus_ags("DG") == "Deutschland"
    assert ebene_aus_ags("0713802") == "Gemeindeverband"
    assert ebene_aus_ags("092760130130") == "Gemeinde"
    assert ebene_aus_ags("1234") == "unbekannt"


# --- Flatfile (ffcsv) ------------------------------------------------------------

FLAT_KOPF = (
    "statistics_code;statistics_label;time_code;time_label;time;"
    "1_variable_code;1_variable_label;1_variable_attribute_code;1_variable_attribute_label;"
    "2_variable_code;2_variable_label;2_variable_attribute_code;2_variable_attribute_label;"
    "value;value_unit;value_variable_code;value_variable_label;value_q"
)
FLAT_ZEILEN = [
    "12411;Bevölkerung;STAG;Stichtag;2016-12-31;KREISE;Kreise;03159;Göttingen, Landkreis;"
    "GES;Geschlecht;GESW;weiblich;166503;Anzahl;BEVSTD;Bevölkerungsstand;e",
    "12411;Bevölkerung;STAG;Stichtag;2015-12-31;DLAND;Bundesländer;01;Schleswig-Holstein;"
    "GES;Geschlecht;;Insgesamt;2858714;Anzahl;BEVSTD;Bevölkerungsstand;e",
    "12411;Bevölkerung;STAG;Stichtag;2015-12-31;KREISE;Kreise;03159;Göttingen, Landkreis;"
    "GES;Geschlecht;;Insgesamt;-;Anzahl;BEVSTD;Bevölkerungsstand;e",
    "12411;Bevölkerung;STAG;Stichtag;2015-12-31;KREISE;Kreise;03152;Göttingen, Landkreis;"
    "GES;Geschlecht;;Insgesamt;255653;Anzahl;BEVSTD;Bevölkerungsstand;e",
    "12411;Bevölkerung;STAG;Stichtag;2016-12-31;GEMEIN;Gemeinden;03159024;Göttingen, Stadt;"
    "GES;Geschlecht;;Insgesamt;.;Anzahl;BEVSTD;Bevölkerungsstand;.",
    "12411;Bevölkerung;STAG;Stichtag;2016-12-31;DINSG;Deutschland;DG;Deutschland;"
    "GES;Geschlecht;;Insgesamt;82521,6;Anzahl;BEVSTD;Bevölkerungsstand;p",
]


def _flat(zeilen=FLAT_ZEILEN, kopf=FLAT_KOPF) -> str:
    return "\n".join([kopf, *zeilen]) + "\n"


def test_flatfile_wird_sortiert_in_die_langform_gebracht(tmp_path):
    df = lese_regionalstatistik(_datei(tmp_path, _flat(), kodierung="utf-8", name="12411_flat.csv"))
    assert list(df.columns) == [
        "ags",
        "name",
        "ebene",
        "stufe",
        "zeit",
        "jahr",
        "geschlecht",
        "einheit",
        "wert",
        "zeichen",
    ]
    assert df[["jahr", "ags"]].values.tolist() == [
        [2015, "01"],
        [2015, "03152"],
        [2015, "03159"],
        [2016, "03159"],
        [2016, "03159024"],
        [2016, "DG"],
    ]
    assert df["ebene"].tolist() == ["Land", "Kreis", "Kreis", "Kreis", "Gemeinde", "Deutschland"]
    assert df["stufe"].tolist() == [1, 3, 3, 3, 4, 0]
    assert df["zeit"].iloc[0] == "2015-12-31"
    assert df["geschlecht"].tolist()[:4] == ["Insgesamt", "Insgesamt", "Insgesamt", "weiblich"]
    assert df.attrs["merkmale"] == {"geschlecht": "Geschlecht"}
    assert (df["wert"].iloc[2], df["zeichen"].iloc[2]) == (0.0, "-")
    assert math.isnan(df["wert"].iloc[4]) and df["zeichen"].iloc[4] == "."
    assert (df["wert"].iloc[5], df["zeichen"].iloc[5]) == (82521.6, "p")
    assert df.attrs["tabelle"] == "12411" and df.attrs["format"] == "ffcsv"
    assert df.attrs["titel"] == "Bevölkerung"
    assert df.attrs["wertmerkmal"] == "Bevölkerungsstand"


def test_flatfile_in_zip_wie_entpackt(tmp_path):
    entpackt = lese_regionalstatistik(
        _datei(tmp_path, _flat(), kodierung="utf-8", name="12411-0001_de_flat.csv")
    )
    zip_pfad = tmp_path / "12411-0001_de_flat.zip"
    with zipfile.ZipFile(zip_pfad, "w", zipfile.ZIP_DEFLATED) as archiv:
        archiv.writestr("12411-0001_de_flat.csv", _flat().encode("utf-8"))
    gepackt = lese_regionalstatistik(zip_pfad)
    pd.testing.assert_frame_equal(entpackt, gepackt)
    assert gepackt.attrs["tabelle"] == "12411-0001"
    assert gepackt.attrs["datei"] == str(zip_pfad)


def test_zip_mit_klassischem_export(tmp_path):
    zip_pfad = tmp_path / "export.zip"
    with zipfile.ZipFile(zip_pfad, "w") as archiv:
        archiv.writestr("12411-01-01-4.csv", (ZEIT_IM_KOPF + FUSS).encode("latin-1"))
    df = lese_regionalstatistik(zip_pfad)
    assert len(df) == 24 and df.attrs["tabelle"] == "12411-01-01-4"


def test_flatfile_mit_mehreren_wertmerkmalen(tmp_path):
    zeilen = [
        "11111;Gebiet;STAG;Stichtag;31.12.2022;DLAND;Länder;08;Baden-Württemberg;"
        "35747,85;qkm;FLC006;Gebietsfläche;e",
        "11111;Gebiet;STAG;Stichtag;31.12.2022;DLAND;Länder;08;Baden-Württemberg;"
        "313;Ew/qkm;BEV007;Bevölkerungsdichte;e",
    ]
    kopf = (
        "statistics_code;statistics_label;time_code;time_label;time;1_variable_code;"
        "1_variable_label;1_variable_attribute_code;1_variable_attribute_label;value;"
        "value_unit;value_variable_code;value_variable_label;value_q"
    )
    df = lese_regionalstatistik(_datei(tmp_path, _flat(zeilen, kopf), kodierung="utf-8"))
    assert df["wertmerkmal"].tolist() == ["Bevölkerungsdichte", "Gebietsfläche"]
    assert df["einheit"].tolist() == ["Ew/qkm", "qkm"]
    assert df["wert"].tolist() == [313.0, 35747.85]
    assert df["jahr"].tolist() == [2022, 2022]


def test_aelteres_flatfile_mit_deutschen_spalten(tmp_path):
    inhalt = (
        "Statistik_Code;Statistik_Label;Zeit_Code;Zeit_Label;Zeit;1_Merkmal_Code;"
        "1_Merkmal_Label;1_Auspraegung_Code;1_Auspraegung_Label;"
        "FLC006__Gebietsflaeche__qkm;FLC006__Gebietsflaeche__q\n"
        "11111;Gebiet;STAG;Stichtag;31.12.2022;DLAND;Bundesländer;08;Baden-Württemberg;"
        "35747,85;e\n"
        "11111;Gebiet;STAG;Stichtag;31.12.2022;DLAND;Bundesländer;02;Hamburg;x;x\n"
    )
    df = lese_regionalstatistik(_datei(tmp_path, inhalt, kodierung="utf-8"))
    assert df["ags"].tolist() == ["02", "08"]
    assert df["einheit"].tolist() == ["qkm", "qkm"]
    assert df["zeichen"].tolist() == ["x", ""]
    assert df["wert"].iloc[1] == 35747.85
    assert df.attrs["wertmerkmal"] == "Gebietsflaeche"


# --- Fehler ----------------------------------------------------------------------


def _fehler(pfad: Path, *teile: str) -> str:
    with pytest.raises(DatenFehler) as info:
        lese_regionalstatistik(pfad)
    meldung = str(info.value)
    assert str(pfad) in meldung
    for teil in teile:
        assert teil in meldung, meldung
    return meldung


def test_fehler_datei_fehlt_und_ordner(tmp_path):
    _fehler(tmp_path / "gibtsnicht.csv", "gibt es nicht")
    _fehler(tmp_path, "Ordner")


def test_fehler_leere_datei(tmp_path):
    _fehler(_datei(tmp_path, ""), "leer")
    _fehler(_datei(tmp_path, "  \n\n", name="b.csv"), "leer")


def test_fehler_nur_kopf_ohne_daten(tmp_path):
    kopf = ZEIT_IM_KOPF.split("DG;")[0]
    _fehler(_datei(tmp_path, kopf + FUSS), "keine Datenzeile")


def test_fehler_ungleich_lange_zeile_nennt_zeile(tmp_path):
    inhalt = ZEIT_IM_KOPF.replace("01001;      Flensburg, Kreisfreie Stadt;85942;", "01001;x;")
    _fehler(_datei(tmp_path, inhalt + FUSS), "Zeile 10", "Felder")


def test_fehler_falsches_trennzeichen(tmp_path):
    _fehler(_datei(tmp_path, (ZEIT_IM_KOPF + FUSS).replace(";", ",")), "Komma")
    _fehler(_datei(tmp_path, (ZEIT_IM_KOPF + FUSS).replace(";", "\t"), name="t.csv"), "Tabulator")


def test_fehler_binaerdaten(tmp_path):
    pfad = tmp_path / "bild.csv"
    pfad.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    _fehler(pfad, "Binärdaten")


def test_fehler_abgeschnittene_datei(tmp_path):
    _fehler(_datei(tmp_path, ZEIT_IM_KOPF), "abgeschnitten", "Zeile 15")
    _fehler(_datei(tmp_path, ZEIT_IM_KOPF[:-30], name="mitten.csv"), "abgeschnitten")


def test_fehler_unbekannter_zellinhalt_nennt_zeile_und_spalte(tmp_path):
    inhalt = ZEIT_IM_KOPF.replace("85942;42767", "85942;viele")
    _fehler(_datei(tmp_path, inhalt + FUSS), "„viele“", "Zeile 10, Spalte 4")


def test_fehler_zahl_mit_dezimalpunkt(tmp_path):
    inhalt = ZEIT_IM_KOPF.replace("85942;42767", "85942;4276.5")
    _fehler(_datei(tmp_path, inhalt + FUSS), "„4276.5“")


def test_fehler_datenzeile_nach_dem_fussteil(tmp_path):
    inhalt = ZEIT_IM_KOPF + FUSS + "01002;      Kiel;1;2;3\n"
    _fehler(_datei(tmp_path, inhalt), "nach dem Ende der Daten")


def test_fehler_unterbrochene_daten(tmp_path):
    inhalt = ZEIT_IM_KOPF.replace("031;", "\nzwischentext\n031;")
    _fehler(_datei(tmp_path, inhalt + FUSS), "nach dem Ende der Daten")


def test_fehler_doppelte_datenzeile(tmp_path):
    inhalt = ZEIT_IM_KOPF + "03152;      Göttingen, Landkreis;1;2;3\n"
    _fehler(_datei(tmp_path, inhalt + FUSS), "03152", "schon in Zeile 12", "Zeile 16")


def test_fehler_zip_mit_zwei_dateien_und_kaputte_zip(tmp_path):
    pfad = tmp_path / "zwei.zip"
    with zipfile.ZipFile(pfad, "w") as archiv:
        archiv.writestr("a.csv", "x")
        archiv.writestr("b.csv", "y")
    _fehler(pfad, "genau eine CSV-Datei", "a.csv, b.csv")
    kaputt = tmp_path / "kaputt.zip"
    kaputt.write_bytes(pfad.read_bytes()[:40])
    _fehler(kaputt)


def test_fehler_excel_datei(tmp_path):
    pfad = tmp_path / "tabelle.xlsx"
    with zipfile.ZipFile(pfad, "w") as archiv:
        archiv.writestr("[Content_Types].xml", "<Types/>")
        archiv.writestr("xl/workbook.xml", "<workbook/>")
    _fehler(pfad, "Excel")


def test_fehler_flatfile_ohne_gebiet_und_ungleiche_zeilen(tmp_path):
    ohne_gebiet = _flat(
        [
            "12411;Bevölkerung;STAG;Stichtag;2015;GES;Geschlecht;GESM;männlich;ALT;Alter;"
            "ALT03;unter 3;5;Anzahl;BEVSTD;Bevölkerung;e"
        ]
    )
    _fehler(_datei(tmp_path, ohne_gebiet, kodierung="utf-8"), "Gebietsmerkmal")
    ungleich = _flat([FLAT_ZEILEN[0], "12411;zu kurz"])
    _fehler(_datei(tmp_path, ungleich, kodierung="utf-8", name="u.csv"), "Zeile 3", "Felder")


def test_fehler_flatfile_unlesbarer_wert(tmp_path):
    zeilen = [FLAT_ZEILEN[0].replace(";166503;", ";viel;")]
    _fehler(_datei(tmp_path, _flat(zeilen), kodierung="utf-8"), "„viel“", "Zeile 2")


# --- Schreiben --------------------------------------------------------------------


def _beispiel() -> pd.DataFrame:
    zeilen = []
    gebiete = [("DG", "Deutschland", 0), ("01", "Schleswig-Holstein", 1), ("01001", "Kiel", 3)]
    for zeit in ("31.12.2015", "31.12.2016"):
        for ags, name, stufe in gebiete:
            for art, werte in (("Tagespflege", (1.5, 2)), ("Insgesamt", (3, 4))):
                for geschlecht, wert in zip(("männlich", "weiblich"), werte, strict=True):
                    zeilen.append((ags, name, stufe, zeit, art, geschlecht, wert, ""))
    df = pd.DataFrame(
        zeilen,
        columns=["ags", "name", "stufe", "zeit", "merkmal_1", "geschlecht", "wert", "zeichen"],
    )
    df.loc[1, ["wert", "zeichen"]] = [np.nan, "."]
    df.loc[2, ["wert", "zeichen"]] = [0.0, "-"]
    df.loc[3, ["wert", "zeichen"]] = [np.nan, "x"]
    df.loc[4, ["wert", "zeichen"]] = [12.3, "p"]
    df.loc[5, ["wert", "zeichen"]] = [7.0, "()"]
    df.loc[6, ["wert", "zeichen"]] = [np.nan, "/"]
    df.loc[7, ["wert", "zeichen"]] = [np.nan, "..."]
    df["einheit"] = "Anzahl"
    return df


def _schreibe(df, pfad, **optionen):
    return schreibe_regionalstatistik(
        df,
        pfad,
        tabelle_code="99999-01-01-4",
        titel="Beispiel: Betreuung nach Geschlecht\nregionale Tiefe: Kreise",
        stand="01.02.2024 / 10:00:00",
        **optionen,
    )


@pytest.mark.parametrize("zeit_in_kopf", [False, True])
def test_schreiben_und_wieder_lesen_gibt_dieselben_zellen(tmp_path, zeit_in_kopf):
    df = _beispiel()
    pfad = _schreibe(
        df,
        tmp_path / "aus.csv",
        zeilenmerkmale=["merkmal_1"],
        spaltenmerkmale=["geschlecht"],
        zeit_in_kopf=zeit_in_kopf,
    )
    zurueck = lese_regionalstatistik(pfad)
    schluessel = ["zeit", "ags", "merkmal_1", "geschlecht"]
    spalten = ["name", "stufe", "einheit", "wert", "zeichen"]
    erwartet = df.sort_values(schluessel).reset_index(drop=True)[schluessel + spalten]
    gelesen = zurueck.sort_values(schluessel).reset_index(drop=True)[schluessel + spalten]
    pd.testing.assert_frame_equal(gelesen, erwartet, check_dtype=False)
    assert zurueck.attrs["tabelle"] == "99999-01-01-4"
    assert zurueck.attrs["stand"] == "01.02.2024 / 10:00:00"
    assert zurueck.attrs["titel"] == "Beispiel: Betreuung nach Geschlecht\nregionale Tiefe: Kreise"
    assert zurueck.attrs["merkmale"]["geschlecht"] == "geschlecht"


def test_geschriebene_datei_sieht_aus_wie_ein_echter_export(tmp_path):
    pfad = _schreibe(
        _beispiel(),
        tmp_path / "aus.csv",
        zeilenmerkmale=["merkmal_1"],
        spaltenmerkmale=["geschlecht"],
    )
    roh = pfad.read_bytes()
    with pytest.raises(UnicodeDecodeError):
        roh.decode("utf-8")  # latin-1 wie die echten Exporte
    zeilen = roh.decode("latin-1").splitlines()
    assert zeilen[0] == "GENESIS-Tabelle: 99999-01-01-4"
    assert zeilen[1] == "Beispiel: Betreuung nach Geschlecht;;;;;"
    assert zeilen[3] == ";;;;geschlecht;geschlecht"
    assert zeilen[4] == ";;;;männlich;weiblich"
    assert zeilen[5] == ";;;;Anzahl;Anzahl"
    assert zeilen[6] == "31.12.2015;DG;Deutschland;Tagespflege;1,5;."
    assert zeilen[7] == "31.12.2015;DG;Deutschland;Insgesamt;-;x"
    assert zeilen[8] == "31.12.2015;01;  Schleswig-Holstein;Tagespflege;12,3p;(7)"
    assert zeilen[10] == "31.12.2015;01001;      Kiel;Tagespflege;1,5;2"
    fuss = zeilen[zeilen.index("__________") :]
    assert fuss[1] == '"zu ""gesamter Tabelle"":'
    assert fuss[3].startswith('"© Statistische Ämter des Bundes und der Länder')
    assert fuss[-1] == "Stand: 01.02.2024 / 10:00:00"


def test_schreiben_fehlender_wert_und_fehlende_kombination_werden_punkt(tmp_path):
    df = _beispiel().drop(columns="zeichen")
    df["wert"] = df["wert"].fillna(1.0)
    df.loc[0, "wert"] = np.nan
    schluessel = ["zeit", "ags", "merkmal_1", "geschlecht"]
    fehlend = df.loc[11, schluessel].tolist()
    df = df.drop(index=11)
    pfad = _schreibe(
        df, tmp_path / "aus.csv", zeilenmerkmale=["merkmal_1"], spaltenmerkmale=["geschlecht"]
    )
    zurueck = lese_regionalstatistik(pfad)
    punkte = zurueck[zurueck["zeichen"] == "."]
    assert punkte[schluessel].values.tolist() == [df.loc[0, schluessel].tolist(), fehlend]
    assert punkte["wert"].isna().all()


def test_schreiben_aus_jahr_ohne_zeit_und_ohne_stufe(tmp_path):
    df = pd.DataFrame(
        {"ags": ["DG", "01", "01001"], "name": ["D", "Land A", "Kreis B"], "jahr": [2020] * 3}
    ).assign(wert=[3.0, 2.0, 1.0])
    zurueck = lese_regionalstatistik(_schreibe(df, tmp_path / "aus.csv"))
    assert zurueck["zeit"].tolist() == ["2020"] * 3
    assert zurueck["stufe"].tolist() == [0, 1, 3]
    assert zurueck["wert"].tolist() == [3.0, 2.0, 1.0]


@pytest.mark.parametrize(
    "aendern, text",
    [
        (lambda df: df.drop(columns="name"), "fehlen die Spalten: name"),
        (lambda df: df.assign(ags=1), "muss Text enthalten"),
        (lambda df: df.assign(geschlecht="gleich"), "kommt mehrmals vor"),
        (lambda df: df.assign(einheit="Kinder"), "Einheit „Kinder“ ist unbekannt"),
        (lambda df: df.assign(wert=5.0, zeichen="-"), "echte Null"),
        (lambda df: df.assign(zeichen="?", wert=1.0), "Unbekanntes Zeichen"),
        (lambda df: df.assign(name="Ελλάδα"), "latin-1"),
        (lambda df: df.assign(wert="."), "keine Zahl"),
        (lambda df: df.iloc[:0], "nicht leere Tabelle"),
    ],
)
def test_schreiben_fehler(tmp_path, aendern, text):
    with pytest.raises(DatenFehler, match=text):
        _schreibe(
            aendern(_beispiel()),
            tmp_path / "aus.csv",
            zeilenmerkmale=["merkmal_1"],
            spaltenmerkmale=["geschlecht"],
        )
    assert not (tmp_path / "aus.csv").exists()


# --- Eigenschaften (hypothesis) -----------------------------------------------------

GEBIETE = [
    ("DG", 0),
    ("01", 1),
    ("17", 1),
    ("031", 2),
    ("01001", 3),
    ("17101", 3),
    ("03241001", 3),
    ("0713802", 4),
    ("0713101021", 4),
    ("03152401006", 4),
    ("092760130130", 4),
]
ZEITEN = ["2015", "2016", "31.12.2015", "01.03.2016", "15.03.2007", "2015/16"]
BUCHSTABEN = "abcdefghijklmnopqrstuvwxyzäöüß"
EINHEITEN = ["Anzahl", "Prozent", "EUR", "Tsd. EUR", "EUR je Einwohner", "2015=100"]

wort = st.builds(
    lambda a, b: a + b,
    st.sampled_from("ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÜ"),
    st.text(alphabet=BUCHSTABEN + " ,-().", max_size=12).map(str.rstrip),
)
zahl = st.floats(min_value=-1e12, max_value=1e12, allow_nan=False, allow_infinity=False)
zelle = st.one_of(
    zahl.map(lambda w: (w, "")),
    st.integers(-(10**9), 10**9).map(lambda w: (float(w), "")),
    st.just((0.0, "-")),
    st.sampled_from([".", "x", "/", "..."]).map(lambda z: (np.nan, z)),
    st.tuples(zahl, st.sampled_from(["p", "r", "s", "()"])),
    st.just((np.nan, "")),
)


@st.composite
def langformen(draw):
    """Eine vollständige Langform mit Zeilen- und Spaltenmerkmalen, wie ein Export sie hat."""
    gebiete = draw(st.lists(st.sampled_from(GEBIETE), min_size=1, max_size=5, unique=True))
    namen = draw(st.lists(wort, min_size=len(gebiete), max_size=len(gebiete)))
    zeiten = draw(st.lists(st.sampled_from(ZEITEN), min_size=1, max_size=3, unique=True))
    zeilenmerkmale = draw(st.lists(st.lists(wort, min_size=1, max_size=3, unique=True), max_size=2))
    spaltenmerkmale = draw(
        st.lists(st.lists(wort, min_size=2, max_size=3, unique=True), max_size=2)
    )
    einheit = draw(st.sampled_from(["", *EINHEITEN]))
    achsen = [
        [(g, n, s) for (g, s), n in zip(gebiete, namen, strict=True)],
        zeiten,
        *zeilenmerkmale,
        *spaltenmerkmale,
    ]
    kombinationen = pd.MultiIndex.from_product(achsen).tolist()
    zellen = draw(st.lists(zelle, min_size=len(kombinationen), max_size=len(kombinationen)))
    z_namen = [f"merkmal_{i}" for i in range(1, len(zeilenmerkmale) + 1)]
    s_namen = [f"ebene_{chr(97 + i)}" for i in range(len(spaltenmerkmale))]
    zeilen = []
    for ((ags, name, stufe), zeit, *merkmale), (wert, zeichen) in zip(
        kombinationen, zellen, strict=True
    ):
        if math.isnan(wert) and zeichen == "":
            zeichen = "."  # so schreibt der Export einen fehlenden Wert
        if zeichen in (".", "x", "/", "..."):
            wert = np.nan
        zeilen.append([ags, name, stufe, zeit, *merkmale, einheit, wert, zeichen])
    df = pd.DataFrame(
        zeilen,
        columns=["ags", "name", "stufe", "zeit", *z_namen, *s_namen, "einheit", "wert", "zeichen"],
    )
    return df, z_namen, s_namen, draw(st.booleans())


def _normiert(df: pd.DataFrame, schluessel: list[str]) -> pd.DataFrame:
    spalten = [*schluessel, "name", "stufe", "einheit", "wert", "zeichen"]
    teil = df[spalten].astype({s: str for s in spalten if s not in ("stufe", "wert")})
    return teil.sort_values(schluessel).reset_index(drop=True).astype({"stufe": int})


@pytest.mark.langsam
@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(fall=langformen())
def test_eigenschaft_schreiben_lesen_gibt_dieselben_zellen(tmp_path, fall):
    df, z_namen, s_namen, zeit_in_kopf = fall
    pfad = _schreibe(
        df,
        tmp_path / "rund.csv",
        zeilenmerkmale=z_namen,
        spaltenmerkmale=s_namen,
        zeit_in_kopf=zeit_in_kopf,
    )
    zurueck = lese_regionalstatistik(pfad)
    assert list(zurueck.columns) == [
        "ags",
        "name",
        "ebene",
        "stufe",
        "zeit",
        "jahr",
        *z_namen,
        *s_namen,
        "einheit",
        "wert",
        "zeichen",
    ]
    schluessel = ["ags", "zeit", *z_namen, *s_namen]
    pd.testing.assert_frame_equal(_normiert(zurueck, schluessel), _normiert(df, schluessel))
    assert (zurueck["ebene"] == zurueck["ags"].map(ebene_aus_ags)).all()


@st.composite
def exportdateien(draw):
    """Die Bytes eines gültigen Exports (klassisch oder Flatfile) und seine Kodierung."""
    if draw(st.booleans()):
        inhalt = draw(st.sampled_from([ZEIT_IM_KOPF, ZEIT_JE_ZEILE, ZEIT_IM_TITEL])) + FUSS
    else:
        inhalt = _flat()
    return inhalt, draw(st.sampled_from(["latin-1", "utf-8", "utf-8-sig"]))


def _liest_oder_datenfehler(pfad: Path) -> pd.DataFrame | None:
    """Der Vertrag: eine Tabelle oder ein DatenFehler, der die Datei nennt – nichts anderes."""
    try:
        return lese_regionalstatistik(pfad)
    except DatenFehler as fehler:
        assert str(pfad) in str(fehler)
        assert "unerwarteter Fehler" not in str(fehler), str(fehler)
        return None


def _werte(df: pd.DataFrame) -> list[tuple]:
    return sorted(zip(df["ags"], df["zeit"], df["wert"].map(repr), df["zeichen"], strict=True))


def _original(tmp_path: Path, inhalt: str, kodierung: str) -> pd.DataFrame:
    return lese_regionalstatistik(_datei(tmp_path, inhalt, kodierung=kodierung, name="orig.csv"))


@settings(
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(datei=exportdateien(), anteil=st.floats(0, 1))
def test_eigenschaft_abgeschnittene_datei(tmp_path, datei, anteil):
    inhalt, kodierung = datei
    roh = inhalt.encode(kodierung)
    pfad = tmp_path / "kurz.csv"
    pfad.write_bytes(roh[: int(len(roh) * anteil)])
    df = _liest_oder_datenfehler(pfad)
    if df is not None and df.attrs["format"] == "csv":
        assert _werte(df) == _werte(_original(tmp_path, inhalt, kodierung))


@settings(
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@pytest.mark.langsam
@given(datei=exportdateien(), zufall=st.randoms(use_true_random=False))
def test_eigenschaft_vertauschte_zeilen(tmp_path, datei, zufall: random.Random):
    inhalt, kodierung = datei
    zeilen = inhalt.splitlines()
    i, j = zufall.randrange(len(zeilen)), zufall.randrange(len(zeilen))
    zeilen[i], zeilen[j] = zeilen[j], zeilen[i]
    if zufall.random() < 0.3:
        zufall.shuffle(zeilen)
    pfad = _datei(tmp_path, "\n".join(zeilen) + "\n", kodierung=kodierung)
    df = _liest_oder_datenfehler(pfad)
    if df is not None:
        assert _werte(df) == _werte(_original(tmp_path, inhalt, kodierung))


@settings(
    max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(datei=exportdateien(), trenner=st.sampled_from([",", "\t", "|", " "]))
def test_eigenschaft_falsches_trennzeichen(tmp_path, datei, trenner):
    inhalt, kodierung = datei
    pfad = _datei(tmp_path, inhalt.replace(";", trenner), kodierung=kodierung)
    assert _liest_oder_datenfehler(pfad) is None


@settings(
    max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    datei=exportdateien(),
    falsch=st.sampled_from(["utf-16-le", "utf-16-be", "utf-32", "doppelt", "cp850"]),
)
@pytest.mark.langsam
def test_eigenschaft_falsch_kodiert(tmp_path, datei, falsch):
    inhalt, kodierung = datei
    if falsch == "doppelt":  # UTF-8 als latin-1 gelesen und wieder als UTF-8 gespeichert
        roh = inhalt.encode("utf-8").decode("latin-1").encode("utf-8")
    else:
        roh = inhalt.encode(falsch)
    pfad = tmp_path / "kodiert.csv"
    pfad.write_bytes(roh)
    df = _liest_oder_datenfehler(pfad)
    if df is not None:
        assert _werte(df) == _werte(_original(tmp_path, inhalt, kodierung))


@settings(
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(roh=st.binary(max_size=2000))
def test_eigenschaft_zufaellige_bytes(tmp_path, roh):
    pfad = tmp_path / "zufall.csv"
    pfad.write_bytes(roh)
    _liest_oder_datenfehler(pfad)


@settings(
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@pytest.mark.langsam
@given(datei=exportdateien(), stelle=st.floats(0, 1), muell=st.binary(min_size=1, max_size=20))
def test_eigenschaft_eingestreute_bytes(tmp_path, datei, stelle, muell):
    inhalt, kodierung = datei
    roh = inhalt.encode(kodierung)
    i = int(len(roh) * stelle)
    pfad = tmp_path / "gestoert.csv"
    pfad.write_bytes(roh[:i] + muell + roh[i:])
    _liest_oder_datenfehler(pfad)


@settings(
    max_examples=50, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(roh=st.binary(max_size=500), name=st.sampled_from(["a_flat.csv", "a.csv", "a.txt"]))
def test_eigenschaft_zip_mit_zufallsinhalt(tmp_path, roh, name):
    puffer = io.BytesIO()
    with zipfile.ZipFile(puffer, "w") as archiv:
        archiv.writestr(name, roh)
    pfad = tmp_path / "zufall.zip"
    pfad.write_bytes(puffer.getvalue())
    _liest_oder_datenfehler(pfad)
