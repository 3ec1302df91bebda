"""Das große synthetische Land (``bimo.daten.gross``): Exporte für Leser und Indikatoren."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from bimo import indikatoren
from bimo.daten import lese_regionalstatistik
from bimo.daten.gross import (
    DATEIEN,
    FEINDLICHER_NAME,
    JAHRE_ABGAENGER,
    JAHRE_BEVOELKERUNG,
    JAHRE_KITA,
    erzeuge_grosses_land,
)
from bimo.fehler import ParameterFehler

ANZAHL = 30
ECHTE_EXPORTE = (
    Path(__file__).resolve().parents[1].parent / "shared" / "realdata" / "regionalstatistik_2017"
)

# Indikator → (kleinster, größter plausibler Wert, erwartete Jahre)
SPANNEN = {
    "betreuungsquote_u3": (10, 70, JAHRE_KITA),
    "betreuungsquote_3_6": (80, 100, JAHRE_KITA),
    "jugendquotient": (15, 50, JAHRE_BEVOELKERUNG),
    "altenquotient": (15, 70, JAHRE_BEVOELKERUNG),
    "anteil_unter_18": (8, 25, JAHRE_BEVOELKERUNG),
    "ohne_abschluss_anteil": (0, 20, JAHRE_ABGAENGER),
    "ohne_abschluss_quotensumme": (0, 30, JAHRE_ABGAENGER[1:]),
    "anteil_hochschulreife": (10, 65, JAHRE_ABGAENGER),
}


@pytest.fixture(scope="module")
def ordner(tmp_path_factory: pytest.TempPathFactory) -> Path:
    ziel = tmp_path_factory.mktemp("gross")
    erzeuge_grosses_land(ziel, ANZAHL, seed=7, feindlicher_name=True)
    return ziel


@pytest.fixture(scope="module")
def gelesen(ordner: Path) -> dict[str, pd.DataFrame]:
    namen = ("bevoelkerung", "kindertagesbetreuung", "abgaenger")
    return {
        name: lese_regionalstatistik(ordner / datei)
        for name, datei in zip(namen, DATEIEN, strict=True)
    }


@pytest.fixture(scope="module")
def tabellen(gelesen: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    return {
        "bevoelkerung": indikatoren.bevoelkerung_aus_regionalstatistik(gelesen["bevoelkerung"]),
        "kindertagesbetreuung": indikatoren.kita_aus_regionalstatistik(
            gelesen["kindertagesbetreuung"]
        ),
        "abgaenger": indikatoren.abgaenger_aus_regionalstatistik(gelesen["abgaenger"]),
    }


def _kreise(tabelle: pd.DataFrame) -> pd.DataFrame:
    return tabelle[tabelle["ebene"] == "Kreis"]


def test_rueckgabe_sind_die_drei_dateien(ordner: Path) -> None:
    assert sorted(p.name for p in ordner.iterdir()) == sorted(DATEIEN)


def test_gebietsgliederung(gelesen: dict[str, pd.DataFrame]) -> None:
    for tabelle in gelesen.values():
        gebiete = tabelle.drop_duplicates("ags").set_index("ags")
        kreise = gebiete[gebiete["ebene"] == "Kreis"]
        laender = gebiete[gebiete["ebene"] == "Land"]
        assert len(kreise) == ANZAHL
        assert kreise["name"].is_unique
        assert 2 <= len(laender) <= 16
        assert set(gebiete["ebene"]) == {"Deutschland", "Land", "Kreis"}
        assert gebiete.loc["DG", "stufe"] == 0
        assert set(laender["stufe"]) == {1}
        assert set(kreise["stufe"]) == {3}
        # Schlüssel erfundener Länder: nie ein echtes Land (01–16)
        assert all(int(ags) >= 17 for ags in laender.index)
        assert all(ags[:2] in laender.index and len(ags) == 5 for ags in kreise.index)


@pytest.mark.parametrize("datei", range(3))
def test_land_und_deutschland_sind_summen_der_kreise(
    gelesen: dict[str, pd.DataFrame], datei: int
) -> None:
    tabelle = list(gelesen.values())[datei]
    merkmale = [c for c in tabelle.columns if c.startswith("merkmal_") or c == "schulabschluss"]
    schluessel = ["zeit", *merkmale]
    kreise = _kreise(tabelle).assign(land=lambda t: t["ags"].str[:2])
    summe = kreise.groupby(["land", *schluessel])["wert"].sum(min_count=1).rename("summe")
    # Eine geheime Kreiszelle („.“) macht die Summe unbekannt; die Landeszahl bleibt.
    geheim = kreise.groupby(["land", *schluessel])["wert"].apply(lambda w: w.isna().any())
    laender = tabelle[tabelle["ebene"] == "Land"].set_index(["ags", *schluessel])["wert"]
    laender.index = laender.index.set_names(["land", *schluessel])
    vergleich = pd.concat([summe, laender.rename("land_wert")], axis=1)[~geheim]
    vergleich = vergleich.dropna(subset=["land_wert"])  # Land ohne Angabe („.“)
    assert len(vergleich) > 0.9 * len(summe)
    np.testing.assert_array_equal(vergleich["summe"], vergleich["land_wert"])

    deutschland = tabelle[tabelle["ags"] == "DG"].set_index(schluessel)["wert"]
    alle = kreise.groupby(schluessel)["wert"].sum(min_count=1)
    ohne_geheimes = kreise.groupby(schluessel)["wert"].apply(lambda w: w.notna().all())
    np.testing.assert_array_equal(alle[ohne_geheimes], deutschland[alle.index][ohne_geheimes])


def test_bevoelkerung_in_sich_stimmig(gelesen: dict[str, pd.DataFrame]) -> None:
    bev = _kreise(gelesen["bevoelkerung"])
    breit = bev.pivot_table(
        index=["ags", "jahr", "merkmal_1"], columns="merkmal_2", values="wert", aggfunc="sum"
    )
    np.testing.assert_array_equal(breit["männlich"] + breit["weiblich"], breit["Insgesamt"])
    insgesamt = breit["Insgesamt"].unstack("merkmal_1")
    gruppen = insgesamt.drop(columns="Insgesamt")
    assert gruppen.shape[1] == 17
    np.testing.assert_array_equal(gruppen.sum(axis=1), insgesamt["Insgesamt"])
    einwohner = insgesamt["Insgesamt"]
    assert einwohner.min() >= 5_000
    assert einwohner.max() <= 800_000
    assert (einwohner < 20_000).any(), "ein sehr kleiner Kreis fehlt"
    assert (einwohner.groupby("ags").min() >= 38_000).mean() > 0.9
    assert sorted(bev["zeit"].unique()) == sorted(f"31.12.{j}" for j in JAHRE_BEVOELKERUNG)


def test_kita_ohne_doppelzaehlungen(gelesen: dict[str, pd.DataFrame]) -> None:
    kita = _kreise(gelesen["kindertagesbetreuung"])
    kita = kita[(kita["merkmal_2"] == "Betreute Kinder") & kita["merkmal_4"].ne("")]
    breit = kita.pivot_table(
        index=["ags", "jahr", "merkmal_4"], columns="merkmal_1", values="wert", aggfunc="sum"
    )
    insgesamt = breit["Insgesamt (ohne Doppelzählungen)"]
    summe = breit["Tageseinrichtung"] + breit["Tagespflege"]
    assert (insgesamt <= summe).all()
    assert (insgesamt >= breit[["Tageseinrichtung", "Tagespflege"]].max(axis=1)).all()
    assert (insgesamt < summe).any(), "keine Doppelzählungen – unrealistisch"
    assert sorted(kita["jahr"].unique()) == list(JAHRE_KITA)


@pytest.mark.parametrize("kennung", sorted(SPANNEN))
def test_indikatoren_fuer_alle_kreise_plausibel(
    tabellen: dict[str, pd.DataFrame], gelesen: dict[str, pd.DataFrame], kennung: str
) -> None:
    unten, oben, jahre = SPANNEN[kennung]
    indikator = indikatoren.indikator(kennung)
    ergebnis = indikator.berechne(
        land=False, tabellen={name: tabellen[name] for name in indikator.tabellen}
    )
    kreise = set(_kreise(gelesen["bevoelkerung"])["ags"])
    assert sorted(ergebnis["jahr"].unique()) == list(jahre)
    for _, jahr in ergebnis.groupby("jahr"):
        assert set(jahr["ags"]) == kreise
    assert ergebnis["wert"].notna().all()
    assert ergebnis["wert"].between(unten, oben).all(), ergebnis["wert"].describe()
    # Die Kreise unterscheiden sich – kein überall gleicher Wert
    assert ergebnis["wert"].std() > 0.5


def test_gleicher_startwert_gleiche_bytes(ordner: Path, tmp_path: Path) -> None:
    nochmal = erzeuge_grosses_land(tmp_path / "a", ANZAHL, seed=7, feindlicher_name=True)
    for pfad in nochmal:
        assert pfad.read_bytes() == (ordner / pfad.name).read_bytes()
    anders = erzeuge_grosses_land(tmp_path / "b", ANZAHL, seed=8, feindlicher_name=True)
    for pfad in anders:
        assert pfad.read_bytes() != (ordner / pfad.name).read_bytes()


def test_kleine_zellen_und_zeichen(gelesen: dict[str, pd.DataFrame]) -> None:
    abgaenger = _kreise(gelesen["abgaenger"])
    klein = abgaenger[(abgaenger["wert"] > 0) & (abgaenger["wert"] < 3)]
    assert len(klein) > 0, "keine Zelle unter der Mindestfallzahl 3"
    ohne = abgaenger[
        (abgaenger["schulabschluss"] == "ohne Hauptschulabschluss")
        & (abgaenger["merkmal_2"] == "Insgesamt")
    ]
    assert (ohne["wert"] < 10).any(), "keine einstellige Zahl von Abgängern ohne Abschluss"
    assert (abgaenger["zeichen"] == "-").any()
    assert (abgaenger.loc[abgaenger["zeichen"] == "-", "wert"] == 0).all()
    kita = _kreise(gelesen["kindertagesbetreuung"])
    geheim = kita[kita["zeichen"] == "."]
    assert len(geheim) > 0
    assert geheim["wert"].isna().all()
    # Geheim nur, was keine Quote braucht
    assert set(geheim["merkmal_2"]) == {"Kinder, Herkunft mind. 1 Elternteil ausländisch"}


def test_feindlicher_name_kommt_unveraendert_zurueck(
    gelesen: dict[str, pd.DataFrame], ordner: Path, tmp_path: Path
) -> None:
    schluessel = set()
    for tabelle in gelesen.values():
        treffer = tabelle[tabelle["name"] == FEINDLICHER_NAME]
        assert not treffer.empty
        assert set(treffer["ebene"]) == {"Kreis"}
        schluessel |= set(treffer["ags"])
    assert len(schluessel) == 1
    # Ohne den Namen: dieselben Zahlen, nur der Name ist ein gewöhnlicher
    harmlos = erzeuge_grosses_land(tmp_path, ANZAHL, seed=7)
    for pfad, (_, tabelle) in zip(harmlos, gelesen.items(), strict=True):
        ohne = lese_regionalstatistik(pfad)
        assert FEINDLICHER_NAME not in set(ohne["name"])
        pd.testing.assert_series_equal(ohne["wert"], tabelle["wert"])
        name = ohne.loc[ohne["ags"] == next(iter(schluessel)), "name"].iloc[0]
        assert name and "<" not in name


def test_kodierung_und_rahmen(ordner: Path) -> None:
    for datei in DATEIEN:
        roh = (ordner / datei).read_bytes()
        code = datei.removesuffix(".csv")
        if datei.startswith("21111"):  # latin-1 wie ältere Downloads
            with pytest.raises(UnicodeDecodeError):
                roh.decode("utf-8")
            text = roh.decode("cp1252")
        else:
            text = roh.decode("utf-8")
        zeilen = text.splitlines()
        assert zeilen[0] == f"GENESIS-Tabelle: {code}"
        assert zeilen[-1].startswith("Stand: ")
        assert "__________" in zeilen
        assert any(z.startswith('"©') for z in zeilen)
        assert "\r" not in text


@pytest.mark.realdaten
@pytest.mark.skipif(
    not ECHTE_EXPORTE.exists(), reason="echte Exporte (../shared/realdata) nicht vorhanden"
)
@pytest.mark.parametrize(
    ("datei", "echt"),
    [
        ("12411-02-03-4.csv", "12411-02-03-4_00.csv"),
        ("22543-01-02-4.csv", "22543-01-02-4_00.csv"),
        ("21111-02-06-4.csv", "21111-02-06-4_00.csv"),
    ],
)
def test_kopf_wie_echter_export(ordner: Path, datei: str, echt: str) -> None:
    """Titelzeilen und Spaltenkopf stimmen Zeichen für Zeichen mit dem echten Download überein."""

    def kopf(text: str) -> list[str]:
        zeilen = text.splitlines()
        erste_daten = next(i for i, z in enumerate(zeilen) if ";DG;Deutschland;" in z)
        return zeilen[:erste_daten]

    roh = (ordner / datei).read_bytes()
    unser = roh.decode("cp1252") if datei.startswith("21111") else roh.decode("utf-8")
    assert kopf(unser) == kopf((ECHTE_EXPORTE / echt).read_text(encoding="utf-8"))


def test_aufbau_wie_echter_export_beim_lesen(gelesen: dict[str, pd.DataFrame]) -> None:
    bev, kita, abgaenger = gelesen.values()
    assert bev.attrs["tabelle"] == "12411-02-03-4"
    assert kita.attrs["zeilenmerkmale"] == ["merkmal_1"]
    assert kita.attrs["spaltenmerkmale"] == ["merkmal_2", "merkmal_3", "merkmal_4"]
    assert abgaenger.attrs["spaltenkopf"] == ["Schulabschluss"]
    assert "synthetisch" in abgaenger.attrs["quelle"]
    assert abgaenger.attrs["stand"] == "15.01.2025 / 10:00:00"


@pytest.mark.parametrize("anzahl", [1, 2, 5, 41])
def test_wenige_und_ungerade_anzahlen(tmp_path: Path, anzahl: int) -> None:
    pfade = erzeuge_grosses_land(tmp_path, anzahl, seed=3)
    for pfad in pfade:
        tabelle = lese_regionalstatistik(pfad)
        assert tabelle.loc[tabelle["ebene"] == "Kreis", "ags"].nunique() == anzahl


@pytest.mark.parametrize("anzahl", [0, -3, 10_001, "10", 2.5, True])
def test_unsinnige_anzahl_gibt_deutsche_meldung(tmp_path: Path, anzahl: object) -> None:
    with pytest.raises(ParameterFehler, match="Zahl der Kreise"):
        erzeuge_grosses_land(tmp_path, anzahl)  # type: ignore[arg-type]
    assert not any(tmp_path.iterdir())


def test_ziel_ist_eine_datei(tmp_path: Path) -> None:
    datei = tmp_path / "x.csv"
    datei.write_text("schon da")
    with pytest.raises(ParameterFehler, match="kein Ordner"):
        erzeuge_grosses_land(datei, 3)


def test_negativer_startwert(tmp_path: Path) -> None:
    with pytest.raises(ParameterFehler, match="Startwert"):
        erzeuge_grosses_land(tmp_path, 3, seed=-1)
