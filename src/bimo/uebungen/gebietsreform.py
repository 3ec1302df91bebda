"""Selbstkontrolle der Übung „Gebietsreform: eine Zeitreihe ohne Bruch“.

Der Landkreis Fichtenau-Moorland (17159) entstand 2019 aus Fichtenau (17154) und Moorland
(17156). Für die Jahre davor wird seine Betreuungsquote aus den umgeschlüsselten Zählern
und Nennern der alten Kreise neu berechnet. Erkannt werden: nur ein alter Kreis, Quoten
addiert oder gemittelt statt neu berechnet, der Bruch in der Reihe belassen.
"""

from __future__ import annotations

import pandas as pd

from bimo import daten, indikatoren
from bimo.kern.format import prozent, zahl
from bimo.uebungen._basis import Rueckmeldung, Selbstkontrolle, lies_zahl

NEU, ALT = "17159", ("17154", "17156")
ALTERSGRUPPE = "unter 3"
REFORMJAHR = 2019
TOLERANZ = 0.1


def _quoten_alt() -> pd.DataFrame:
    """Betreuungsquoten unter 3 auf dem alten Gebietsstand (Rohdaten), je Kreis und Jahr."""
    kita = daten.lade("kindertagesbetreuung", variante="roh").drop_duplicates()
    bev = daten.lade("bevoelkerung", variante="roh")
    bev = bev[bev["alter"] <= 90]
    return indikatoren.betreuungsquote(kita, bev, ALTERSGRUPPE)


def reihe_richtig() -> pd.Series:
    """Die richtige Zeitreihe der Betreuungsquote unter 3 von 17159 (in %), Index = Jahr."""
    quote = indikatoren.indikator("betreuungsquote_u3").berechne(land=False)
    return quote[quote["ags"] == NEU].set_index("jahr")["wert"]


def _zahlen(jahr: int) -> dict[str, float]:
    alt = _quoten_alt()
    teile = alt[(alt["jahr"] == jahr) & alt["ags"].isin(ALT)].set_index("ags")
    if len(teile) != len(ALT):
        raise daten.DatenFehler(
            f"Für {jahr} fehlen Werte der alten Kreise {', '.join(ALT)} – die Übung gilt für "
            f"die Jahre vor {REFORMJAHR}."
        )
    zaehler, nenner = teile["zaehler"].sum(), teile["nenner"].sum()
    return {
        "richtig": zaehler / nenner * 100,
        "zaehler": zaehler,
        "nenner": nenner,
        **{f"nur_{a}": teile.at[a, "wert"] for a in ALT},
        "summe_quoten": teile["wert"].sum(),
        "mittel_quoten": teile["wert"].mean(),
        "erstes_jahr_neu": reihe_richtig().loc[REFORMJAHR],
    }


def _nahe(wert: float, ziel: float) -> bool:
    return abs(wert - ziel) <= max(TOLERANZ, abs(ziel) * 0.002)


