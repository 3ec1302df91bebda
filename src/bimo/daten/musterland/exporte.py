"""Musterland im Format der Regionaldatenbank: zum Üben des Imports.

Die Dateien sehen aus wie echte Downloads (latin-1, Kopf- und Fußblock,
eingerückte Namen, Zeichen statt Zahlen) und stehen auf dem Gebietsstand der
jeweiligen Jahre: Bis 2018 gibt es die Landkreise Fichtenau (17154) und
Moorland (17156), ab 2019 den Landkreis Fichtenau-Moorland (17159); in den
Jahren, in denen ein Kreis nicht bestand, steht „-“ – wie in echten Exporten.
"""

from __future__ import annotations

import pandas as pd

from bimo import geheimhaltung
from bimo.daten.musterland.katalog import Erzeugung
from bimo.daten.musterland.kleinraeumig import gemeinden
from bimo.daten.musterland.tabellen import gebietsstand_des_jahres, tabelle_abgaenger
from bimo.daten.musterland.welt import (
    AUFGELOESTE_KREISE,
    KREISE,
    LAND_AGS,
    LAND_NAME,
    REFORMJAHR,
    REGIERUNGSBEZIRKE,
)

QUELLE = (
    "© bimo-Projekt, 2025: Musterland - synthetische Beispieldaten, keine amtlichen Zahlen.\n"
    "Dieses Werk ist lizenziert unter CC BY 4.0."
)
STAND = "15.01.2025 / 10:00:00"

ALTERSGRUPPEN_12411 = {
    "unter 3 Jahre": (0, 3),
    "3 bis unter 6 Jahre": (3, 6),
    "6 bis unter 10 Jahre": (6, 10),
    "10 bis unter 15 Jahre": (10, 15),
    "15 bis unter 18 Jahre": (15, 18),
    "18 bis unter 25 Jahre": (18, 25),
    "25 bis unter 30 Jahre": (25, 30),
    "30 bis unter 40 Jahre": (30, 40),
    "40 bis unter 50 Jahre": (40, 50),
    "50 bis unter 65 Jahre": (50, 65),
    "65 bis unter 75 Jahre": (65, 75),
    "75 Jahre und mehr": (75, 91),
}
_ALTERSGRUPPEN_22543 = {
    "unter 3": "unter 3 Jahre",
    "3 bis unter 6": "3 bis unter 6 Jahre",
    "6 bis unter 14": "6 bis unter 14 Jahre",
}


_REIHENFOLGE = {
    "Geschlecht": ["Insgesamt", "männlich", "weiblich"],
    "Altersgruppe": list(dict.fromkeys([*ALTERSGRUPPEN_12411, *_ALTERSGRUPPEN_22543.values()])),
    "Art": ["Tageseinrichtung", "Tagespflege", "Insgesamt (ohne Doppelzählungen)"],
    "Schulabschluss": [
        "Insgesamt",
        "ohne Ersten Schulabschluss",
        "Erster Schulabschluss",
        "Mittlerer Schulabschluss",
        "Allgemeine Hochschulreife",
    ],
}


def _geordnet(tabelle: pd.DataFrame, angaben: dict) -> tuple[pd.DataFrame, dict]:
    """Zeilen und Spalten in der Reihenfolge echter Exporte; Titel als Zeilen."""
    spalten = [c for c in ("zeit", "ags", *_REIHENFOLGE) if c in tabelle]
    rang = {
        c: tabelle[c].map({w: i for i, w in enumerate(_REIHENFOLGE[c])})
        for c in _REIHENFOLGE
        if c in tabelle
    }
    geordnet = tabelle.assign(**{f"_{c}": r for c, r in rang.items()})
    geordnet = geordnet.sort_values(
        [f"_{c}" if c in rang else c for c in spalten], kind="stable"
    ).drop(columns=[f"_{c}" for c in rang])
    geordnet = geordnet.reset_index(drop=True)
    return geordnet, {**angaben, "titel": "\n".join(angaben["titel"])}


