"""Musterland: reproduzierbar, plausibel, beschrieben."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from bimo import daten
from bimo.daten import musterland


@pytest.fixture(scope="module")
def neu_erzeugt(tmp_path_factory):
    ziel = tmp_path_factory.mktemp("musterland")
    daten.erzeuge_musterland(ziel)
    return ziel


def test_neu_erzeugen_ist_byte_gleich(neu_erzeugt, wurzel):
    eingecheckt = wurzel / "datasets" / "musterland"
    namen = sorted(p.name for p in eingecheckt.iterdir())
    assert namen == sorted(p.name for p in neu_erzeugt.iterdir())
    for name in namen:
        assert (neu_erzeugt / name).read_bytes() == (eingecheckt / name).read_bytes(), (
            f"{name} weicht ab – Generator geändert? Dann `make daten` und Diff prüfen."
        )


def test_kein_halbe_datei_bleibt_liegen(neu_erzeugt):
    assert not list(neu_erzeugt.glob("*.tmp")) and not list(neu_erzeugt.glob(".*"))


def test_gebiete_landesschluessel_17():
    g = daten.gebiete()
    assert (g["ags"].str.startswith("17")).all()
    kreise = daten.kreise()
    assert len(kreise) == 12
    assert (kreise["ags"].str.len() == 5).all()
    assert (kreise["art"] == "Kreisfreie Stadt").sum() == 3
    assert set(kreise["uebergeordnet"]) <= set(g.loc[g["ebene"] == "Regierungsbezirk", "ags"])


def test_schluessel_bleiben_text():
    bev = daten.lade("bevoelkerung")
    assert bev["ags"].map(type).eq(str).all()
    assert bev["ags"].str.fullmatch(r"17\d{3}").all()


def test_bevoelkerung_jahre_alter_geschlecht():
    bev = daten.lade("bevoelkerung")
    assert sorted(bev["jahr"].unique()) == list(range(2012, 2025))
    assert sorted(bev["alter"].unique()) == list(range(0, 91))
    assert set(bev["geschlecht"]) == {"maennlich", "weiblich"}
    assert (bev["wert"] >= 0).all()
    je_jahr = bev.groupby("jahr")["wert"].sum()
    # ein Land von gut zwei Millionen Einwohnern, das sich langsam verändert
    assert je_jahr.between(1_900_000, 2_400_000).all()
    assert (je_jahr.pct_change().dropna().abs() < 0.02).all()


def test_geburten_plausibel():
    bev = daten.lade("bevoelkerung")
    gesamt = bev.groupby("jahr")["wert"].sum()
    neugeborene = bev[bev["alter"] == 0].groupby("jahr")["wert"].sum()
    je_tausend = neugeborene / gesamt * 1000
    assert je_tausend.between(6, 11).all()


def test_betreuungsquoten_plausibel_und_steigend():
    from bimo import indikatoren

    u3 = indikatoren.indikator("betreuungsquote_u3").berechne()
    assert u3["wert"].between(10, 60).all()
    land = u3[u3["ags"] == daten.LAND_AGS].set_index("jahr")["wert"]
    assert land.loc[2024] > land.loc[2013] + 8  # Ausbau nach dem Rechtsanspruch
    ue3 = indikatoren.indikator("betreuungsquote_3_6").berechne()
    assert ue3["wert"].between(85, 110).all()
    # Lehrbeispiel: mindestens ein Kreis über 100 % (Betreuung am Ort der Einrichtung)
    assert (ue3["wert"] > 100).any()


def test_datapackage_beschreibt_jede_datei():
    ordner = daten.datenordner()
    paket = json.loads((ordner / "datapackage.json").read_text(encoding="utf-8"))
    assert paket["licenses"][0]["name"] == "CC-BY-4.0"
    assert {r["path"] for r in paket["resources"]} == {p.name for p in ordner.glob("*.csv")}
    for res in paket["resources"]:
        tabelle = pd.read_csv(ordner / res["path"], dtype=str, keep_default_na=False)
        felder = [f["name"] for f in res["schema"]["fields"]]
        assert list(tabelle.columns) == felder, res["path"]
        assert not tabelle.duplicated(res["schema"]["primaryKey"]).any(), res["path"]
        for feld in res["schema"]["fields"]:
            spalte = tabelle[feld["name"]]
            if feld["type"] == "integer":
                assert spalte.str.fullmatch(r"-?\d+").all(), (res["path"], feld["name"])
            if "enum" in feld.get("constraints", {}):
                assert set(spalte) <= set(feld["constraints"]["enum"]), (res["path"], feld["name"])


def test_unbekannte_tabelle_deutsche_meldung():
    with pytest.raises(daten.DatenFehler, match="Unbekannte Tabelle „kitas“.*kindertagesbetreuung"):
        daten.lade("kitas")


def test_fehlende_datei_deutsche_meldung(tmp_path, monkeypatch):
    monkeypatch.setenv("BIMO_DATEN", str(tmp_path))
    with pytest.raises(daten.DatenFehler, match="fehlt.*make daten"):
        daten.lade("gebiete")


def test_falsche_kodierung_nennt_zeile_und_spalte(tmp_path, monkeypatch):
    (tmp_path / "gebiete.csv").write_bytes("ags,name\n17,Musterland\n171,Süd\n".encode("latin-1"))
    monkeypatch.setenv("BIMO_DATEN", str(tmp_path))
    with pytest.raises(daten.DatenFehler, match=r"gebiete.csv.*Zeile 3, Spalte 6.*UTF-8"):
        daten.lade("gebiete")


def test_zu_viele_spalten_nennt_zeile(tmp_path, monkeypatch):
    (tmp_path / "gebiete.csv").write_text("ags,name\n17,Musterland\n171,Nord,x\n")
    monkeypatch.setenv("BIMO_DATEN", str(tmp_path))
    with pytest.raises(
        daten.DatenFehler, match=r"gebiete.csv.*Zeile 3 hat 3 Spalten, erwartet sind 2"
    ):
        daten.lade("gebiete")


def test_zufall_je_zweck_unabhaengig_vom_prozess():
    a = musterland._rng("kita", "17101").integers(0, 1_000_000, 3)
    b = musterland._rng("kita", "17101").integers(0, 1_000_000, 3)
    assert list(a) == list(b)