def pruefe_gebietsreform(antwort: object, jahr: int = 2017, versuch: int = 1) -> Rueckmeldung:
    """Prüft die Betreuungsquote unter 3 (in %) von 17159 für ein ``jahr`` vor der Reform."""
    wert = lies_zahl(antwort)
    if wert is None:
        return Rueckmeldung(
            False,
            f"„{antwort}“ ist keine Zahl. Geben Sie die Quote in Prozent ein, z. B. 31,5 – "
            "auch wenn es den Kreis damals noch nicht gab: Aus den alten Kreisen lässt sie "
            "sich berechnen.",
        )
    z = _zahlen(jahr)
    if _nahe(wert, z["richtig"]):
        return Rueckmeldung(
            True,
            f"{zahl(z['zaehler'])} betreute Kinder in Fichtenau und Moorland zusammen je "
            f"{zahl(z['nenner'])} Kinder unter 3 Jahren ergeben {prozent(z['richtig'])} – "
            "derselbe Wert, den die bereinigten Daten auf heutigem Gebietsstand zeigen.",
        )
    if wert == 0:
        return Rueckmeldung(
            False,
            f"Für 17159 steht vor {REFORMJAHR} nichts in der Tabelle – aber nicht, weil dort "
            "keine Kinder betreut wurden: Der Kreis hieß noch anders. Lassen Sie den Bruch "
            "nicht in der Reihe, sondern nehmen Sie die alten Kreise 17154 und 17156.",
        )
    for alt in ALT:
        if _nahe(wert, z[f"nur_{alt}"]):
            return Rueckmeldung(
                False,
                f"Das ist die Quote des alten Kreises {alt} allein. Der neue Kreis umfasst "
                f"beide: {ALT[0]} und {ALT[1]}.",
            )
    if _nahe(wert, z["summe_quoten"]):
        return Rueckmeldung(
            False,
            "Sie haben die beiden Quoten addiert. Quoten lassen sich nicht summieren: "
            "Addieren Sie Zähler und Nenner der alten Kreise und teilen Sie dann.",
        )
    if _nahe(wert, z["mittel_quoten"]):
        return Rueckmeldung(
            False,
            "Sie haben die beiden Quoten gemittelt. Das gewichtet den kleinen Kreis zu "
            "stark: Addieren Sie Zähler und Nenner und teilen Sie dann.",
        )
    if _nahe(wert, z["erstes_jahr_neu"]):
        return Rueckmeldung(
            False,
            f"Das ist der Wert von {REFORMJAHR}, dem ersten Jahr des neuen Kreises. Gesucht "
            f"ist {jahr}: Rechnen Sie ihn aus den alten Kreisen zurück.",
        )
    if versuch <= 1:
        hinweis = (
            f"Nehmen Sie die Zeilen von {ALT[0]} und {ALT[1]} für {jahr}, addieren Sie "
            "die betreuten Kinder und die Kinder unter 3, dann teilen."
        )
    elif versuch == 2:
        hinweis = (
            f"Zähler: betreute Kinder unter 3 beider alter Kreise am 01.03.{jahr}. Nenner: "
            f"Kinder unter 3 beider alter Kreise am 31.12.{jahr - 1}."
        )
    else:
        hinweis = f"Der Rechenweg: {zahl(z['zaehler'])} ÷ {zahl(z['nenner'])} × 100."
    richtung = "über" if wert > z["richtig"] else "unter"
    return Rueckmeldung(False, f"Ihr Wert {zahl(wert, 1)} liegt {richtung} dem Ergebnis. {hinweis}")


def pruefe_zeitreihe(reihe: object) -> Rueckmeldung:
    """Prüft eine ganze Zeitreihe der Quote von 17159 (``pandas.Series``, Index = Jahr).

    Erkennt fehlende Jahre vor der Reform (der Bruch ist noch da) und – je Jahr – die
    typischen Fehler aus :func:`pruefe_gebietsreform`.
    """
    if isinstance(reihe, pd.DataFrame) and {"jahr", "wert"} <= set(reihe.columns):
        reihe = reihe.set_index("jahr")["wert"]
    if not isinstance(reihe, pd.Series):
        return Rueckmeldung(
            False, "Erwartet wird eine Zeitreihe (pandas.Series) mit den Jahren als Index."
        )
    richtig = reihe_richtig()
    werte = pd.to_numeric(reihe, errors="coerce")
    werte.index = pd.to_numeric(pd.Index(werte.index), errors="coerce")
    fehlend = [j for j in richtig.index if j not in werte.index or pd.isna(werte.get(j))]
    null = [j for j in richtig.index if j in werte.index and werte.get(j) == 0]
    if fehlend or null:
        jahre = sorted(fehlend + null)
        return Rueckmeldung(
            False,
            f"In den Jahren {jahre[0]} bis {jahre[-1]} fehlt die Reihe oder steht bei 0: Der "
            f"Bruch der Reform {REFORMJAHR} ist noch drin. Berechnen Sie diese Jahre aus den "
            "alten Kreisen 17154 und 17156.",
        )
    for jahr in richtig.index:
        if not _nahe(float(werte.loc[jahr]), richtig.loc[jahr]):
            if jahr >= REFORMJAHR:
                return Rueckmeldung(
                    False,
                    f"Der Wert für {jahr} stimmt nicht – ab {REFORMJAHR} "
                    "gilt einfach die Zeile von 17159.",
                )
            einzeln = pruefe_gebietsreform(werte.loc[jahr], jahr)
            return Rueckmeldung(False, f"{jahr}: {einzeln.text}")
    return Rueckmeldung(
        True,
        f"Die Reihe von {min(richtig.index)} bis {max(richtig.index)} läuft ohne Bruch durch.",
    )


def aufgabe_gebietsreform(jahr: int = 2017) -> Selbstkontrolle:
    """Die Selbstkontrolle zur Übung „Gebietsreform“."""
    return Selbstkontrolle(
        lambda antwort, versuch: pruefe_gebietsreform(antwort, jahr, versuch),
        beschriftung=f"Betreuungsquote unter 3 Jahren von 17159 im Jahr {jahr} in %:",
        platzhalter="z. B. 31,5",
    )
