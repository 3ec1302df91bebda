"""Kleinräumige Daten: Gemeinden, die Sozialräume von Musterstadt und Schülerdaten.

Hier entstehen die kleinen Zahlen, an denen man Geheimhaltung üben muss:
kleine Gemeinden, zwei fast unbewohnte Sozialräume (Hafengelände,
Gewerbepark Nord) und Einzeldaten von Grundschulkindern.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import numpy as np
import pandas as pd

from bimo.daten.musterland import geometrie
from bimo.daten.musterland.welt import (
    AUFGELOESTE_KREISE,
    GESCHLECHTER,
    JAHRE_BEVOELKERUNG,
    JAHRE_KITA,
    KREISE,
    Kreis,
    Welt,
    rng,
)

ALTERSGRUPPEN_GEMEINDEN = {
    "unter 3": (0, 3),
    "3 bis unter 6": (3, 6),
    "6 bis unter 10": (6, 10),
    "10 bis unter 16": (10, 16),
    "16 bis unter 19": (16, 19),
    "19 bis unter 25": (19, 25),
    "25 bis unter 65": (25, 65),
    "65 und älter": (65, 91),
}
JAHRE_SOZIALRAUM = range(2018, 2025)

_VORSILBEN = ("Ober", "Unter", "Nieder", "Alt", "Neu", "Groß", "Klein", "Hohen", "Bad ", "", "", "")
_STAEMME = (
    "lind",
    "buch",
    "eich",
    "birk",
    "tann",
    "wald",
    "stein",
    "mühl",
    "brunn",
    "ros",
    "wies",
    "hag",
    "hart",
    "kirch",
    "berg",
    "sand",
    "moos",
    "horn",
    "fels",
    "erl",
)
_ENDUNGEN = (
    "ach",
    "bach",
    "dorf",
    "feld",
    "hausen",
    "heim",
    "ingen",
    "stedt",
    "burg",
    "hof",
    "rode",
    "au",
    "weiler",
    "born",
    "beck",
    "ow",
)

SOZIALRAUM_NAMEN = (
    "Altstadt",
    "Hafenviertel",
    "Nordstadt",
    "Südstadt",
    "Weststadt",
    "Oststadt",
    "Am Schlosspark",
    "Bahnhofsviertel",
    "Mühlenkamp",
    "Lindenhof",
    "Gartenstadt",
    "Neustadt",
    "Kanalufer",
    "Rosenhöhe",
    "Eichwald",
    "Sonnenberg",
    "Heideweg",
    "Feldmark",
    "Kirchberg",
    "Brunnenviertel",
    "Wiesengrund",
    "Ziegelei",
    "Fuchsberg",
    "Am Stadion",
    "Marktviertel",
    "Birkenhain",
    "Steinfeld",
    "Klostergarten",
    "Talwiesen",
    "Ringstraße",
    "Hafengelände",
    "Gewerbepark Nord",
)
_FAST_UNBEWOHNT = {"Hafengelände": 0.025, "Gewerbepark Nord": 0.015}

SOZIALRAUM_MERKMALE = (
    "einwohner",
    "einwohner_unter_15",
    "sgb2_unter_15",
    "haushalte_mit_kindern",
    "haushalte_alleinerziehend",
    "einwohner_mit_migrationshintergrund",
    "einschueler_untersucht",
    "einschueler_sprachfoerderbedarf",
    "einschueler_uebergewicht",
    "viertklaessler",
    "uebergaenge_gymnasium",
)


def _logistisch(x: float) -> float:
    return float(1 / (1 + np.exp(-x)))


@dataclass(frozen=True)
class Gemeinde:
    ags: str  # 8-stellig, heutiger Gebietsstand
    name: str
    einheit: str  # Simulationseinheit (Kreis oder aufgelöster Kreis)
    ags_alt: str  # Schlüssel vor der Gebietsreform (gleich ags, wenn nicht betroffen)
    gewicht: float


def _namen(anzahl: int) -> list[str]:
    zufall = rng("gemeindenamen")
    namen: list[str] = []
    while len(namen) < anzahl:
        vor = _VORSILBEN[zufall.integers(len(_VORSILBEN))]
        stamm = _STAEMME[zufall.integers(len(_STAEMME))]
        ende = _ENDUNGEN[zufall.integers(len(_ENDUNGEN))]
        kern = stamm + ende
        name = vor + (kern.capitalize() if vor.endswith(" ") or not vor else kern)
        if name not in namen:
            namen.append(name)
    return namen


@cache
def gemeinden() -> tuple[Gemeinde, ...]:
    """Alle Gemeinden auf dem heutigen Gebietsstand (kreisfreie Städte: eine Gemeinde)."""
    einheiten: list[tuple[Kreis, str, int]] = []  # (Einheit, heutiger Kreis, Nummer ab)
    for kreis in KREISE:
        if kreis.vorgaenger:
            nummer = 1
            for v in kreis.vorgaenger:
                einheit = next(k for k in AUFGELOESTE_KREISE if k.ags == v)
                einheiten.append((einheit, kreis.ags, nummer))
                nummer += einheit.gemeinden
        else:
            einheiten.append((kreis, kreis.ags, 1))
    anzahl = sum(e.gemeinden for e, _, _ in einheiten if not e.ist_stadt)
    namen = iter(_namen(anzahl))
    ergebnis = []
    for einheit, heute, ab in einheiten:
        if einheit.ist_stadt:
            ergebnis.append(
                Gemeinde(f"{heute}000", einheit.name, einheit.ags, f"{einheit.ags}000", 1.0)
            )
            continue
        zufall = rng("gemeinden", einheit.ags)
        gewichte = np.exp(zufall.normal(0, 0.8, einheit.gemeinden))
        gewichte[0] *= 3.0  # Kreisstadt
        gewichte[-1] *= 0.06  # eine sehr kleine Gemeinde je Kreis
        gewichte = gewichte / gewichte.sum()
        for i, gewicht in enumerate(gewichte):
            ergebnis.append(
                Gemeinde(
                    f"{heute}{ab + i:03d}",
                    next(namen),
                    einheit.ags,
                    f"{einheit.ags}{i + 1:03d}",
                    float(gewicht),
                )
            )
    return tuple(ergebnis)


def _aufteilen(zufall: np.random.Generator, gesamt: int, gewichte: np.ndarray) -> np.ndarray:
    return zufall.multinomial(int(gesamt), gewichte / gewichte.sum())


def tabelle_bevoelkerung_gemeinden(welt: Welt) -> pd.DataFrame:
    """Bevölkerung je Gemeinde und Altersgruppe; die Gemeinden ergeben genau ihren Kreis."""
    zeilen = []
    je_einheit: dict[str, list[Gemeinde]] = {}
    for g in gemeinden():
        je_einheit.setdefault(g.einheit, []).append(g)
    for einheit, liste in je_einheit.items():
        zufall = rng("bevoelkerung_gemeinden", einheit)
        drift = zufall.normal(0, 0.012, len(liste))
        for jahr in JAHRE_BEVOELKERUNG:
            gewichte = np.array([g.gewicht for g in liste]) * np.exp(drift * (jahr - 2012))
            for gruppe, (von, bis) in ALTERSGRUPPEN_GEMEINDEN.items():
                teile = _aufteilen(zufall, welt.alter_summe(einheit, jahr, von, bis), gewichte)
                for g, wert in zip(liste, teile, strict=True):
                    zeilen.append(
                        {"ags": g.ags, "jahr": jahr, "altersgruppe": gruppe, "wert": int(wert)}
                    )
    return pd.DataFrame(zeilen)


def tabelle_kindertagesbetreuung_gemeinden(welt: Welt, kita: pd.DataFrame) -> pd.DataFrame:
    """Betreute Kinder (beide Betreuungsarten) je Gemeinde; Summe = Kreis (Simulationseinheit)."""
    zeilen = []
    summe = kita.groupby(["ags", "jahr", "altersgruppe"])["wert"].sum()
    je_einheit: dict[str, list[Gemeinde]] = {}
    for g in gemeinden():
        je_einheit.setdefault(g.einheit, []).append(g)
    for einheit, liste in je_einheit.items():
        zufall = rng("kita_gemeinden", einheit)
        zentral = np.array([1.25 if i == 0 else 1.0 for i in range(len(liste))])
        for jahr in JAHRE_KITA:
            gewichte = np.array([g.gewicht for g in liste]) * zentral
            for gruppe in ("unter 3", "3 bis unter 6"):
                teile = _aufteilen(zufall, summe[(einheit, jahr, gruppe)], gewichte)
                for g, wert in zip(liste, teile, strict=True):
                    zeilen.append(
                        {"ags": g.ags, "jahr": jahr, "altersgruppe": gruppe, "wert": int(wert)}
                    )
    return pd.DataFrame(zeilen)


@dataclass(frozen=True)
class Sozialraum:
    schluessel: str  # z. B. "SR07"
    name: str
    belastung: float  # z-Wert, positiv = belasteter
    gewicht: float


@cache
def sozialraeume() -> tuple[Sozialraum, ...]:
    flaechen = geometrie.sozialraeume(len(SOZIALRAUM_NAMEN))
    zufall = rng("sozialraeume")
    mitte = np.mean([f.centroid.x for f in flaechen]), np.mean([f.centroid.y for f in flaechen])
    ergebnis = []
    for i, (name, form) in enumerate(zip(SOZIALRAUM_NAMEN, flaechen, strict=True)):
        # Belastung steigt nach Osten und zur Mitte (Hafen, Bahnhof), dazu Zufall
        ost = (form.centroid.x - mitte[0]) / 0.5
        nah = -np.hypot(form.centroid.x - mitte[0], form.centroid.y - mitte[1]) / 0.5
        belastung = 0.8 * ost + 0.6 * (nah + 0.6) + 0.6 * zufall.normal()
        gewicht = np.exp(zufall.normal(0, 0.35)) * _FAST_UNBEWOHNT.get(name, 1.0)
        ergebnis.append(Sozialraum(f"SR{i + 1:02d}", name, float(belastung), float(gewicht)))
    werte = np.array([s.belastung for s in ergebnis])
    werte = (werte - werte.mean()) / werte.std()
    return tuple(
        Sozialraum(s.schluessel, s.name, float(round(z, 6)), s.gewicht)
        for s, z in zip(ergebnis, werte, strict=True)
    )


def tabelle_sozialraum_daten(welt: Welt) -> pd.DataFrame:
    """Kennzahlen der Sozialräume von Musterstadt (Zählwerte; Quoten rechnet bimo)."""
    raeume = sozialraeume()
    zufall = rng("sozialraum_daten")
    gewichte = np.array([s.gewicht for s in raeume])
    zeilen = []
    for jahr in JAHRE_SOZIALRAUM:
        einwohner = _aufteilen(zufall, welt.einwohner("17101", jahr), gewichte)
        for s, ew in zip(raeume, einwohner, strict=True):
            b = s.belastung
            u15 = zufall.binomial(ew, np.clip(0.125 + 0.025 * b, 0.05, 0.3))
            sgb2 = zufall.binomial(u15, _logistisch(-1.7 + 0.85 * b + 0.02 * (jahr - 2018)))
            hh_kinder = zufall.binomial(ew, 0.1)
            allein = zufall.binomial(hh_kinder, np.clip(0.19 + 0.07 * b, 0.05, 0.6))
            migration = zufall.binomial(ew, np.clip(0.30 + 0.11 * b, 0.05, 0.8))
            einschueler = zufall.binomial(ew, 0.0098)
            sprache = zufall.binomial(einschueler, _logistisch(-1.5 + 0.8 * b))
            uebergewicht = zufall.binomial(einschueler, np.clip(0.085 + 0.03 * b, 0.01, 0.4))
            viert = zufall.binomial(ew, 0.0092)
            gym = zufall.binomial(viert, _logistisch(0.15 - 0.75 * b + 0.01 * (jahr - 2018)))
            werte = (
                ew,
                u15,
                sgb2,
                hh_kinder,
                allein,
                migration,
                einschueler,
                sprache,
                uebergewicht,
                viert,
                gym,
            )
            for merkmal, wert in zip(SOZIALRAUM_MERKMALE, werte, strict=True):
                zeilen.append(
                    {
                        "sozialraum": s.schluessel,
                        "jahr": jahr,
                        "merkmal": merkmal,
                        "wert": int(wert),
                    }
                )
    return pd.DataFrame(zeilen)


def tabelle_sozialraeume() -> pd.DataFrame:
    return pd.DataFrame(
        [{"sozialraum": s.schluessel, "name": s.name, "ags": "17101000"} for s in sozialraeume()]
    )


FOERDERSCHWERPUNKTE = (
    "keiner",
    "Lernen",
    "Sprache",
    "emotionale und soziale Entwicklung",
    "geistige Entwicklung",
    "körperliche und motorische Entwicklung",
)


def tabelle_schuelerdaten(anzahl: int = 5000) -> pd.DataFrame:
    """Synthetische Einzeldaten von Grundschulkindern in Musterstadt (Schuljahr 2024/25)."""
    raeume = sozialraeume()
    zufall = rng("schuelerdaten")
    gewichte = np.array([s.gewicht for s in raeume])
    verteilung = zufall.multinomial(anzahl, gewichte / gewichte.sum())
    zeilen = []
    for s, n in zip(raeume, verteilung, strict=True):
        b = s.belastung
        for _ in range(n):
            klasse = int(zufall.integers(1, 5))
            nichtdeutsch = zufall.random() < np.clip(0.16 + 0.09 * b, 0.02, 0.6)
            sprache_nd = nichtdeutsch or zufall.random() < np.clip(0.12 + 0.06 * b, 0.01, 0.5)
            sgb2 = zufall.random() < _logistisch(-1.7 + 0.85 * b)
            allein = zufall.random() < np.clip(0.18 + 0.07 * b, 0.05, 0.6)
            p_foerder = np.clip(0.05 + 0.02 * b, 0.01, 0.2)
            foerder = (
                FOERDERSCHWERPUNKTE[
                    int(zufall.choice(np.arange(1, 6), p=[0.45, 0.25, 0.18, 0.07, 0.05]))
                ]
                if zufall.random() < p_foerder
                else "keiner"
            )
            note = int(
                np.clip(
                    np.rint(
                        2.6 + 0.35 * b + 0.8 * zufall.normal() + (0.4 if foerder != "keiner" else 0)
                    ),
                    1,
                    6,
                )
            )
            zeilen.append(
                {
                    "schule": f"GS{int(s.schluessel[2:]):02d}",
                    "sozialraum": s.schluessel,
                    "klassenstufe": klasse,
                    "geschlecht": GESCHLECHTER[int(zufall.random() < 0.49)],
                    "geburtsjahr": 2024 - 5 - klasse - int(zufall.random() < 0.25),
                    "staatsangehoerigkeit": "nichtdeutsch" if nichtdeutsch else "deutsch",
                    "familiensprache": "nicht deutsch" if sprache_nd else "deutsch",
                    "sgb2_bezug": "ja" if sgb2 else "nein",
                    "alleinerziehend": "ja" if allein else "nein",
                    "foerderschwerpunkt": foerder,
                    "note_deutsch": note if klasse >= 3 else pd.NA,
                }
            )
    tabelle = pd.DataFrame(zeilen)
    tabelle.insert(0, "schueler_id", [f"S{i + 1:05d}" for i in range(len(tabelle))])
    tabelle["note_deutsch"] = tabelle["note_deutsch"].astype("Int64")
    return tabelle
