"""Katalog der Musterland-Tabellen: Felder, Beschreibungen, Erzeugung.

Aus diesem einen Katalog entstehen die CSV-Dateien, ``datapackage.json``
(Frictionless Data Package) und das Datenlexikon des Buchs.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property

import pandas as pd

from bimo.daten.musterland import kleinraeumig as klein
from bimo.daten.musterland import tabellen as t
from bimo.daten.musterland.welt import (
    AUFGELOESTE_KREISE,
    BETREUUNGSARTEN,
    GESCHLECHTER,
    KREISE,
    LAND_AGS,
    LAND_NAME,
    REFORMJAHR,
    REGIERUNGSBEZIRKE,
    STAATSANGEHOERIGKEITEN,
    Welt,
)

LIZENZ = {
    "name": "CC-BY-4.0",
    "title": "Creative Commons Namensnennung 4.0 International",
    "path": "https://creativecommons.org/licenses/by/4.0/",
}
QUELLE = "Musterland (synthetische Daten), bimo-Projekt"


class Erzeugung:
    """Hält das Modell und die Tabellen je Simulationseinheit, damit nichts doppelt entsteht."""

    def __init__(self) -> None:
        self.welt = Welt()

    @cached_property
    def kita_einheiten(self) -> pd.DataFrame:
        return t.tabelle_kindertagesbetreuung(self.welt)

    def heute(self, tabelle: pd.DataFrame, schluessel: list[str]) -> pd.DataFrame:
        return t.heutiger_gebietsstand(tabelle, schluessel)


@dataclass(frozen=True)
class Feld:
    name: str
    typ: str  # Frictionless-Typ: string, integer, number
    beschreibung: str
    einheit: str = ""
    werte: tuple[str, ...] = ()


@dataclass(frozen=True)
class Tabelle:
    name: str
    titel: str
    beschreibung: str
    stichtag: str
    felder: tuple[Feld, ...]
    primaerschluessel: tuple[str, ...]
    erzeuge: Callable[[Erzeugung], pd.DataFrame]

    @property
    def datei(self) -> str:
        return f"{self.name}.csv"


def _gebiete(e: Erzeugung) -> pd.DataFrame:
    zeilen = [
        {"ags": LAND_AGS, "name": LAND_NAME, "ebene": "Land", "art": "Land", "uebergeordnet": ""}
    ]
    zeilen += [
        {
            "ags": rb,
            "name": name,
            "ebene": "Regierungsbezirk",
            "art": "Regierungsbezirk",
            "uebergeordnet": LAND_AGS,
        }
        for rb, name in REGIERUNGSBEZIRKE.items()
    ]
    zeilen += [
        {
            "ags": k.ags,
            "name": k.name,
            "ebene": "Kreis",
            "art": k.art,
            "uebergeordnet": k.regierungsbezirk,
        }
        for k in KREISE
    ]
    zeilen += [
        {
            "ags": g.ags,
            "name": g.name,
            "ebene": "Gemeinde",
            "art": "Kreisfreie Stadt" if g.ags.endswith("000") else "Gemeinde",
            "uebergeordnet": g.ags[:5],
        }
        for g in klein.gemeinden()
    ]
    return pd.DataFrame(zeilen)


def _gebietsreform(e: Erzeugung) -> pd.DataFrame:
    zeilen = []
    for kreis in KREISE:
        for v in kreis.vorgaenger:
            alt = next(k for k in AUFGELOESTE_KREISE if k.ags == v)
            zeilen.append(
                {
                    "ags_alt": alt.ags,
                    "name_alt": alt.name,
                    "ags_neu": kreis.ags,
                    "name_neu": kreis.name,
                    "anteil": 1.0,
                    "wirksam_ab": f"{REFORMJAHR}-01-01",
                }
            )
    for g in klein.gemeinden():
        if g.ags_alt != g.ags:
            zeilen.append(
                {
                    "ags_alt": g.ags_alt,
                    "name_alt": g.name,
                    "ags_neu": g.ags,
                    "name_neu": g.name,
                    "anteil": 1.0,
                    "wirksam_ab": f"{REFORMJAHR}-01-01",
                }
            )
    return pd.DataFrame(zeilen)


def _heute(funktion, schluessel):  # noqa: ANN001, ANN202
    return lambda e: e.heute(funktion(e.welt), schluessel)


_AGS = Feld("ags", "string", "Amtlicher Gemeindeschlüssel (Text; Kreis 5-, Gemeinde 8-stellig)")
_JAHR = Feld("jahr", "integer", "Berichtsjahr")
_GESCHLECHT = Feld("geschlecht", "string", "Geschlecht", werte=GESCHLECHTER)
_STAAT = Feld("staatsangehoerigkeit", "string", "Staatsangehörigkeit", werte=STAATSANGEHOERIGKEITEN)


def _wert(beschreibung: str, einheit: str) -> Feld:
    return Feld("wert", "integer", beschreibung, einheit=einheit)


_KATALOG: tuple[Tabelle, ...] = (
    Tabelle(
        "gebiete",
        "Gebiete von Musterland",
        "Land, Regierungsbezirke, Kreise und kreisfreie Städte sowie Gemeinden.",
        "Gebietsstand 31.12.2024",
        (
            _AGS,
            Feld("name", "string", "Name des Gebiets"),
            Feld(
                "ebene",
                "string",
                "Verwaltungsebene",
                werte=("Land", "Regierungsbezirk", "Kreis", "Gemeinde"),
            ),
            Feld(
                "art",
                "string",
                "Art des Gebiets",
                werte=("Land", "Regierungsbezirk", "Kreisfreie Stadt", "Landkreis", "Gemeinde"),
            ),
            Feld("uebergeordnet", "string", "Schlüssel des übergeordneten Gebiets"),
        ),
        ("ags",),
        _gebiete,
    ),
    Tabelle(
        "gebietsreform",
        "Umstiegsschlüssel der Gebietsreform 2019",
        f"Zum 01.01.{REFORMJAHR} wurden die Landkreise Fichtenau (17154) und Moorland "
        "(17156) zum Landkreis Fichtenau-Moorland (17159) zusammengelegt; ihre Gemeinden "
        "erhielten neue Schlüssel. Der Anteil gibt an, welcher Teil eines alten Gebiets im "
        "neuen aufgeht.",
        f"01.01.{REFORMJAHR}",
        (
            Feld("ags_alt", "string", "Schlüssel vor der Reform"),
            Feld("name_alt", "string", "Name vor der Reform"),
            Feld("ags_neu", "string", "Schlüssel nach der Reform"),
            Feld("name_neu", "string", "Name nach der Reform"),
            Feld("anteil", "number", "Anteil des alten Gebiets, der ins neue übergeht"),
            Feld("wirksam_ab", "string", "Datum der Reform (JJJJ-MM-TT)"),
        ),
        ("ags_alt", "ags_neu"),
        _gebietsreform,
    ),
    Tabelle(
        "bevoelkerung",
        "Bevölkerung nach Alter, Geschlecht und Staatsangehörigkeit",
        "Bevölkerungsstand am 31.12. nach Kreis und einzelnen Altersjahren "
        "(nachgebildet: Tabelle 12411 der Regionaldatenbank).",
        "31.12.",
        (
            _AGS,
            _JAHR,
            _GESCHLECHT,
            _STAAT,
            Feld(
                "alter",
                "integer",
                "Alter in vollendeten Jahren; 90 = 90 und älter",
                einheit="Jahre",
            ),
            _wert("Einwohnerinnen und Einwohner", "Personen"),
        ),
        ("ags", "jahr", "geschlecht", "staatsangehoerigkeit", "alter"),
        _heute(
            t.tabelle_bevoelkerung, ["ags", "jahr", "geschlecht", "staatsangehoerigkeit", "alter"]
        ),
    ),
    Tabelle(
        "kindertagesbetreuung",
        "Kinder in Kindertagesbetreuung",
        "Kinder in Kindertageseinrichtungen und öffentlich geförderter Kindertagespflege "
        "am 01.03. nach Altersgruppe und Betreuungsart, gezählt am Ort der Betreuung "
        "(nachgebildet: 22543). Jedes Kind steht in genau einer Betreuungsart.",
        "01.03.",
        (
            _AGS,
            _JAHR,
            Feld(
                "altersgruppe",
                "string",
                "Alter des Kindes",
                werte=("unter 3", "3 bis unter 6", "6 bis unter 14"),
            ),
            Feld("betreuungsart", "string", "Art der Betreuung", werte=BETREUUNGSARTEN),
            _wert("Betreute Kinder", "Kinder"),
        ),
        ("ags", "jahr", "altersgruppe", "betreuungsart"),
        lambda e: e.heute(e.kita_einheiten, ["ags", "jahr", "altersgruppe", "betreuungsart"]),
    ),
    Tabelle(
        "kita_einrichtungen",
        "Kindertageseinrichtungen",
        "Zahl der Kindertageseinrichtungen am 01.03. (nachgebildet: 22541).",
        "01.03.",
        (_AGS, _JAHR, _wert("Einrichtungen", "Einrichtungen")),
        ("ags", "jahr"),
        _heute(t.tabelle_kita_einrichtungen, ["ags", "jahr"]),
    ),
    Tabelle(
        "schueler",
        "Schülerinnen und Schüler allgemeinbildender Schulen",
        "Schülerinnen und Schüler nach Schulart und Klassenstufe, Schuljahr mit Beginn im "
        "Herbst des Jahres (2024 = 2024/25), am Ort der Schule (nachgebildet: 21111).",
        "Schuljahresbeginn",
        (
            _AGS,
            Feld("jahr", "integer", "Schuljahr (Beginn), 2024 = 2024/25"),
            Feld("schulart", "string", "Schulart", werte=t.SCHULARTEN),
            Feld("klassenstufe", "integer", "Klassenstufe 1–13"),
            _wert("Schülerinnen und Schüler", "Personen"),
        ),
        ("ags", "jahr", "schulart", "klassenstufe"),
        _heute(t.tabelle_schueler, ["ags", "jahr", "schulart", "klassenstufe"]),
    ),
    Tabelle(
        "uebergaenge",
        "Übergänge nach Klasse 4",
        "Schülerinnen und Schüler, die nach der Grundschule im Schuljahr des Jahres in "
        "Klasse 5 einer weiterführenden Schulart wechseln (ohne Förderschulen). Die Schularten "
        "sind die von Musterland – Vergleiche mit anderen Ländern brauchen Vorsicht.",
        "Schuljahresbeginn",
        (
            _AGS,
            _JAHR,
            Feld("schulart", "string", "Schulart in Klasse 5", werte=t.SCHULARTEN_NACH_KLASSE_4),
            _wert("Übergänge", "Personen"),
        ),
        ("ags", "jahr", "schulart"),
        _heute(t.tabelle_uebergaenge, ["ags", "jahr", "schulart"]),
    ),
    Tabelle(
        "abgaenger",
        "Absolventen und Abgänger allgemeinbildender Schulen",
        "Nach Abschluss, Geschlecht und Staatsangehörigkeit, Schuljahresende im Sommer des "
        "Jahres, am Ort der Schule (nachgebildet: 21111-02-06).",
        "Schuljahresende",
        (
            _AGS,
            _JAHR,
            Feld("abschluss", "string", "Höchster Abschluss", werte=t.ABSCHLUESSE),
            _GESCHLECHT,
            _STAAT,
            _wert("Absolventen und Abgänger", "Personen"),
        ),
        ("ags", "jahr", "abschluss", "geschlecht", "staatsangehoerigkeit"),
        _heute(
            t.tabelle_abgaenger, ["ags", "jahr", "abschluss", "geschlecht", "staatsangehoerigkeit"]
        ),
    ),
    Tabelle(
        "ausbildungsanfaenger",
        "Anfänger nach Sektoren der iABE",
        "Anfängerinnen und Anfänger in den Sektoren der integrierten "
        "Ausbildungsberichterstattung: Berufsausbildung, Übergangsbereich, Erwerb der "
        "Hochschulzugangsberechtigung (berufliche Schulen) und Studium (am Hochschulort).",
        "Schuljahr bzw. Studienjahr",
        (
            _AGS,
            _JAHR,
            Feld("sektor", "string", "Sektor", werte=t.IABE_SEKTOREN),
            _GESCHLECHT,
            _wert("Anfängerinnen und Anfänger", "Personen"),
        ),
        ("ags", "jahr", "sektor", "geschlecht"),
        _heute(t.tabelle_ausbildungsanfaenger, ["ags", "jahr", "sektor", "geschlecht"]),
    ),
    Tabelle(
        "weiterbildung",
        "Volkshochschulen",
        "Kurse, Unterrichtsstunden und Belegungen der Volkshochschulen je Kreis "
        "(nachgebildet: VHS-Statistik). 2020–2022 mit Einbruch durch die Pandemie.",
        "Kalenderjahr",
        (
            _AGS,
            _JAHR,
            Feld("merkmal", "string", "Merkmal", werte=t.VHS_MERKMALE),
            Feld("wert", "integer", "Anzahl (Kurse, Stunden oder Belegungen)"),
        ),
        ("ags", "jahr", "merkmal"),
        _heute(t.tabelle_weiterbildung, ["ags", "jahr", "merkmal"]),
    ),
    Tabelle(
        "sgb2",
        "Kinder unter 15 Jahren in der Grundsicherung (SGB II)",
        "Nicht erwerbsfähige Leistungsberechtigte nach dem SGB II unter 15 Jahren im "
        "Dezember (nachgebildet: Statistik der Bundesagentur für Arbeit).",
        "Dezember",
        (_AGS, _JAHR, _wert("Leistungsberechtigte unter 15 Jahren", "Personen")),
        ("ags", "jahr"),
        _heute(t.tabelle_sgb2, ["ags", "jahr"]),
    ),
    Tabelle(
        "bevoelkerung_gemeinden",
        "Bevölkerung der Gemeinden nach Altersgruppen",
        "Bevölkerung am 31.12. je Gemeinde (8-stelliger Schlüssel) und Altersgruppe; die "
        "Gemeinden eines Kreises ergeben genau den Kreis. Kleine Gemeinden haben kleine "
        "Zahlen – vor einer Veröffentlichung geheim halten.",
        "31.12.",
        (
            _AGS,
            _JAHR,
            Feld(
                "altersgruppe", "string", "Altersgruppe", werte=tuple(klein.ALTERSGRUPPEN_GEMEINDEN)
            ),
            _wert("Einwohnerinnen und Einwohner", "Personen"),
        ),
        ("ags", "jahr", "altersgruppe"),
        lambda e: klein.tabelle_bevoelkerung_gemeinden(e.welt),
    ),
    Tabelle(
        "kindertagesbetreuung_gemeinden",
        "Betreute Kinder nach Gemeinden",
        "Kinder in Kindertageseinrichtungen und Kindertagespflege am 01.03. je Gemeinde des "
        "Ortes der Betreuung.",
        "01.03.",
        (
            _AGS,
            _JAHR,
            Feld("altersgruppe", "string", "Alter des Kindes", werte=("unter 3", "3 bis unter 6")),
            _wert("Betreute Kinder", "Kinder"),
        ),
        ("ags", "jahr", "altersgruppe"),
        lambda e: klein.tabelle_kindertagesbetreuung_gemeinden(e.welt, e.kita_einheiten),
    ),
    Tabelle(
        "sozialraeume",
        "Sozialräume von Musterstadt",
        "Die 32 Sozialräume der kreisfreien Stadt Musterstadt (17101000); Flächen in "
        "musterstadt_sozialraeume.geojson.",
        "31.12.2024",
        (
            Feld("sozialraum", "string", "Kennung des Sozialraums (SR01 …)"),
            Feld("name", "string", "Name des Sozialraums"),
            Feld("ags", "string", "Gemeindeschlüssel der Stadt"),
        ),
        ("sozialraum",),
        lambda e: klein.tabelle_sozialraeume(),
    ),
    Tabelle(
        "sozialraum_daten",
        "Kennzahlen der Sozialräume von Musterstadt",
        "Zählwerte je Sozialraum und Jahr aus der kommunalen Statistik (Einwohnermelderegister, "
        "Jobcenter, Schuleingangsuntersuchung, Schulstatistik); Quoten berechnet bimo. "
        "Zwei fast unbewohnte Sozialräume liefern sehr kleine Zahlen.",
        "31.12.",
        (
            Feld("sozialraum", "string", "Kennung des Sozialraums"),
            _JAHR,
            Feld("merkmal", "string", "Merkmal", werte=klein.SOZIALRAUM_MERKMALE),
            Feld("wert", "integer", "Anzahl", einheit="Personen bzw. Haushalte"),
        ),
        ("sozialraum", "jahr", "merkmal"),
        lambda e: klein.tabelle_sozialraum_daten(e.welt),
    ),
    Tabelle(
        "schuelerdaten",
        "Einzeldaten von Grundschulkindern (synthetisch)",
        "5.000 erfundene Datensätze von Grundschulkindern in Musterstadt, Schuljahr 2024/25, "
        "für das Kapitel Datenschutz (k-Anonymität, l-Diversität). Kein Datensatz beschreibt "
        "ein echtes Kind.",
        "Schuljahr 2024/25",
        (
            Feld("schueler_id", "string", "Laufende Nummer"),
            Feld("schule", "string", "Grundschule"),
            Feld("sozialraum", "string", "Sozialraum des Wohnorts"),
            Feld("klassenstufe", "integer", "Klassenstufe 1–4"),
            _GESCHLECHT,
            Feld("geburtsjahr", "integer", "Geburtsjahr"),
            _STAAT,
            Feld(
                "familiensprache", "string", "Familiensprache", werte=("deutsch", "nicht deutsch")
            ),
            Feld("sgb2_bezug", "string", "Familie bezieht SGB II", werte=("ja", "nein")),
            Feld(
                "alleinerziehend", "string", "Kind lebt bei einem Elternteil", werte=("ja", "nein")
            ),
            Feld(
                "foerderschwerpunkt",
                "string",
                "Sonderpädagogischer Förderschwerpunkt",
                werte=klein.FOERDERSCHWERPUNKTE,
            ),
            Feld("note_deutsch", "integer", "Zeugnisnote Deutsch (ab Klasse 3; leer davor)"),
        ),
        ("schueler_id",),
        lambda e: klein.tabelle_schuelerdaten(),
    ),
)

TABELLEN: dict[str, Tabelle] = {tabelle.name: tabelle for tabelle in _KATALOG}

GEOMETRIEN = {
    "musterland_kreise": "Kreise und kreisfreie Städte (Gebietsstand 31.12.2024)",
    "musterland_gemeinden": "Gemeinden (Gebietsstand 31.12.2024)",
    "musterstadt_sozialraeume": "Sozialräume von Musterstadt",
}


def deskriptor(tabellen: dict[str, Tabelle], *, name: str, titel: str, beschreibung: str) -> dict:
    """Frictionless Data Package für die Tabellen (und die Geometrien)."""
    ressourcen = []
    for tab in tabellen.values():
        felder = []
        for f in tab.felder:
            eintrag = {"name": f.name, "type": f.typ, "description": f.beschreibung}
            if f.einheit:
                eintrag["unit"] = f.einheit
            if f.werte:
                eintrag["constraints"] = {"enum": list(f.werte)}
            felder.append(eintrag)
        ressourcen.append(
            {
                "name": tab.name,
                "path": tab.datei,
                "title": tab.titel,
                "description": tab.beschreibung,
                "stichtag": tab.stichtag,
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "schema": {"fields": felder, "primaryKey": list(tab.primaerschluessel)},
            }
        )
    return {
        "name": name,
        "title": titel,
        "description": beschreibung,
        "version": "2.0.0",
        "licenses": [LIZENZ],
        "sources": [{"title": QUELLE}],
        "resources": ressourcen,
    }
