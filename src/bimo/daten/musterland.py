"""Generator für „Musterland“, ein erfundenes Land mit dem Landesschlüssel 17.

Alle Zahlen sind synthetisch. Sie werden mit festem Startwert aus einem
einfachen Bevölkerungsmodell (Kohorten fortschreiben: Geburten, Sterbefälle,
Wanderungen) und daraus abgeleiteten Betreuungsquoten erzeugt. Wer
:func:`erzeuge_musterland` erneut aufruft, erhält Byte für Byte dieselben
Dateien.

Der echte Landesschlüssel reicht von 01 bis 16; der Schlüssel 17 kann mit
keinem echten Ort verwechselt werden.

Erweitern: eine neue Tabelle ist eine Funktion ``_tabelle_<name>(welt)``, die
einen DataFrame liefert, und ein Eintrag in :data:`TABELLEN` mit ihrer
Beschreibung (daraus entstehen ``datapackage.json`` und das Datenlexikon).
"""

from __future__ import annotations

import json
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from bimo.dateien import schreibe_atomar

STARTWERT = 17
LAND_AGS = "17"
LAND_NAME = "Musterland"
JAHRE_BEVOELKERUNG = range(2012, 2025)  # Stichtag 31.12.
JAHRE_KITA = range(2013, 2025)  # Stichtag 01.03.
HOECHSTALTER = 90  # Altersjahr 90 steht für „90 Jahre und älter“
LIZENZ = {
    "name": "CC-BY-4.0",
    "title": "Creative Commons Namensnennung 4.0 International",
    "path": "https://creativecommons.org/licenses/by/4.0/",
}
QUELLE = "Musterland (synthetische Daten), bimo-Projekt"


@dataclass(frozen=True)
class Kreis:
    """Ein Kreis oder eine kreisfreie Stadt von Musterland mit Modellannahmen."""

    ags: str
    name: str
    art: str  # "Kreisfreie Stadt" oder "Landkreis"
    einwohner_2012: int
    # Modellannahmen (nicht veröffentlicht): Betreuung unter 3 Jahren 2013 und 2024,
    # Anteil der Kindertagespflege daran, Betreuung 3 bis unter 6 Jahre.
    u3_start: float
    u3_ziel: float
    anteil_tagespflege: float
    quote_3_6: float

    @property
    def regierungsbezirk(self) -> str:
        return self.ags[:3]

    @property
    def ist_stadt(self) -> bool:
        return self.art == "Kreisfreie Stadt"


REGIERUNGSBEZIRKE = {"171": "Regierungsbezirk Nord", "172": "Regierungsbezirk Süd"}

KREISE: tuple[Kreis, ...] = (
    Kreis("17101", "Musterstadt", "Kreisfreie Stadt", 521_000, 0.31, 0.47, 0.10, 0.930),
    Kreis("17102", "Hafenstedt", "Kreisfreie Stadt", 164_000, 0.27, 0.41, 0.12, 0.945),
    Kreis("17151", "Landkreis Nordmark", "Landkreis", 212_000, 0.22, 0.34, 0.22, 0.925),
    Kreis("17152", "Landkreis Am Mustersee", "Landkreis", 146_000, 0.24, 0.37, 0.19, 0.940),
    Kreis("17153", "Landkreis Wiesengau", "Landkreis", 94_000, 0.19, 0.31, 0.25, 0.915),
    Kreis("17154", "Landkreis Fichtenmark", "Landkreis", 181_000, 0.21, 0.35, 0.21, 0.930),
    # Burgheim versorgt Kinder aus dem Umland mit: Quote 3 bis unter 6 über 100 %.
    Kreis("17201", "Burgheim", "Kreisfreie Stadt", 118_000, 0.29, 0.44, 0.11, 1.035),
    Kreis("17251", "Landkreis Oberfeld", "Landkreis", 238_000, 0.23, 0.36, 0.20, 0.935),
    Kreis("17252", "Landkreis Talgrund", "Landkreis", 131_000, 0.20, 0.33, 0.23, 0.910),
    Kreis("17253", "Landkreis Kornboden", "Landkreis", 86_000, 0.17, 0.29, 0.27, 0.905),
    Kreis("17254", "Landkreis Elmhöhe", "Landkreis", 162_000, 0.22, 0.35, 0.22, 0.925),
    Kreis("17255", "Landkreis Niederau", "Landkreis", 109_000, 0.20, 0.32, 0.24, 0.920),
)

