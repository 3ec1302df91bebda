"""Musterland: reproduzierbar, plausibel, beschrieben."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from bimo import daten
from bimo.daten import musterland


@pytest.fixture(scope="module")
def neu_erzeugt(tmp_path_factory):
    ziel = tmp_path_factory.mktemp("neu") / "musterland"
    daten.erzeuge_musterland(ziel)
    return ziel


@pytest.mark.langsam
@pytest.mark.parametrize("ordner", ["musterland", "musterland_rohdaten"])
def test_neu_erzeugen_ist_byte_gleich(neu_erzeugt, wurzel, ordner):
    eingecheckt = wurzel / "src/bimo/daten/datensaetze" / ordner
    neu = neu_erzeugt.with_name(ordner)
    namen = sorted(p.name for p in eingecheckt.iterdir())
    assert namen == sorted(p.name for p in neu.iterdir())
    for name in namen:
        assert (neu / name).read_bytes() == (eingecheckt / name).read_bytes(), (
            f"{ordner}/{name} weicht ab – Generator geändert? Dann `make daten` und Diff prüfen."
        )


@pytest.mark.langsam
def test_kein_halbe_datei_bleibt_liegen(neu_erzeugt):
    for ordner in (neu_erzeugt, neu_erzeugt.with_name("musterland_rohdaten")):
        assert not list(ordner.glob("*.tmp")) and not list(ordner.glob(".*"))


def test_gebiete_landesschluessel_17():
    g = daten.gebiete()
    assert (g["ags"].str.startswith("17")).all()
    kreise = daten.kreise()
    assert len(kreise) == 12
    assert (kreise["ags"].str.len() == 5).all()
    assert (kreise["art"] == "Kreisfreie Stadt").sum() == 3
    assert set(kreise["uebergeordnet"]) <= set(g.loc[g["ebene"] == "Regierungsbezirk", "ags"])


def test_gemeinden_achtstellig_im_richtigen_kreis():
    g = daten.gebiete()
    gemeinden = g[g["ebene"] == "Gemeinde"]
    assert len(gemeinden) >= 100
    assert gemeinden["ags"].str.fullmatch(r"17\d{6}").all()
    assert (gemeinden["ags"].str[:5] == gemeinden["uebergeordnet"]).all()
    assert set(gemeinden["uebergeordnet"]) == set(daten.kreise()["ags"])
    assert not gemeinden["name"].duplicated().any()


def test_gemeinden_ergeben_ihren_kreis():
    bev = daten.lade("bevoelkerung")
    gem = daten.lade("bevoelkerung_gemeinden")
    kreis = bev.groupby(["ags", "jahr"])["wert"].sum()
    summe = gem.assign(ags=gem["ags"].str[:5]).groupby(["ags", "jahr"])["wert"].sum()
    pd.testing.assert_series_equal(kreis, summe)
    kita = daten.lade("kindertagesbetreuung")
    kita = kita[kita["altersgruppe"] != "6 bis unter 14"]
    kita = kita.groupby(["ags", "jahr", "altersgruppe"])["wert"].sum()
    kg = daten.lade("kindertagesbetreuung_gemeinden")
    summe = kg.assign(ags=kg["ags"].str[:5]).groupby(["ags", "jahr", "altersgruppe"])["wert"].sum()
    pd.testing.assert_series_equal(kita, summe)


def test_gebietsreform_umstiegsschluessel():
    reform = daten.lade("gebietsreform")
    kreise = reform[reform["ags_alt"].str.len() == 5]
    assert set(zip(kreise["ags_alt"], kreise["ags_neu"], strict=True)) == {
        ("17154", "17159"),
        ("17156", "17159"),
    }
    assert (reform["anteil"] == 1.0).all()
    gemeinden = reform[reform["ags_alt"].str.len() == 8]
    neu = set(daten.gebiete().query("uebergeordnet == '17159'")["ags"])
    assert set(gemeinden["ags_neu"]) == neu


def test_sozialraeume_von_musterstadt():
    raeume = daten.lade("sozialraeume")
    assert 25 <= len(raeume) <= 40
    werte = daten.lade("sozialraum_daten")
    einwohner = werte[werte["merkmal"] == "einwohner"].groupby("jahr")["wert"].sum()
    bev = daten.lade("bevoelkerung").query("ags == '17101'").groupby("jahr")["wert"].sum()
    assert (einwohner == bev.loc[einwohner.index]).all()
    geo = json.loads((daten.datenordner() / "musterstadt_sozialraeume.geojson").read_text())
    assert {f["properties"]["sozialraum"] for f in geo["features"]} == set(raeume["sozialraum"])
    assert all(f["geometry"]["type"] in ("Polygon", "MultiPolygon") for f in geo["features"])


def test_geometrien_im_nordatlantik_und_vollstaendig():
    gemeinden = set(daten.gebiete().query("ebene == 'Gemeinde'")["ags"])
    for name, erwartet in (
        ("musterland_kreise", set(daten.kreise()["ags"])),
        ("musterland_gemeinden", gemeinden),
    ):
        geo = json.loads((daten.datenordner() / f"{name}.geojson").read_text())
        assert {f["properties"]["ags"] for f in geo["features"]} == erwartet
        for f in geo["features"]:
            ring = f["geometry"]["coordinates"][0]
            lon, lat = zip(*ring, strict=True)
            assert -32 < min(lon) and max(lon) < -28 and 44 < min(lat) and max(lat) < 46


def test_soziale_lage_haengt_mit_bildung_zusammen():
    werte = daten.lade("sozialraum_daten").query("jahr == 2024")
    t = werte.pivot(index="sozialraum", columns="merkmal", values="wert")
    t = t[t["einwohner"] > 1000]
    sgb2 = t["sgb2_unter_15"] / t["einwohner_unter_15"]
    gym = t["uebergaenge_gymnasium"] / t["viertklaessler"]
    sprache = t["einschueler_sprachfoerderbedarf"] / t["einschueler_untersucht"]
    assert sgb2.corr(gym) < -0.6
    assert sgb2.corr(sprache) > 0.6
    abg = daten.lade("abgaenger").query("jahr == 2024").groupby(["ags", "abschluss"])["wert"]
    anteile = abg.sum().unstack()
    ohne = anteile["ohne Ersten Schulabschluss"] / anteile.sum(axis=1)
    s = daten.lade("sgb2").query("jahr == 2024").set_index("ags")["wert"]
    bev = daten.lade("bevoelkerung").query("jahr == 2024 and alter < 15").groupby("ags")["wert"]
    assert (s / bev.sum()).corr(ohne) > 0.5


def test_kleine_zahlen_fuer_die_geheimhaltung():
    werte = daten.lade("sozialraum_daten")
    assert werte["wert"].between(1, 2).any()
    gem = daten.lade("kindertagesbetreuung_gemeinden")
    assert (gem["wert"] < 10).any()


def test_schuelerdaten():
    s = daten.lade("schuelerdaten")
    assert len(s) == 5000 and s["schueler_id"].is_unique
    assert set(s["sozialraum"]) <= set(daten.lade("sozialraeume")["sozialraum"])
    assert s["klassenstufe"].between(1, 4).all()
    assert s.loc[s["klassenstufe"] < 3, "note_deutsch"].isna().all()
    assert s.loc[s["klassenstufe"] >= 3, "note_deutsch"].between(1, 6).all()
    merkmale = ["sozialraum", "geburtsjahr", "geschlecht", "staatsangehoerigkeit"]
    haeufigkeit = s.groupby(merkmale)["schueler_id"].transform("size")
    assert (haeufigkeit == 1).any()  # ohne Vergröberung nicht k-anonym


def test_rohdaten_und_ihre_probleme():
    probleme = json.loads((daten.rohdatenordner() / "probleme.json").read_text())
    arten = {p["art"] for p in probleme}
    erwartet = {
        "Gebietsstand",
        "Dublette",
        "negativer Wert",
        "Tippfehler",
        "fehlendes Jahr",
        "unmöglicher Wert",
    }
    assert erwartet <= arten
    roh = daten.lade("kindertagesbetreuung", variante="roh")
    schluessel = ["ags", "jahr", "altersgruppe", "betreuungsart"]
    assert roh.duplicated(schluessel).any() and (roh["wert"] < 0).any()
    assert {"17154", "17156"} <= set(roh["ags"])
    bev = daten.lade("bevoelkerung", variante="roh")
    assert (bev["alter"] > 90).any()


def test_saubere_variante_ohne_diese_probleme():
    for name in daten.TABELLEN:
        tabelle = daten.lade(name)
        schluessel = list(daten.TABELLEN[name].primaerschluessel)
        assert not tabelle.duplicated(schluessel).any(), name
        if "wert" in tabelle:
            assert (tabelle["wert"] >= 0).all(), name
    assert daten.lade("bevoelkerung")["alter"].max() == 90
    assert not {"17154", "17156"} & set(daten.lade("kindertagesbetreuung")["ags"])


def test_schluessel_bleiben_text():
    bev = daten.lade("bevoelkerung")
    assert bev["ags"].map(type).eq(str).all()
    assert bev["ags"].str.fullmatch(r"17\d{3}").all()


def test_bevoelkerung_jahre_alter_geschlecht():
    bev = daten.lade("bevoelkerung")
    assert sorted(bev["jahr"].unique()) == list(range(2012, 2025))
    assert sorted(bev["alter"].unique()) == list(range(0, 91))
    assert set(bev["geschlecht"]) == {"maennlich", "weiblich"}
    assert set(bev["staatsangehoerigkeit"]) == {"deutsch", "nichtdeutsch"}
    anteil = bev.groupby("staatsangehoerigkeit")["wert"].sum() / bev["wert"].sum()
    assert 0.05 < anteil["nichtdeutsch"] < 0.2
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


@pytest.mark.parametrize("ordner", [daten.datenordner, daten.rohdatenordner])
def test_datapackage_beschreibt_jede_datei(ordner):
    ordner = ordner()
    paket = json.loads((ordner / "datapackage.json").read_text(encoding="utf-8"))
    assert paket["licenses"][0]["name"] == "CC-BY-4.0"
    dateien = {p.name for p in ordner.iterdir()} - {"datapackage.json", "probleme.json"}
    assert {r["path"] for r in paket["resources"]} == dateien
    for res in paket["resources"]:
        if res["format"] != "csv":
            continue
        tabelle = pd.read_csv(ordner / res["path"], dtype=str, keep_default_na=False)
        felder = [f["name"] for f in res["schema"]["fields"]]
        assert list(tabelle.columns) == felder, res["path"]
        if "primaryKey" in res["schema"]:
            assert not tabelle.duplicated(res["schema"]["primaryKey"]).any(), res["path"]
        for feld in res["schema"]["fields"]:
            spalte = tabelle[feld["name"]]
            if feld["type"] == "integer":
                assert spalte.str.fullmatch(r"-?\d*").all(), (res["path"], feld["name"])
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
    a = musterland.rng("kita", "17101").integers(0, 1_000_000, 3)
    b = musterland.rng("kita", "17101").integers(0, 1_000_000, 3)
    assert list(a) == list(b)
