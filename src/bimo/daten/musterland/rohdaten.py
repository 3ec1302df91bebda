"""Die Rohdaten-Variante: dieselben Tabellen mit eingebauten Fehlern für die Datenaufbereitung.

Wie echte Lieferungen: alter Gebietsstand vor der Reform 2019 (Zeitreihenbruch),
doppelte Zeilen, ein fehlendes Jahr, ein Tippfehler, unmögliche Werte. Jede
eingebaute Auffälligkeit steht in ``probleme.json`` – für Trainerinnen und
Trainer und für die Tests, die prüfen, dass ``bimo.daten.pruefe`` sie findet.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

import pandas as pd

from bimo.daten.musterland.katalog import Erzeugung
from bimo.daten.musterland.tabellen import gebietsstand_des_jahres, tabelle_bevoelkerung
from bimo.daten.musterland.welt import REFORMJAHR


@dataclass(frozen=True)
class Problem:
    tabelle: str
    art: str
    ort: str
    beschreibung: str


def _alter_gebietsstand(einheiten: pd.DataFrame, schluessel: list[str]) -> pd.DataFrame:
    return gebietsstand_des_jahres(einheiten, schluessel).sort_values(schluessel, kind="stable")


def kindertagesbetreuung_roh(e: Erzeugung) -> tuple[pd.DataFrame, list[Problem]]:
    schluessel = ["ags", "jahr", "altersgruppe", "betreuungsart"]
    roh = _alter_gebietsstand(e.kita_einheiten, schluessel).reset_index(drop=True)
    probleme = [
        Problem(
            "kindertagesbetreuung",
            "Gebietsstand",
            "ags=17154, 17156, 17159",
            f"Bis {REFORMJAHR - 1} stehen die alten Kreise 17154 und 17156 in der "
            f"Tabelle, ab {REFORMJAHR} der neue Kreis 17159: Die Zeitreihe von 17159 "
            f"beginnt erst {REFORMJAHR}. Mit dem Umstiegsschlüssel (gebietsreform.csv) "
            "zusammenführen.",
        )
    ]

    def zeile(ags, jahr, gruppe, art):  # noqa: ANN001, ANN202
        treffer = roh.index[
            (roh["ags"] == ags)
            & (roh["jahr"] == jahr)
            & (roh["altersgruppe"] == gruppe)
            & (roh["betreuungsart"] == art)
        ]
        return treffer[0]

    i = zeile("17253", 2017, "unter 3", "Kindertageseinrichtung")
    alt = int(roh.at[i, "wert"])
    roh.at[i, "wert"] = alt * 10
    probleme.append(
        Problem(
            "kindertagesbetreuung",
            "Tippfehler",
            "ags=17253, jahr=2017, unter 3, Kindertageseinrichtung",
            f"{alt * 10} statt {alt}: eine Ziffer zu viel; die Quote springt weit "
            "über 100 % und im Folgejahr zurück.",
        )
    )
    i = zeile("17102", 2021, "3 bis unter 6", "Kindertagespflege")
    roh.at[i, "wert"] = -int(roh.at[i, "wert"])
    probleme.append(
        Problem(
            "kindertagesbetreuung",
            "negativer Wert",
            "ags=17102, jahr=2021, 3 bis unter 6, Kindertagespflege",
            "Eine Anzahl kann nicht negativ sein (Vorzeichenfehler).",
        )
    )
    doppelt = roh[(roh["ags"] == "17201") & (roh["jahr"] == 2022)].head(2)
    roh = pd.concat([roh, doppelt], ignore_index=True)
    probleme.append(
        Problem(
            "kindertagesbetreuung",
            "Dublette",
            "ags=17201, jahr=2022",
            "Zwei Zeilen stehen doppelt in der Datei.",
        )
    )
    return roh.reset_index(drop=True), probleme


def bevoelkerung_roh(e: Erzeugung) -> tuple[pd.DataFrame, list[Problem]]:
    schluessel = ["ags", "jahr", "geschlecht", "staatsangehoerigkeit", "alter"]
    roh = _alter_gebietsstand(tabelle_bevoelkerung(e.welt), schluessel)
    roh = roh[~((roh["ags"] == "17252") & (roh["jahr"] == 2016))].reset_index(drop=True)
    probleme = [
        Problem(
            "bevoelkerung",
            "Gebietsstand",
            "ags=17154, 17156, 17159",
            f"Alter Gebietsstand bis {REFORMJAHR - 1} wie in der Kita-Tabelle.",
        ),
        Problem(
            "bevoelkerung",
            "fehlendes Jahr",
            "ags=17252, jahr=2016",
            "Für den Landkreis Talgrund fehlt das Jahr 2016 ganz.",
        ),
    ]
    falsch = (
        roh[
            (roh["ags"] == "17151")
            & (roh["jahr"] == 2020)
            & (roh["geschlecht"] == "weiblich")
            & (roh["alter"] == 90)
        ]
        .head(1)
        .copy()
    )
    falsch["alter"] = 130
    roh = pd.concat([roh, falsch], ignore_index=True)
    probleme.append(
        Problem(
            "bevoelkerung",
            "unmöglicher Wert",
            "ags=17151, jahr=2020, alter=130",
            "Ein Alter von 130 Jahren gibt es nicht (Höchstwert: 90 = 90 und "
            "älter); vermutlich ein Erfassungsfehler.",
        )
    )
    return roh, probleme


ROHDATEN = {"kindertagesbetreuung": kindertagesbetreuung_roh, "bevoelkerung": bevoelkerung_roh}


def probleme_als_dict(probleme: list[Problem]) -> list[dict]:
    return [asdict(p) for p in probleme]