ALTERSGRUPPEN_KITA = {
    "unter 3": (0, 3),
    "3 bis unter 6": (3, 6),
    "6 bis unter 14": (6, 14),
}
BETREUUNGSARTEN = ("Kindertageseinrichtung", "Kindertagespflege")


def _rng(*teile: object) -> np.random.Generator:
    """Ein Zufallsgenerator je Zweck, reproduzierbar über Prozesse hinweg (crc32, nicht hash)."""
    schluessel = "/".join(str(t) for t in teile).encode("utf-8")
    return np.random.default_rng([STARTWERT, zlib.crc32(schluessel)])


def _altersprofil(kreis: Kreis) -> np.ndarray:
    """Relativer Altersaufbau 2012 (0 … 89 und 90+), Stadt jünger, Land älter."""
    stuetz = {
        0: 0.85,
        5: 0.86,
        10: 0.92,
        18: 1.0,
        25: 1.15,
        35: 1.12,
        45: 1.45,
        52: 1.6,
        60: 1.3,
        70: 1.02,
        74: 1.12,
        80: 0.78,
        85: 0.45,
        89: 0.22,
    }
    alter = np.arange(HOECHSTALTER)
    profil = np.interp(alter, list(stuetz), list(stuetz.values()))
    if kreis.ist_stadt:
        profil[20:41] *= 1.3
        profil[60:] *= 0.85
    else:
        profil[20:36] *= 0.85
        profil[50:] *= 1.1
    profil = np.append(profil, 0.8)  # 90 und älter
    return profil / profil.sum()


def _anteil_frauen(alter: np.ndarray) -> np.ndarray:
    return np.where(alter < 60, 0.487, 0.487 + (alter - 60) * (0.65 - 0.487) / 30)


def _sterbewahrscheinlichkeit(alter: np.ndarray, weiblich: bool) -> np.ndarray:
    q = 0.00025 + np.exp(-10.4 + 0.094 * alter)
    q[0] = 0.0033
    if not weiblich:
        q = q * np.where(alter >= 20, 1.6, 1.15)
    return np.clip(q, 0, 0.35)


_GEBURTENZIFFER = {
    2012: 1.40,
    2013: 1.42,
    2014: 1.47,
    2015: 1.50,
    2016: 1.59,
    2017: 1.57,
    2018: 1.57,
    2019: 1.54,
    2020: 1.53,
    2021: 1.58,
    2022: 1.46,
    2023: 1.35,
    2024: 1.35,
}


def _fruchtbarkeit(jahr: int) -> np.ndarray:
    """Altersspezifische Geburtenziffern der Frauen (Summe = zusammengefasste Geburtenziffer)."""
    alter = np.arange(HOECHSTALTER + 1)
    dichte = np.exp(-0.5 * ((alter - 31.0) / 5.5) ** 2)
    dichte[(alter < 15) | (alter > 49)] = 0
    return dichte / dichte.sum() * _GEBURTENZIFFER[jahr]


def _wanderungsrate(kreis: Kreis, jahr: int) -> np.ndarray:
    """Netto-Wanderungsrate je Altersjahr: Bildungswanderung in die Städte,
    Familien ins Umland, Zuzug aus dem Ausland (Schutzsuchende 2015/16 und 2022)."""
    alter = np.arange(HOECHSTALTER + 1)
    rate = np.zeros(HOECHSTALTER + 1)
    if kreis.ist_stadt:
        rate[(alter >= 18) & (alter < 26)] = 0.035
        rate[(alter >= 30) & (alter < 42)] = -0.012
        rate[alter < 7] = -0.010
    else:
        rate[(alter >= 18) & (alter < 26)] = -0.012
        rate[(alter >= 26) & (alter < 42)] = 0.008
        rate[alter < 7] = 0.005
    zuzug = 0.004 + {2014: 0.004, 2015: 0.016, 2016: 0.006, 2022: 0.011}.get(jahr, 0.0)
    rate[alter < 45] += zuzug
    return rate