def _kreisname(kreis) -> str:  # noqa: ANN001
    if kreis.ist_stadt:
        return f"{kreis.name}, Kreisfreie Stadt"
    return f"{kreis.name.removeprefix('Landkreis ')}, Landkreis"


def _namen() -> dict[str, str]:
    namen = {LAND_AGS: LAND_NAME, **REGIERUNGSBEZIRKE}
    namen |= {k.ags: _kreisname(k) for k in KREISE + AUFGELOESTE_KREISE}
    namen |= {g.ags: g.name for g in gemeinden()}
    return namen


def _kreise_im_jahr(jahr: int) -> set[str]:
    """Kreise, die im Jahr bestanden (Gebietsstand 31.12.)."""
    if jahr < REFORMJAHR:
        return {k.ags for k in KREISE if not k.vorgaenger} | {k.ags for k in AUFGELOESTE_KREISE}
    return {k.ags for k in KREISE}


def _mit_oberen_ebenen(kreise: pd.DataFrame, gliederung: list[str]) -> pd.DataFrame:
    """Ergänzt Land und Regierungsbezirke als Summen und setzt Namen."""
    land = kreise.groupby(gliederung, as_index=False)["wert"].sum().assign(ags=LAND_AGS)
    rb = (
        kreise.assign(ags=kreise["ags"].str[:3])
        .groupby(["ags", *gliederung], as_index=False)["wert"]
        .sum()
    )
    tabelle = pd.concat([land, rb, kreise], ignore_index=True)
    return tabelle.assign(name=tabelle["ags"].map(_namen()))


def _alle_kreise_mit_strich(tabelle: pd.DataFrame, zeitspalte: str) -> pd.DataFrame:
    """Jeder Kreis steht in jedem Jahr; nicht bestehende Kreise mit „-“ (nichts vorhanden)."""
    alle = [k.ags for k in KREISE + AUFGELOESTE_KREISE]
    zeilen = []
    for (zeit, *rest), gruppe in tabelle.groupby(
        [zeitspalte, *[c for c in tabelle.columns if c not in ("ags", "wert", zeitspalte)]]
    ):
        vorhanden = set(gruppe["ags"])
        for ags in alle:
            if ags not in vorhanden:
                zeilen.append(
                    {
                        zeitspalte: zeit,
                        **dict(
                            zip(
                                [
                                    c
                                    for c in tabelle.columns
                                    if c not in ("ags", "wert", zeitspalte)
                                ],
                                rest,
                                strict=True,
                            )
                        ),
                        "ags": ags,
                        "wert": 0,
                        "zeichen": "-",
                    }
                )
    return pd.concat([tabelle.assign(zeichen=""), pd.DataFrame(zeilen)], ignore_index=True)


def export_bevoelkerung(e: Erzeugung, jahr: int = 2018) -> tuple[pd.DataFrame, dict]:
    """12411-02-03-4: Bevölkerung nach Geschlecht und Altersgruppen am 31.12. (Zeit im Kopf)."""
    zeilen = []
    for ags in sorted(_kreise_im_jahr(jahr)):
        stand = e.welt.bevoelkerung(ags, jahr)
        for g, geschlecht in enumerate(("männlich", "weiblich")):
            for gruppe, (von, bis) in ALTERSGRUPPEN_12411.items():
                wert = int(stand[g, :, von:bis].sum())
                zeilen.append(
                    {"ags": ags, "Geschlecht": geschlecht, "Altersgruppe": gruppe, "wert": wert}
                )
    kreise = pd.DataFrame(zeilen)
    insgesamt = kreise.groupby(["ags", "Altersgruppe"], as_index=False)["wert"].sum()
    kreise = pd.concat([insgesamt.assign(Geschlecht="Insgesamt"), kreise], ignore_index=True)
    tabelle = _mit_oberen_ebenen(kreise, ["Geschlecht", "Altersgruppe"])
    tabelle = tabelle.assign(zeit=f"31.12.{jahr}", zeichen="", einheit="Anzahl")
    titel = [
        "Bevölkerung nach Geschlecht und Altersgruppen",
        "- Stichtag 31.12. -",
        "regionale Tiefe: Kreise und krfr. Städte",
        "Fortschreibung des Bevölkerungsstandes (Musterland, synthetisch)",
    ]
    angaben = {
        "tabelle_code": "12411-02-03-4",
        "titel": titel,
        "zeit_in_kopf": True,
        "spaltenmerkmale": ["Geschlecht", "Altersgruppe"],
    }
    return _geordnet(tabelle, angaben)


