"""Umschlüsseln auf einen neuen Gebietsstand – Beispiele, von Hand nachgerechnet."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from bimo.daten.gebietsstand import (
    UMSTIEG_GOETTINGEN_OSTERODE,
    umschluesseln,
    umstieg_goettingen_osterode,
)
from bimo.fehler import DatenFehler


def _tabelle(zeilen, mit_zeichen=True) -> pd.DataFrame:
    """Zeilen (ags, name, zeit, geschlecht, wert, zeichen) als Langform wie vom Leser."""
    df = pd.DataFrame(zeilen, columns=["ags", "name", "zeit", "geschlecht", "wert", "zeichen"])
    df["ebene"] = "Kreis"
    df["stufe"] = 3
    df = df[["ags", "name", "ebene", "stufe", "zeit", "geschlecht", "wert", "zeichen"]]
    df = df.astype({c: "string" for c in ("ags", "name", "ebene", "zeit", "geschlecht", "zeichen")})
    return df if mit_zeichen else df.drop(columns="zeichen")


def _wert(df, ags, zeit="2015", geschlecht="Insgesamt"):
    zeile = df[(df["ags"] == ags) & (df["zeit"] == zeit) & (df["geschlecht"] == geschlecht)]
    assert len(zeile) == 1, zeile
    return zeile["wert"].iloc[0], zeile["zeichen"].iloc[0] if "zeichen" in df else None


GOETTINGEN = [
    ("03152", "Göttingen, Landkreis", "2015", "Insgesamt", 10.0, ""),
    ("03152", "Göttingen, Landkreis", "2015", "weiblich", 6.0, ""),
    ("03156", "Osterode am Harz, Landkreis", "2015", "Insgesamt", 5.0, ""),
    ("03156", "Osterode am Harz, Landkreis", "2015", "weiblich", 2.0, ""),
    ("03159", "Göttingen, Landkreis", "2015", "Insgesamt", 0.0, "-"),
    ("03159", "Göttingen, Landkreis", "2015", "weiblich", 0.0, "-"),
    ("03101", "Braunschweig, Stadt", "2015", "Insgesamt", 7.0, ""),
    ("03101", "Braunschweig, Stadt", "2015", "weiblich", 4.0, ""),
    ("03152", "Göttingen, Landkreis", "2014", "Insgesamt", 11.0, ""),
    ("03156", "Osterode am Harz, Landkreis", "2014", "Insgesamt", 4.0, ""),
]


def test_zusammenlegung_summiert_je_zeit_und_merkmal():
    alt = _tabelle(GOETTINGEN)
    neu = umschluesseln(alt, umstieg_goettingen_osterode())
    assert _wert(neu, "03159") == (15.0, "")  # 10 + 5 + 0 („-“)
    assert _wert(neu, "03159", geschlecht="weiblich") == (8.0, "")  # 6 + 2 + 0
    assert _wert(neu, "03159", zeit="2014") == (15.0, "")  # 11 + 4
    assert _wert(neu, "03101") == (7.0, "")  # nicht im Schlüssel: bleibt
    assert set(neu["ags"]) == {"03159", "03101"}
    assert len(neu) == 5
    assert set(neu.loc[neu["ags"] == "03159", "name"]) == {"Göttingen, Landkreis"}


def test_ergebnis_hat_dieselben_spalten_typen_und_attrs():
    alt = _tabelle(GOETTINGEN)
    alt.attrs["tabelle"] = "12411-01-01-4"
    kopie = alt.copy()
    neu = umschluesseln(alt, umstieg_goettingen_osterode())
    assert list(neu.columns) == list(alt.columns)
    assert neu.dtypes.to_dict() == alt.dtypes.to_dict()
    assert neu.attrs["tabelle"] == "12411-01-01-4"
    pd.testing.assert_frame_equal(alt, kopie)  # die Eingabe bleibt unverändert
    assert neu["ags"].tolist()[:2] == ["03159", "03159"]  # an der Stelle des ersten Teils


def test_neues_gebiet_bekommt_name_aus_dem_schluessel():
    alt = _tabelle([z for z in GOETTINGEN if z[0] != "03159"])
    neu = umschluesseln(alt, umstieg_goettingen_osterode())
    zeilen = neu[neu["ags"] == "03159"]
    assert set(zeilen["name"]) == {"Göttingen, Landkreis"}
    assert set(zeilen["ebene"]) == {"Kreis"} and set(zeilen["stufe"]) == {3}
    assert _wert(neu, "03159") == (15.0, "")


@pytest.mark.parametrize(
    "zeichen_goettingen, zeichen_osterode, erwartet",
    [
        (".", "", "."),
        ("x", "", "x"),
        ("x", ".", "."),  # Geheimhaltung geht vor
        ("/", "...", "/"),
        ("...", "", "..."),
    ],
)
def test_fehlender_teil_macht_die_summe_fehlend(zeichen_goettingen, zeichen_osterode, erwartet):
    zeilen = [list(z) for z in GOETTINGEN]
    for zeile, zeichen in ((zeilen[0], zeichen_goettingen), (zeilen[2], zeichen_osterode)):
        if zeichen:
            zeile[4], zeile[5] = np.nan, zeichen
    neu = umschluesseln(_tabelle(zeilen), umstieg_goettingen_osterode())
    wert, zeichen = _wert(neu, "03159")
    assert math.isnan(wert) and zeichen == erwartet
    assert _wert(neu, "03159", geschlecht="weiblich") == (8.0, "")


def test_nur_striche_bleiben_strich_und_kennzeichen_werden_vererbt():
    zeilen = [list(z) for z in GOETTINGEN]
    zeilen[0][4:] = [0.0, "-"]
    zeilen[2][4:] = [0.0, "-"]
    zeilen[1][4:] = [6.0, "p"]
    neu = umschluesseln(_tabelle(zeilen), umstieg_goettingen_osterode())
    assert _wert(neu, "03159") == (0.0, "-")
    assert _wert(neu, "03159", geschlecht="weiblich") == (8.0, "p")


def test_leerer_wert_ohne_zeichen_macht_die_summe_fehlend():
    zeilen = [list(z) for z in GOETTINGEN]
    zeilen[2][4:] = [np.nan, ""]
    neu = umschluesseln(_tabelle(zeilen), umstieg_goettingen_osterode())
    wert, zeichen = _wert(neu, "03159")
    assert math.isnan(wert) and zeichen == ""


def test_tabelle_ohne_zeichenspalte():
    zeilen = [list(z) for z in GOETTINGEN]
    zeilen[2][4] = np.nan
    neu = umschluesseln(_tabelle(zeilen, mit_zeichen=False), umstieg_goettingen_osterode())
    assert "zeichen" not in neu.columns
    assert math.isnan(_wert(neu, "03159")[0])
    assert _wert(neu, "03159", geschlecht="weiblich")[0] == 8.0


def test_teilung_nach_anteilen():
    alt = _tabelle(
        [
            ("09001", "Alt", "2015", "Insgesamt", 100.0, ""),
            ("09002", "Bleibt", "2015", "Insgesamt", 10.0, ""),
            ("09003", "Klein", "2015", "Insgesamt", 8.0, ""),
        ]
    )
    schluessel = pd.DataFrame(
        {
            "ags_alt": ["09001", "09001", "09003"],
            "ags_neu": ["09002", "09004", "09004"],
            "anteil": [0.25, 0.75, 1.0],
            "name_neu": ["Bleibt", "Neu", "Neu"],
        }
    )
    neu = umschluesseln(alt, schluessel)
    assert _wert(neu, "09002") == (35.0, "")  # 10 + 0,25 · 100
    assert _wert(neu, "09004") == (83.0, "")  # 0,75 · 100 + 8
    assert set(neu["ags"]) == {"09002", "09004"}
    assert neu.loc[neu["ags"] == "09004", "name"].iloc[0] == "Neu"


def test_andere_spaltennamen():
    alt = pd.DataFrame({"kreis": ["03152", "03156", "03101"], "anzahl": [1.0, 2.0, 3.0]})
    neu = umschluesseln(alt, umstieg_goettingen_osterode(), spalte="kreis", wert="anzahl")
    assert neu.to_dict("list") == {"kreis": ["03159", "03101"], "anzahl": [3.0, 3.0]}


def test_schluessel_goettingen_osterode():
    schluessel = umstieg_goettingen_osterode()
    assert schluessel[["ags_alt", "ags_neu", "anteil"]].values.tolist() == [
        ["03152", "03159", 1.0],
        ["03156", "03159", 1.0],
    ]
    assert schluessel.attrs["gueltig_ab"] == "01.11.2016"
    assert len(UMSTIEG_GOETTINGEN_OSTERODE) == 2


@pytest.mark.parametrize(
    "schluessel, text",
    [
        (pd.DataFrame({"ags_alt": ["03152"], "ags_neu": ["03159"]}), "fehlen die Spalten: anteil"),
        (
            pd.DataFrame({"ags_alt": ["03152"], "ags_neu": ["03159"], "anteil": [0.5]}),
            "ergeben 0,5 statt 1",
        ),
        (
            pd.DataFrame({"ags_alt": ["03152"], "ags_neu": ["03159"], "anteil": [1.5]}),
            "von 0 bis 1",
        ),
        (pd.DataFrame({"ags_alt": [3152], "ags_neu": ["03159"], "anteil": [1.0]}), "Text"),
        (
            pd.DataFrame(
                {"ags_alt": ["03152", "03152"], "ags_neu": ["03159"] * 2, "anteil": [0.5, 0.5]}
            ),
            "doppelt",
        ),
    ],
)
def test_fehlerhafter_schluessel(schluessel, text):
    with pytest.raises(DatenFehler, match=text):
        umschluesseln(_tabelle(GOETTINGEN), schluessel)


def test_fehlerhafte_tabelle():
    with pytest.raises(DatenFehler, match="fehlen die Spalten: wert"):
        umschluesseln(_tabelle(GOETTINGEN).drop(columns="wert"), umstieg_goettingen_osterode())
    zahlen = pd.DataFrame({"ags": [3152, 3156], "wert": [1.0, 2.0]})
    with pytest.raises(DatenFehler, match="als Text"):
        umschluesseln(zahlen, umstieg_goettingen_osterode())


def test_strich_ohne_zahl_zaehlt_als_null():
    zeilen = [list(z) for z in GOETTINGEN]
    zeilen[2][4:] = [np.nan, "-"]
    neu = umschluesseln(_tabelle(zeilen), umstieg_goettingen_osterode())
    assert _wert(neu, "03159") == (10.0, "")
