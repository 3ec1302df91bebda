"""Tabellen der Kreisebene: Bevölkerung, Kindertagesbetreuung, Schulen, berufliche
Bildung, Weiterbildung, SGB II.

Jede Funktion ``tabelle_<name>(welt)`` erzeugt die Tabelle je Simulationseinheit
(also mit den 2019 aufgelösten Kreisen 17154 und 17156);
:func:`heutiger_gebietsstand` fasst sie zum heutigen Kreis 17159 zusammen.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from bimo.daten.musterland.welt import (
    ALTERSGRUPPEN_KITA,
    BETREUUNGSARTEN,
    GESCHLECHTER,
    HOECHSTALTER,
    JAHRE_BEVOELKERUNG,
    JAHRE_KITA,
    KREISE,
    REFORMJAHR,
    STAATSANGEHOERIGKEITEN,
    Kreis,
    Welt,
    rng,
)

SCHULARTEN = (
    "Grundschule",
    "Hauptschule",
    "Realschule",
    "Gesamtschule",
    "Gymnasium",
    "Förderschule",
)
SCHULARTEN_NACH_KLASSE_4 = ("Hauptschule", "Realschule", "Gesamtschule", "Gymnasium")
ABSCHLUESSE = (
    "ohne Ersten Schulabschluss",
    "Erster Schulabschluss",
    "Mittlerer Schulabschluss",
    "Allgemeine Hochschulreife",
)
IABE_SEKTOREN = (
    "Berufsausbildung",
    "Übergangsbereich",
    "Erwerb der Hochschulzugangsberechtigung",
    "Studium",
)
VHS_MERKMALE = ("Kurse", "Unterrichtsstunden", "Belegungen")
HOCHSCHULSTANDORTE = {"17101": 0.95, "17201": 0.55}  # Studienanfänger je Einwohner mit 19 Jahren


def _verlauf(start: float, ziel: float, jahr: int) -> float:
    """Ausbaupfad 2013–2024: rasch nach dem Rechtsanspruch (08/2013), dann flacher."""
    t = (jahr - 2013) / (2024 - 2013)
    return start + (ziel - start) * (1 - (1 - t) ** 1.6)


def heutiger_gebietsstand(tabelle: pd.DataFrame, schluessel: list[str]) -> pd.DataFrame:
    """Fasst die aufgelösten Kreise zu ihrem Nachfolger zusammen (Gebietsstand 31.12.2024)."""
    umstieg = {v: k.ags for k in KREISE for v in k.vorgaenger}
    tabelle = tabelle.assign(ags=tabelle["ags"].replace(umstieg))
    return tabelle.groupby(schluessel, as_index=False, sort=False)["wert"].sum()


def gebietsstand_des_jahres(einheiten: pd.DataFrame, schluessel: list[str]) -> pd.DataFrame:
    """Wie in echten Lieferungen: vor der Reform die alten Kreise 17154/17156, danach 17159."""
    vorher = einheiten[einheiten["jahr"] < REFORMJAHR]
    nachher = heutiger_gebietsstand(einheiten[einheiten["jahr"] >= REFORMJAHR], schluessel)
    return pd.concat([vorher, nachher], ignore_index=True)


def tabelle_bevoelkerung(welt: Welt) -> pd.DataFrame:
    teile = []
    alter = np.arange(HOECHSTALTER + 1)
    for kreis in welt.einheiten:
        for jahr in JAHRE_BEVOELKERUNG:
            stand = welt.bevoelkerung(kreis.ags, jahr)
            for g, geschlecht in enumerate(GESCHLECHTER):
                for s, staat in enumerate(STAATSANGEHOERIGKEITEN):
                    teile.append(
                        pd.DataFrame(
                            {
                                "ags": kreis.ags,
                                "jahr": jahr,
                                "geschlecht": geschlecht,
                                "staatsangehoerigkeit": staat,
                                "alter": alter,
                                "wert": stand[g, s],
                            }
                        )
                    )
    return pd.concat(teile, ignore_index=True)


def tabelle_kindertagesbetreuung(welt: Welt) -> pd.DataFrame:
    zeilen = []
    for kreis in welt.einheiten:
        zufall = rng("kita", kreis.ags)
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
                einrichtung = int(zufall.poisson(kinder * quote * (1 - anteil_tp)))
                pflege = int(zufall.poisson(kinder * quote * anteil_tp))
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


def tabelle_kita_einrichtungen(welt: Welt) -> pd.DataFrame:
    kita = tabelle_kindertagesbetreuung(welt)
    kinder = (
        kita[kita["betreuungsart"] == "Kindertageseinrichtung"]
        .groupby(["ags", "jahr"], as_index=False, sort=False)["wert"]
        .sum()
    )
    zeilen = []
    for ags, jahr, anzahl in kinder.itertuples(index=False):
        kreis = welt.kreis(ags)
        groesse = 78 if kreis.ist_stadt else 56
        zufall = rng("kita_einrichtungen", ags, jahr)
        zeilen.append(
            {
                "ags": ags,
                "jahr": jahr,
                "wert": int(round(anzahl / groesse * (1 + 0.03 * zufall.normal()))),
            }
        )
    return pd.DataFrame(zeilen)


def _quote_gymnasium(kreis: Kreis, jahr: int) -> float:
    return float(
        np.clip(
            0.41
            - 0.06 * kreis.belastung
            + (0.05 if kreis.ist_stadt else 0)
            + 0.003 * (jahr - 2012),
            0.2,
            0.65,
        )
    )


def _uebergangsanteile(kreis: Kreis, jahr: int) -> np.ndarray:
    """Anteile nach Klasse 4: Hauptschule (auslaufend), Realschule, Gesamtschule, Gymnasium."""
    gym = _quote_gymnasium(kreis, jahr)
    haupt = max(0.02, 0.12 - 0.007 * (jahr - 2012) + 0.02 * kreis.belastung)
    gesamt = 0.18 + (0.06 if kreis.ist_stadt else 0) + 0.004 * (jahr - 2012)
    real = max(0.05, 1 - gym - haupt - gesamt)
    anteile = np.array([haupt, real, gesamt, gym])
    return anteile / anteile.sum()


def _anteil_foerderschule(kreis: Kreis) -> float:
    return 0.035 + 0.006 * kreis.belastung


def tabelle_uebergaenge(welt: Welt) -> pd.DataFrame:
    """Übergänge von der Grundschule (Klasse 4 im Vorjahr) auf weiterführende Schularten."""
    zeilen = []
    for kreis in welt.einheiten:
        zufall = rng("uebergaenge", kreis.ags)
        for jahr in JAHRE_BEVOELKERUNG:
            # Klasse 4 im Schuljahr davor: Kinder mit 9 Jahren am 31.12. des Vorjahres
            basis = welt.alter_summe(kreis.ags, max(jahr - 1, JAHRE_BEVOELKERUNG[0]), 9, 10)
            viertklaessler = int(zufall.binomial(basis, 1 - _anteil_foerderschule(kreis)))
            for art, wert in zip(
                SCHULARTEN_NACH_KLASSE_4,
                zufall.multinomial(viertklaessler, _uebergangsanteile(kreis, jahr)),
                strict=True,
            ):
                zeilen.append({"ags": kreis.ags, "jahr": jahr, "schulart": art, "wert": int(wert)})
    return pd.DataFrame(zeilen)


def tabelle_schueler(welt: Welt) -> pd.DataFrame:
    """Schülerinnen und Schüler allgemeinbildender Schulen nach Schulart und Klassenstufe."""
    ueber = tabelle_uebergaenge(welt).set_index(["ags", "jahr", "schulart"])["wert"]
    oberste = {"Hauptschule": 10, "Realschule": 10, "Gesamtschule": 13, "Gymnasium": 12}
    zeilen = []
    for kreis in welt.einheiten:
        zufall = rng("schueler", kreis.ags)
        foerder = _anteil_foerderschule(kreis)
        for jahr in JAHRE_BEVOELKERUNG:
            for stufe in range(1, 14):
                kohorte = welt.alter_summe(kreis.ags, jahr, stufe + 5, stufe + 6)
                if stufe <= 4:
                    verteilung = {"Grundschule": 1 - foerder, "Förderschule": foerder}
                else:
                    jahrgang = min(jahr - (stufe - 5), jahr)
                    jahrgang = max(jahrgang, JAHRE_BEVOELKERUNG[0])
                    anteile = np.array(
                        [ueber[(kreis.ags, jahrgang, a)] for a in SCHULARTEN_NACH_KLASSE_4],
                        dtype=float,
                    )
                    anteile = anteile / anteile.sum() * (1 - foerder)
                    verteilung = dict(zip(SCHULARTEN_NACH_KLASSE_4, anteile, strict=True))
                    verteilung = {
                        a: (v if stufe <= oberste[a] else 0.0) for a, v in verteilung.items()
                    }
                    if stufe >= 11:  # Oberstufe: nur ein Teil bleibt
                        verteilung = {a: v * 0.85 for a, v in verteilung.items()}
                    verteilung["Förderschule"] = foerder if stufe <= 10 else 0.0
                for art, anteil in verteilung.items():
                    if anteil > 0:
                        zeilen.append(
                            {
                                "ags": kreis.ags,
                                "jahr": jahr,
                                "schulart": art,
                                "klassenstufe": stufe,
                                "wert": int(zufall.poisson(kohorte * anteil)),
                            }
                        )
    return pd.DataFrame(zeilen)


def _abschlussanteile(kreis: Kreis, jahr: int, maennlich: bool, nichtdeutsch: bool) -> np.ndarray:
    ohne = 0.058 + 0.014 * kreis.belastung
    erster = 0.17 + 0.02 * kreis.belastung
    abitur = (
        0.33 - 0.03 * kreis.belastung + (0.04 if kreis.ist_stadt else 0) + 0.002 * (jahr - 2012)
    )
    if maennlich:
        ohne, erster, abitur = ohne * 1.3, erster * 1.2, abitur * 0.85
    if nichtdeutsch:
        ohne, erster, abitur = ohne * 2.2, erster * 1.4, abitur * 0.6
    mittlerer = max(0.1, 1 - ohne - erster - abitur)
    anteile = np.array([ohne, erster, mittlerer, abitur])
    return anteile / anteile.sum()


def tabelle_abgaenger(welt: Welt) -> pd.DataFrame:
    """Absolventen und Abgänger allgemeinbildender Schulen (Schuljahresende im Sommer)."""
    zeilen = []
    for kreis in welt.einheiten:
        zufall = rng("abgaenger", kreis.ags)
        for jahr in JAHRE_BEVOELKERUNG:
            stand = welt.bevoelkerung(kreis.ags, jahr)[:, :, 16:18].sum(axis=2) / 2
            for g, geschlecht in enumerate(GESCHLECHTER):
                for s, staat in enumerate(STAATSANGEHOERIGKEITEN):
                    anzahl = int(zufall.poisson(stand[g, s] * 0.97))
                    anteile = _abschlussanteile(kreis, jahr, g == 0, s == 1)
                    for abschluss, wert in zip(
                        ABSCHLUESSE, zufall.multinomial(anzahl, anteile), strict=True
                    ):
                        zeilen.append(
                            {
                                "ags": kreis.ags,
                                "jahr": jahr,
                                "abschluss": abschluss,
                                "geschlecht": geschlecht,
                                "staatsangehoerigkeit": staat,
                                "wert": int(wert),
                            }
                        )
    return pd.DataFrame(zeilen)


def tabelle_ausbildungsanfaenger(welt: Welt) -> pd.DataFrame:
    """Anfänger in den Sektoren der integrierten Ausbildungsberichterstattung (iABE)."""
    zeilen = []
    for kreis in welt.einheiten:
        zufall = rng("iabe", kreis.ags)
        for jahr in JAHRE_BEVOELKERUNG:
            for g, geschlecht in enumerate(GESCHLECHTER):
                jahrgang = welt.bevoelkerung(kreis.ags, jahr)[g, :, 17:20].sum() / 3
                uebergang = (
                    0.15
                    + 0.03 * kreis.belastung
                    - 0.002 * (jahr - 2012)
                    + (0.03 if jahr in (2016, 2017) else 0.0)
                )
                anteile = {
                    "Berufsausbildung": 0.42 if g == 0 else 0.33,
                    "Übergangsbereich": uebergang * (1.15 if g == 0 else 0.85),
                    "Erwerb der Hochschulzugangsberechtigung": 0.24 if g == 0 else 0.30,
                }
                # Ausbildung in Städten auch für Jugendliche aus dem Umland
                faktor = 1.25 if kreis.ist_stadt else 0.92
                for sektor in IABE_SEKTOREN:
                    if sektor == "Studium":
                        erwartet = jahrgang * HOCHSCHULSTANDORTE.get(kreis.ags, 0.0)
                    else:
                        erwartet = jahrgang * anteile[sektor] * faktor
                    zeilen.append(
                        {
                            "ags": kreis.ags,
                            "jahr": jahr,
                            "sektor": sektor,
                            "geschlecht": geschlecht,
                            "wert": int(zufall.poisson(erwartet)),
                        }
                    )
    return pd.DataFrame(zeilen)


_VHS_EINBRUCH = {2020: 0.58, 2021: 0.66, 2022: 0.88}


def tabelle_weiterbildung(welt: Welt) -> pd.DataFrame:
    """Volkshochschulen: Kurse, Unterrichtsstunden und Belegungen je Kreis und Jahr."""
    zeilen = []
    for kreis in welt.einheiten:
        zufall = rng("vhs", kreis.ags)
        je_tausend = 62 + 12 * zufall.random() + (14 if kreis.ist_stadt else 0)
        for jahr in JAHRE_BEVOELKERUNG:
            faktor = _VHS_EINBRUCH.get(jahr, 1.0)
            belegungen = int(
                zufall.poisson(welt.einwohner(kreis.ags, jahr) / 1000 * je_tausend * faktor)
            )
            kurse = int(zufall.poisson(belegungen / (10.5 if jahr not in _VHS_EINBRUCH else 9.0)))
            stunden = int(round(kurse * (24 + 3 * zufall.random())))
            for merkmal, wert in zip(VHS_MERKMALE, (kurse, stunden, belegungen), strict=True):
                zeilen.append({"ags": kreis.ags, "jahr": jahr, "merkmal": merkmal, "wert": wert})
    return pd.DataFrame(zeilen)


def sgb2_quote_kinder(kreis: Kreis, jahr: int) -> float:
    trend = {2016: 0.006, 2017: 0.008, 2018: 0.004, 2022: 0.01, 2023: 0.012, 2024: 0.012}
    return float(
        np.clip(
            0.125
            + 0.045 * kreis.belastung
            + (0.03 if kreis.ist_stadt else 0)
            - 0.002 * (jahr - 2012)
            + trend.get(jahr, 0.0),
            0.03,
            0.4,
        )
    )


def tabelle_sgb2(welt: Welt) -> pd.DataFrame:
    """Nicht erwerbsfähige Leistungsberechtigte nach SGB II unter 15 Jahren (Dezember)."""
    zeilen = []
    for kreis in welt.einheiten:
        zufall = rng("sgb2", kreis.ags)
        for jahr in JAHRE_BEVOELKERUNG:
            kinder = welt.alter_summe(kreis.ags, jahr, 0, 15)
            zeilen.append(
                {
                    "ags": kreis.ags,
                    "jahr": jahr,
                    "wert": int(zufall.binomial(kinder, sgb2_quote_kinder(kreis, jahr))),
                }
            )
    return pd.DataFrame(zeilen)