def _mit_land_und_strichen(teile: pd.DataFrame, gliederung: list[str]) -> pd.DataFrame:
    """Kreise mit „-“ für nicht bestehende Kreise, dazu Land und Regierungsbezirke."""
    kreise = _alle_kreise_mit_strich(teile, "jahr")
    bestehend = kreise[kreise["zeichen"] == ""].drop(columns="zeichen")
    oben = _mit_oberen_ebenen(bestehend, ["jahr", *gliederung])
    oben = oben[oben["ags"].str.len() < 5].assign(zeichen="")
    kreise = kreise.assign(name=kreise["ags"].map(_namen()))
    return pd.concat([oben, kreise], ignore_index=True)


def export_kindertagesbetreuung(e: Erzeugung) -> tuple[pd.DataFrame, dict]:
    """22543-01-02-4: Kinder in Tagesbetreuung nach Art und Altersgruppe (Zeit je Zeile)."""
    schluessel = ["ags", "jahr", "altersgruppe", "betreuungsart"]
    kita = gebietsstand_des_jahres(e.kita_einheiten, schluessel)
    art = {"Kindertageseinrichtung": "Tageseinrichtung", "Kindertagespflege": "Tagespflege"}
    kita = kita.assign(
        Art=kita["betreuungsart"].map(art),
        Altersgruppe=kita["altersgruppe"].map(_ALTERSGRUPPEN_22543),
    )[["ags", "jahr", "Art", "Altersgruppe", "wert"]]
    gesamt = kita.groupby(["ags", "jahr", "Altersgruppe"], as_index=False)["wert"].sum()
    gesamt = gesamt.assign(Art="Insgesamt (ohne Doppelzählungen)")
    tabelle = _mit_land_und_strichen(
        pd.concat([kita, gesamt], ignore_index=True), ["Art", "Altersgruppe"]
    )
    tabelle = tabelle.assign(zeit="01.03." + tabelle["jahr"].astype(str), einheit="Anzahl")
    titel = [
        "Kinder in Tageseinrichtungen und in öffentl. geförderter Kindertagespflege,",
        "nach Art der Kindertagesbetreuung und Altersgruppen - Stichtag -",
        "regionale Tiefe: Kreise und krfr. Städte (Musterland, synthetisch)",
    ]
    angaben = {
        "tabelle_code": "22543-01-02-4",
        "titel": titel,
        "zeilenmerkmale": ["Art"],
        "spaltenmerkmale": ["Altersgruppe"],
    }
    return _geordnet(tabelle.drop(columns="jahr"), angaben)


