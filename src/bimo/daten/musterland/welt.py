"""Das Modell hinter Musterland: Gebiete, Annahmen je Kreis und die Bevölkerung.

Die Bevölkerung wird je Simulationseinheit (Kreis, auch die beiden vor der
Gebietsreform 2019 selbstständigen Kreise) nach Alter, Geschlecht und
Staatsangehörigkeit fortgeschrieben: Geburten, Sterbefälle, Wanderungen.
Alle Zufallszahlen kommen aus :func:`rng` mit festem Startwert, damit jede
Erzeugung Byte für Byte gleich ist (``zlib.crc32``, nie ``hash()``).
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass, field
from functools import cached_property

import numpy as np

STARTWERT = 17
LAND_AGS = "17"
LAND_NAME = "Musterland"
JAHRE_BEVOELKERUNG = range(2012, 2025)  # Stichtag 31.12.
VORLAUF_AB = 2002  # das Modell läuft ab hier, damit die Jahrgänge 2012 zu den Geburten passen
JAHRE_KITA = range(2013, 2025)  # Stichtag 01.03.
HOECHSTALTER = 90  # Altersjahr 90 steht für „90 Jahre und älter“
REFORMJAHR = 2019  # Gebietsreform zum 01.01.2019

REGIERUNGSBEZIRKE = {"171": "Regierungsbezirk Nord", "172": "Regierungsbezirk Süd"}


def rng(*teile: object) -> np.random.Generator:
    """Ein Zufallsgenerator je Zweck, reproduzierbar über Prozesse hinweg (crc32, nicht hash)."""
    schluessel = "/".join(str(t) for t in teile).encode("utf-8")
    return np.random.default_rng([STARTWERT, zlib.crc32(schluessel)])


@dataclass(frozen=True)
class Kreis:
    """Ein Kreis oder eine kreisfreie Stadt von Musterland mit Modellannahmen.

    ``belastung`` ist die soziale Lage als z-Wert (positiv = belasteter): Sie
    bestimmt SGB-II-Quoten, Schulabschlüsse und Übergänge mit.
    """

    ags: str
    name: str
    art: str  # "Kreisfreie Stadt" oder "Landkreis"
    einwohner_2002: int  # Startwert des Modells (vor dem Vorlauf bis 2012)
    u3_start: float
    u3_ziel: float
    anteil_tagespflege: float
    quote_3_6: float
    belastung: float
    anteil_nichtdeutsch_2012: float
    gemeinden: int = 1
    # Gebietsreform: Vorgänger (Simulationseinheiten) eines neu gebildeten Kreises
    vorgaenger: tuple[str, ...] = ()
    aufgeloest: bool = False  # nur bis zur Reform selbstständig

    @property
    def regierungsbezirk(self) -> str:
        return self.ags[:3]

    @property
    def ist_stadt(self) -> bool:
        return self.art == "Kreisfreie Stadt"


# Heutige Kreise (Gebietsstand 31.12.2024). 17159 entstand am 01.01.2019 aus 17154 und 17156.
KREISE: tuple[Kreis, ...] = (
    Kreis("17101", "Musterstadt", "Kreisfreie Stadt", 521_000, 0.31, 0.47, 0.10, 0.930, 0.6, 0.17),
    Kreis("17102", "Hafenstedt", "Kreisfreie Stadt", 164_000, 0.27, 0.41, 0.12, 0.945, 1.2, 0.13),
    Kreis(
        "17151",
        "Landkreis Nordmark",
        "Landkreis",
        212_000,
        0.22,
        0.34,
        0.22,
        0.925,
        -0.4,
        0.06,
        gemeinden=13,
    ),
    Kreis(
        "17152",
        "Landkreis Am Mustersee",
        "Landkreis",
        146_000,
        0.24,
        0.37,
        0.19,
        0.940,
        -1.1,
        0.05,
        gemeinden=11,
    ),
    Kreis(
        "17153",
        "Landkreis Wiesengau",
        "Landkreis",
        94_000,
        0.19,
        0.31,
        0.25,
        0.915,
        0.3,
        0.04,
        gemeinden=9,
    ),
    Kreis(
        "17159",
        "Landkreis Fichtenau-Moorland",
        "Landkreis",
        181_000,
        0.21,
        0.35,
        0.21,
        0.930,
        0.5,
        0.05,
        vorgaenger=("17154", "17156"),
    ),
    # Burgheim versorgt Kinder aus dem Umland mit: Quote 3 bis unter 6 über 100 %.
    Kreis("17201", "Burgheim", "Kreisfreie Stadt", 118_000, 0.29, 0.44, 0.11, 1.035, 0.1, 0.12),
    Kreis(
        "17251",
        "Landkreis Oberfeld",
        "Landkreis",
        238_000,
        0.23,
        0.36,
        0.20,
        0.935,
        -0.8,
        0.07,
        gemeinden=14,
    ),
    Kreis(
        "17252",
        "Landkreis Talgrund",
        "Landkreis",
        131_000,
        0.20,
        0.33,
        0.23,
        0.910,
        0.2,
        0.05,
        gemeinden=10,
    ),
    Kreis(
        "17253",
        "Landkreis Kornboden",
        "Landkreis",
        86_000,
        0.17,
        0.29,
        0.27,
        0.905,
        0.9,
        0.03,
        gemeinden=12,
    ),
    Kreis(
        "17254",
        "Landkreis Elmhöhe",
        "Landkreis",
        162_000,
        0.22,
        0.35,
        0.22,
        0.925,
        -0.6,
        0.06,
        gemeinden=12,
    ),
    Kreis(
        "17255",
        "Landkreis Niederau",
        "Landkreis",
        109_000,
        0.20,
        0.32,
        0.24,
        0.920,
        0.4,
        0.04,
        gemeinden=11,
    ),
)

# Die beiden Kreise, die 2019 zu 17159 zusammengelegt wurden (je eigene Simulation).
AUFGELOESTE_KREISE: tuple[Kreis, ...] = (
    Kreis(
        "17154",
        "Landkreis Fichtenau",
        "Landkreis",
        103_000,
        0.22,
        0.36,
        0.20,
        0.935,
        0.3,
        0.05,
        gemeinden=8,
        aufgeloest=True,
    ),
    Kreis(
        "17156",
        "Landkreis Moorland",
        "Landkreis",
        78_000,
        0.19,
        0.33,
        0.23,
        0.920,
        0.8,
        0.04,
        gemeinden=7,
        aufgeloest=True,
    ),
)

ALTERSGRUPPEN_KITA = {
    "unter 3": (0, 3),
    "3 bis unter 6": (3, 6),
    "6 bis unter 14": (6, 14),
}
BETREUUNGSARTEN = ("Kindertageseinrichtung", "Kindertagespflege")
GESCHLECHTER = ("maennlich", "weiblich")
STAATSANGEHOERIGKEITEN = ("deutsch", "nichtdeutsch")


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
    return dichte / dichte.sum() * _GEBURTENZIFFER.get(jahr, 1.37)


_ZUZUG_AUSLAND = {2014: 0.004, 2015: 0.016, 2016: 0.006, 2022: 0.011}


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
    rate[alter < 45] += 0.004 + _ZUZUG_AUSLAND.get(jahr, 0.0) - (0.003 if jahr < 2012 else 0.0)
    return rate


def _anteil_nichtdeutsch(kreis: Kreis, jahr: int, alter: np.ndarray) -> np.ndarray:
    """Anteil nichtdeutscher Staatsangehörigkeit: jünger höher, steigt mit dem Zuzug."""
    zuwachs = sum(v for j, v in _ZUZUG_AUSLAND.items() if j <= jahr) + 0.002 * (jahr - 2012)
    basis = kreis.anteil_nichtdeutsch_2012 + zuwachs * (2.5 if kreis.ist_stadt else 1.2)
    profil = np.interp(alter, [0, 20, 35, 60, 90], [1.1, 1.3, 1.5, 0.7, 0.3])
    return np.clip(basis * profil, 0, 0.6)


def _fortschreiben(kreis: Kreis) -> dict[int, np.ndarray]:
    """Bevölkerung je Jahr als Array (Geschlecht, Alter).

    Das Modell beginnt 2002 mit einem geglätteten Altersaufbau und läuft zehn Jahre
    vor, bevor die erste veröffentlichte Zahl (31.12.2012) entsteht: So passen die
    jungen Jahrgänge zu den Geburten, und keine Kohorte springt künstlich.
    """
    zufall = rng("bevoelkerung", kreis.ags)
    alter = np.arange(HOECHSTALTER + 1)
    gesamt = zufall.multinomial(kreis.einwohner_2002, _altersprofil(kreis))
    weiblich = zufall.binomial(gesamt, _anteil_frauen(alter))
    stand = np.vstack([gesamt - weiblich, weiblich])
    ergebnis: dict[int, np.ndarray] = {}
    q = [
        _sterbewahrscheinlichkeit(alter, weiblich=False),
        _sterbewahrscheinlichkeit(alter, weiblich=True),
    ]
    geburtenfaktor = 0.92 + 0.16 * zufall.random()
    # Kinder und Jugendliche des Startjahrs passend zu den Geburten (1990er: etwas mehr)
    geburten_start = geburtenfaktor * (stand[1] * _fruchtbarkeit(VORLAUF_AB)).sum()
    for a in range(18):
        ziel = geburten_start * (1 + 0.012 * a)
        stand[:, a] = np.rint(stand[:, a] * ziel / max(stand[:, a].sum(), 1)).astype(np.int64)
    for jahr in range(VORLAUF_AB + 1, JAHRE_BEVOELKERUNG[-1] + 1):
        neu = np.zeros_like(stand)
        geburten = zufall.poisson(geburtenfaktor * (stand[1] * _fruchtbarkeit(jahr)).sum())
        jungen = zufall.binomial(geburten, 0.513)
        for g in (0, 1):
            ueberlebt = zufall.binomial(stand[g], 1 - q[g])
            neu[g, 1:] = ueberlebt[:-1]
            neu[g, HOECHSTALTER] += ueberlebt[HOECHSTALTER]
        neu[0, 0], neu[1, 0] = jungen, geburten - jungen
        erwartet = neu * _wanderungsrate(kreis, jahr)
        rauschen = zufall.normal(0, 1, neu.shape) * np.sqrt(np.abs(erwartet) + 1)
        neu = np.maximum(neu + np.rint(erwartet + rauschen).astype(np.int64), 0)
        if jahr in JAHRE_BEVOELKERUNG:
            ergebnis[jahr] = neu
        stand = neu
    return ergebnis


def _nach_staatsangehoerigkeit(kreis: Kreis, stand: dict[int, np.ndarray]) -> dict[int, np.ndarray]:
    """Teilt (Geschlecht, Alter) in (Geschlecht, Staatsangehörigkeit, Alter) auf."""
    zufall = rng("staatsangehoerigkeit", kreis.ags)
    alter = np.arange(HOECHSTALTER + 1)
    ergebnis = {}
    for jahr, werte in stand.items():
        nichtdeutsch = zufall.binomial(werte, _anteil_nichtdeutsch(kreis, jahr, alter))
        ergebnis[jahr] = np.stack([werte - nichtdeutsch, nichtdeutsch], axis=1)
    return ergebnis


@dataclass
class Welt:
    """Zustand des Generators: Bevölkerung je Simulationseinheit (Geschlecht × Staatsang. × Alter).

    ``bevoelkerung(ags, jahr)`` gilt auf dem heutigen Gebietsstand: Für 17159
    ist es die Summe der beiden Vorgänger; ``bevoelkerung(ags, jahr)`` der
    Vorgänger selbst liefert deren (gedachte) Bevölkerung auch nach 2019.
    """

    kreise: tuple[Kreis, ...] = KREISE
    _einheiten: dict[str, dict[int, np.ndarray]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for kreis in self.einheiten:
            self._einheiten[kreis.ags] = _nach_staatsangehoerigkeit(kreis, _fortschreiben(kreis))

    @cached_property
    def einheiten(self) -> tuple[Kreis, ...]:
        """Simulationseinheiten: heutige Kreise ohne Vorgänger und die aufgelösten Kreise."""
        return tuple(k for k in self.kreise if not k.vorgaenger) + AUFGELOESTE_KREISE

    def kreis(self, ags: str) -> Kreis:
        return next(k for k in self.kreise + AUFGELOESTE_KREISE if k.ags == ags)

    def bevoelkerung(self, ags: str, jahr: int) -> np.ndarray:
        """Array (Geschlecht 2, Staatsangehörigkeit 2, Alter 91) am 31.12. des Jahres."""
        kreis = self.kreis(ags)
        if kreis.vorgaenger:
            return sum(self._einheiten[v][jahr] for v in kreis.vorgaenger)
        return self._einheiten[ags][jahr]

    def alter_summe(self, ags: str, jahr: int, von: int, bis: int) -> int:
        """Einwohner mit Alter von ``von`` bis unter ``bis`` am 31.12. des Jahres."""
        return int(self.bevoelkerung(ags, jahr)[..., von:bis].sum())

    def einwohner(self, ags: str, jahr: int) -> int:
        return int(self.bevoelkerung(ags, jahr).sum())
