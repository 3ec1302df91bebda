"""Musterland im Format der Regionaldatenbank: mit bimo lesbar, inhaltsgleich, geheim gehalten."""

from __future__ import annotations

import pandas as pd
import pytest

from bimo import daten
from bimo.daten.gebietsstand import umschluesseln
from bimo.daten.regionalstatistik import lese_regionalstatistik

ORDNER = daten.datenordner().with_name("musterland_regionaldatenbank")
ALTERSGRUPPEN = {
    "unter 3 Jahre": "unter 3",
    "3 bis unter 6 Jahre": "3 bis unter 6",
    "6 bis unter 14 Jahre": "6 bis unter 14",
}


@pytest.mark.parametrize("datei", sorted(p.name for p in ORDNER.glob("*.csv")))
def test_jede_exportdatei_ist_lesbar_und_latin1(datei):
    roh = (ORDNER / datei).read_bytes()
    assert roh.startswith(b"GENESIS-Tabelle: ")
    with pytest.raises(UnicodeDecodeError):
        roh.decode("utf-8")  # wie echte Exporte: latin-1 mit Umlauten
    tabelle = lese_regionalstatistik(ORDNER / datei)
    assert len(tabelle) > 100
    assert tabelle.attrs["tabelle"] == datei.split("_")[0]
    assert "synthetisch" in tabelle.attrs["quelle"]
    assert tabelle["ags"].str.startswith("17").all()


def test_kita_export_umgeschluesselt_gleich_den_sauberen_daten():
    export = lese_regionalstatistik(ORDNER / "22543-01-02-4_musterland.csv")
    insgesamt = export[
        (export["merkmal_1"] == "Insgesamt (ohne Doppelzählungen)") & (export["ebene"] == "Kreis")
    ]
    vorher = insgesamt[insgesamt["jahr"] < 2019]
    assert (vorher.loc[vorher["ags"] == "17159", "zeichen"] == "-").all()
    nachher = insgesamt[insgesamt["jahr"] >= 2019]
    assert (nachher.loc[nachher["ags"].isin(["17154", "17156"]), "zeichen"] == "-").all()

    heute = umschluesseln(
        insgesamt[["ags", "jahr", "altersgruppe", "wert", "zeichen"]], daten.lade("gebietsreform")
    )
    heute = heute.assign(altersgruppe=heute["altersgruppe"].map(ALTERSGRUPPEN))
    heute = heute.set_index(["ags", "jahr", "altersgruppe"])["wert"].sort_index()
    sauber = daten.lade("kindertagesbetreuung").groupby(["ags", "jahr", "altersgruppe"])["wert"]
    sauber = sauber.sum().astype(float).sort_index()
    pd.testing.assert_series_equal(heute, sauber, check_names=False, check_index_type=False)


def test_gemeinde_export_ist_geheim_gehalten():
    export = lese_regionalstatistik(ORDNER / "22543-01-02-5_musterland_gemeinden.csv")
    gemeinden = export[export["ebene"] == "Gemeinde"]
    assert (gemeinden["zeichen"] == ".").any()
    sichtbar = gemeinden[gemeinden["zeichen"] == ""]
    assert not sichtbar["wert"].between(1, 2).any(), "kleine Fallzahl veröffentlicht"
    wahr = daten.lade("kindertagesbetreuung_gemeinden").query("jahr == 2024")
    wahr = wahr.assign(altersgruppe=wahr["altersgruppe"] + " Jahre").set_index(
        ["ags", "altersgruppe"]
    )["wert"]
    kreise = export[export["ebene"] == "Kreis"].set_index(["ags", "altersgruppe"])["wert"]
    for (kreis, gruppe), teil in gemeinden.groupby([gemeinden["ags"].str[:5], "altersgruppe"]):
        gesperrt = teil[teil["zeichen"] == "."]
        if gesperrt.empty:
            continue
        # Was ein Angreifer aus Kreissumme minus sichtbaren Gemeinden erfährt:
        rest = kreise[(kreis, gruppe)] - teil["wert"].sum()
        for ags in gesperrt["ags"]:
            a = wahr[(ags, gruppe)]
            assert rest >= a + max(1, 3 - a), (kreis, gruppe, ags)


def test_datenlexikon_nennt_die_exporte():
    text = daten.datenlexikon().markdown
    for datei in ORDNER.glob("*.csv"):
        assert datei.name in text