def export_abgaenger(e: Erzeugung) -> tuple[pd.DataFrame, dict]:
    """21111-02-06-4: Absolventen/Abgänger nach Abschluss und Geschlecht (Jahr je Zeile)."""
    schluessel = ["ags", "jahr", "abschluss", "geschlecht", "staatsangehoerigkeit"]
    abg = gebietsstand_des_jahres(tabelle_abgaenger(e.welt), schluessel)
    abg = abg.rename(columns={"abschluss": "Schulabschluss", "geschlecht": "Geschlecht"})
    abg = abg.groupby(["ags", "jahr", "Schulabschluss", "Geschlecht"], as_index=False)["wert"]
    abg = abg.sum()
    weiblich = abg[abg["Geschlecht"] == "weiblich"]
    insgesamt = abg.groupby(["ags", "jahr", "Schulabschluss"], as_index=False)["wert"].sum()
    teile = pd.concat([insgesamt.assign(Geschlecht="Insgesamt"), weiblich], ignore_index=True)
    alle = teile.groupby(["ags", "jahr", "Geschlecht"], as_index=False)["wert"].sum()
    teile = pd.concat([alle.assign(Schulabschluss="Insgesamt"), teile], ignore_index=True)
    tabelle = _mit_land_und_strichen(teile, ["Schulabschluss", "Geschlecht"])
    tabelle = tabelle.assign(zeit=tabelle["jahr"].astype(str), einheit="Anzahl")
    titel = [
        "Allgemeinbildende Schulen: Absolventen/Abgänger",
        "nach dem Schulabschluss - Schuljahr -",
        "regionale Tiefe: Kreise und krfr. Städte (Musterland, synthetisch)",
    ]
    angaben = {
        "tabelle_code": "21111-02-06-4",
        "titel": titel,
        "spaltenmerkmale": ["Schulabschluss", "Geschlecht"],
    }
    return _geordnet(tabelle.drop(columns="jahr"), angaben)


def export_kita_gemeinden(
    e: Erzeugung, jahr: int = 2024, mindestfallzahl: int = 3
) -> tuple[pd.DataFrame, dict]:
    """Betreute Kinder je Gemeinde; kleine Fallzahlen durch bimo.geheimhaltung als „.“."""
    from bimo.daten.musterland.kleinraeumig import tabelle_kindertagesbetreuung_gemeinden

    gem = tabelle_kindertagesbetreuung_gemeinden(e.welt, e.kita_einheiten)
    gem = gem[gem["jahr"] == jahr].drop(columns="jahr")
    gem = gem.assign(Altersgruppe=gem["altersgruppe"].map(_ALTERSGRUPPEN_22543))
    gem = gem.drop(columns="altersgruppe")
    kreise = gem.assign(ags=gem["ags"].str[:5]).groupby(["ags", "Altersgruppe"], as_index=False)
    oben = _mit_oberen_ebenen(kreise["wert"].sum(), ["Altersgruppe"])
    tabelle = pd.concat([oben, gem.assign(name=gem["ags"].map(_namen()))], ignore_index=True)
    # Gemeinde-Ebene geheim halten: je Kreis und Altersgruppe ist der Kreis die Summenzeile
    tabelle["zeichen"] = ""
    tabelle["kreis"] = tabelle["ags"].str[:5]
    for kreis, teil in tabelle[tabelle["ags"].str.len() >= 5].groupby("kreis"):
        if len(teil) <= 2:  # kreisfreie Stadt: eine Gemeinde gleich dem Kreis
            continue
        v = geheimhaltung.schuetze_anzahlen(
            teil, summenzeile=kreis, gruppe="Altersgruppe", mindestfallzahl=mindestfallzahl
        )
        gesperrt = teil.index[v.gesperrt["wert"].to_numpy()]
        tabelle.loc[gesperrt, "zeichen"] = "."
        tabelle.loc[gesperrt, "wert"] = float("nan")
    tabelle = tabelle.drop(columns="kreis").assign(zeit=f"01.03.{jahr}", einheit="Anzahl")
    titel = [
        "Kinder in Tageseinrichtungen und Kindertagespflege nach Altersgruppen",
        "- Stichtag -",
        "regionale Tiefe: Gemeinden (Musterland, synthetisch)",
    ]
    angaben = {
        "tabelle_code": "22543-01-02-5",
        "titel": titel,
        "zeit_in_kopf": True,
        "spaltenmerkmale": ["Altersgruppe"],
    }
    return _geordnet(tabelle, angaben)


EXPORTE = {
    "12411-02-03-4_musterland.csv": export_bevoelkerung,
    "22543-01-02-4_musterland.csv": export_kindertagesbetreuung,
    "21111-02-06-4_musterland.csv": export_abgaenger,
    "22543-01-02-5_musterland_gemeinden.csv": export_kita_gemeinden,
}