@dataclass
class Welt:
    """Zustand des Generators: alle Kreise, ihre Bevölkerung je Jahr, Alter und Geschlecht."""

    kreise: tuple[Kreis, ...] = KREISE
    # bevoelkerung[ags][jahr] = Array (2, 91): Zeile 0 männlich, Zeile 1 weiblich
    bevoelkerung: dict[str, dict[int, np.ndarray]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for kreis in self.kreise:
            self.bevoelkerung[kreis.ags] = _fortschreiben(kreis)

    def alter_summe(self, ags: str, jahr: int, von: int, bis: int) -> int:
        """Einwohner mit Alter von ``von`` bis unter ``bis`` am 31.12. des Jahres."""
        return int(self.bevoelkerung[ags][jahr][:, von:bis].sum())


def _fortschreiben(kreis: Kreis) -> dict[int, np.ndarray]:
    rng = _rng("bevoelkerung", kreis.ags)
    alter = np.arange(HOECHSTALTER + 1)
    gesamt = rng.multinomial(kreis.einwohner_2012, _altersprofil(kreis))
    weiblich = rng.binomial(gesamt, _anteil_frauen(alter))
    stand = np.vstack([gesamt - weiblich, weiblich])
    ergebnis = {JAHRE_BEVOELKERUNG[0]: stand}
    q = [
        _sterbewahrscheinlichkeit(alter, weiblich=False),
        _sterbewahrscheinlichkeit(alter, weiblich=True),
    ]
    geburtenfaktor = 0.92 + 0.16 * rng.random()
    for jahr in JAHRE_BEVOELKERUNG[1:]:
        neu = np.zeros_like(stand)
        geburten = rng.poisson(geburtenfaktor * (stand[1] * _fruchtbarkeit(jahr)).sum())
        jungen = rng.binomial(geburten, 0.513)
        for g in (0, 1):
            ueberlebt = rng.binomial(stand[g], 1 - q[g])
            neu[g, 1:] = ueberlebt[:-1]
            neu[g, HOECHSTALTER] += ueberlebt[HOECHSTALTER]
        neu[0, 0], neu[1, 0] = jungen, geburten - jungen
        erwartet = neu * _wanderungsrate(kreis, jahr)
        wanderung = np.rint(erwartet + rng.normal(0, 1, neu.shape) * np.sqrt(np.abs(erwartet) + 1))
        neu = np.maximum(neu + wanderung.astype(np.int64), 0)
        ergebnis[jahr] = neu
        stand = neu
    return ergebnis


def _verlauf(start: float, ziel: float, jahr: int) -> float:
    """Ausbaupfad von 2013 bis 2024: rasch nach dem Rechtsanspruch (08/2013), dann flacher."""
    t = (jahr - 2013) / (2024 - 2013)
    return start + (ziel - start) * (1 - (1 - t) ** 1.6)


def _tabelle_gebiete(welt: Welt) -> pd.DataFrame:
    zeilen = [
        {"ags": LAND_AGS, "name": LAND_NAME, "ebene": "Land", "art": "Land", "uebergeordnet": ""}
    ]
    for rb, name in REGIERUNGSBEZIRKE.items():
        zeilen.append(
            {
                "ags": rb,
                "name": name,
                "ebene": "Regierungsbezirk",
                "art": "Regierungsbezirk",
                "uebergeordnet": LAND_AGS,
            }
        )
    for kreis in welt.kreise:
        zeilen.append(
            {
                "ags": kreis.ags,
                "name": kreis.name,
                "ebene": "Kreis",
                "art": kreis.art,
                "uebergeordnet": kreis.regierungsbezirk,
            }
        )
    return pd.DataFrame(zeilen)


def _tabelle_bevoelkerung(welt: Welt) -> pd.DataFrame:
    teile = []
    for kreis in welt.kreise:
        for jahr, stand in welt.bevoelkerung[kreis.ags].items():
            for g, geschlecht in enumerate(("maennlich", "weiblich")):
                teile.append(
                    pd.DataFrame(
                        {
                            "ags": kreis.ags,
                            "jahr": jahr,
                            "geschlecht": geschlecht,
                            "alter": np.arange(HOECHSTALTER + 1),
                            "wert": stand[g],
                        }
                    )
                )
    return pd.concat(teile, ignore_index=True)


def _tabelle_kindertagesbetreuung(welt: Welt) -> pd.DataFrame:
    zeilen = []
    for kreis in welt.kreise:
        rng = _rng("kita", kreis.ags)
        for jahr in JAHRE_KITA:
            for gruppe, (von, bis) in ALTERSGRUPPEN_KITA.items():
                kinder = welt.alter_summe(kreis.ags, jahr - 1, von, bis)
                if gruppe == "unter 3":
                    quote = _verlauf(kreis.u3_start, kreis.u3_ziel, jahr)
                    anteil_tp = kreis.anteil_tagespflege
                elif gruppe == "3 bis unter 6":
                    quote = kreis.quote_3_6 + 0.002 * (jahr - 2013)
                    anteil_tp = 0.012
                else:
                    quote = (0.16 if kreis.ist_stadt else 0.09) - 0.003 * (jahr - 2013)
                    anteil_tp = 0.0
                # Poisson statt Binomial: Kinder aus dem Umland zählen mit (Quote > 100 % möglich).
                einrichtung = int(rng.poisson(kinder * quote * (1 - anteil_tp)))
                pflege = int(rng.poisson(kinder * quote * anteil_tp))
                for art, wert in zip(BETREUUNGSARTEN, (einrichtung, pflege), strict=True):
                    zeilen.append(
                        {
                            "ags": kreis.ags,
                            "jahr": jahr,
                            "altersgruppe": gruppe,
                            "betreuungsart": art,
                            "wert": wert,
                        }
                    )
    return pd.DataFrame(zeilen)


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
    erzeuge: Callable[[Welt], pd.DataFrame]

    @property
    def datei(self) -> str:
        return f"{self.name}.csv"


_AGS = Feld(
    "ags", "string", "Amtlicher Gemeindeschlüssel des Gebiets (als Text, mit führender Null)"
)

TABELLEN: dict[str, Tabelle] = {
    t.name: t
    for t in (
        Tabelle(
            "gebiete",
            "Gebiete von Musterland",
            "Land, Regierungsbezirke, Kreise und kreisfreie Städte mit Schlüssel und Name.",
            "Gebietsstand 31.12.2024",
            (
                _AGS,
                Feld("name", "string", "Name des Gebiets"),
                Feld(
                    "ebene",
                    "string",
                    "Verwaltungsebene",
                    werte=("Land", "Regierungsbezirk", "Kreis"),
                ),
                Feld(
                    "art",
                    "string",
                    "Art des Gebiets",
                    werte=("Land", "Regierungsbezirk", "Kreisfreie Stadt", "Landkreis"),
                ),
                Feld(
                    "uebergeordnet",
                    "string",
                    "Schlüssel des übergeordneten Gebiets (leer beim Land)",
                ),
            ),
            ("ags",),
            _tabelle_gebiete,
        ),
        Tabelle(
            "bevoelkerung",
            "Bevölkerung nach Alter und Geschlecht",
            "Bevölkerungsstand am 31.12. nach Kreis, einzelnen Altersjahren und Geschlecht "
            "(nachgebildet: Tabelle 12411 der Regionaldatenbank).",
            "31.12. des Jahres",
            (
                _AGS,
                Feld("jahr", "integer", "Berichtsjahr (Stichtag 31.12.)"),
                Feld("geschlecht", "string", "Geschlecht", werte=("maennlich", "weiblich")),
                Feld(
                    "alter",
                    "integer",
                    "Alter in vollendeten Jahren; 90 steht für 90 Jahre und älter",
                    einheit="Jahre",
                ),
                Feld(
                    "wert", "integer", "Anzahl der Einwohnerinnen und Einwohner", einheit="Personen"
                ),
            ),
            ("ags", "jahr", "geschlecht", "alter"),
            _tabelle_bevoelkerung,
        ),
        Tabelle(
            "kindertagesbetreuung",
            "Kinder in Kindertagesbetreuung",
            "Kinder in Kindertageseinrichtungen und in öffentlich geförderter Kindertagespflege "
            "am 01.03. nach Kreis, Altersgruppe und Betreuungsart; Kinder werden am Ort der "
            "Betreuung gezählt (nachgebildet: Tabellen 22541/22543 der Regionaldatenbank). "
            "Jedes Kind steht in genau einer Betreuungsart (keine Doppelzählungen).",
            "01.03. des Jahres",
            (
                _AGS,
                Feld("jahr", "integer", "Berichtsjahr (Stichtag 01.03.)"),
                Feld("altersgruppe", "string", "Alter des Kindes", werte=tuple(ALTERSGRUPPEN_KITA)),
                Feld("betreuungsart", "string", "Art der Betreuung", werte=BETREUUNGSARTEN),
                Feld("wert", "integer", "Anzahl der betreuten Kinder", einheit="Kinder"),
            ),
            ("ags", "jahr", "altersgruppe", "betreuungsart"),
            _tabelle_kindertagesbetreuung,
        ),
    )
}


def _deskriptor(tabellen: dict[str, Tabelle]) -> dict:
    ressourcen = []
    for t in tabellen.values():
        felder = []
        for f in t.felder:
            eintrag = {"name": f.name, "type": f.typ, "description": f.beschreibung}
            if f.einheit:
                eintrag["unit"] = f.einheit
            if f.werte:
                eintrag["constraints"] = {"enum": list(f.werte)}
            felder.append(eintrag)
        ressourcen.append(
            {
                "name": t.name,
                "path": t.datei,
                "title": t.titel,
                "description": t.beschreibung,
                "stichtag": t.stichtag,
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "schema": {"fields": felder, "primaryKey": list(t.primaerschluessel)},
            }
        )
    return {
        "name": "musterland",
        "title": "Musterland – synthetische Beispieldaten für das kommunale Bildungsmonitoring",
        "description": (
            "Erfundenes Land mit dem Landesschlüssel 17 (echte Länder: 01–16). Alle Werte "
            "sind synthetisch und mit festem Startwert erzeugt (bimo.daten.erzeuge_musterland); "
            "sie ähneln echten Größenordnungen, beschreiben aber keinen realen Ort."
        ),
        "version": "1.0.0",
        "licenses": [LIZENZ],
        "sources": [{"title": QUELLE}],
        "resources": ressourcen,
    }


def erzeuge_musterland(ziel: Path | str) -> list[Path]:
    """Schreibt alle Musterland-Tabellen und ``datapackage.json`` nach ``ziel``.

    Dateien werden erst vollständig in eine temporäre Datei geschrieben und dann
    umbenannt; ein Abbruch hinterlässt keine halbe Datei.
    """
    ziel = Path(ziel)
    ziel.mkdir(parents=True, exist_ok=True)
    welt = Welt()
    geschrieben = []
    for tabelle in TABELLEN.values():
        df = tabelle.erzeuge(welt).sort_values(list(tabelle.primaerschluessel), kind="stable")
        text = df.to_csv(index=False, lineterminator="\n")
        geschrieben.append(schreibe_atomar(ziel / tabelle.datei, text))
    deskriptor = json.dumps(_deskriptor(TABELLEN), ensure_ascii=False, indent=2) + "\n"
    geschrieben.append(schreibe_atomar(ziel / "datapackage.json", deskriptor))
    return geschrieben
