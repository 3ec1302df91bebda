"""Übung „Knack die Tabelle“: eine gesperrte Zahl aus der Summe zurückrechnen.

Eine Gemeindetabelle, in der nur die kleinen Zahlen gesperrt sind (primäre
Sperrung), daneben die veröffentlichte Kreissumme: Wer die übrigen Gemeinden
von der Summe abzieht, kennt die gesperrte Zahl. Genau davor schützt die
sekundäre Sperrung.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from bimo import daten
from bimo.geheimhaltung import MINDESTFALLZAHL, ist_primaer_gesperrt
from bimo.kern.format import GEHEIM, zahl
from bimo.uebungen._basis import Rueckmeldung, Selbstkontrolle, lies_zahl

INSGESAMT = "Insgesamt (Kreis)"


@dataclass(frozen=True)
class Angriffstabelle:
    """Die „nur primär gesperrte“ Gemeindetabelle eines Kreises und was dahinter steht."""

    kreis: str
    jahr: int
    altersgruppe: str
    werte: pd.Series  # Gemeindename -> Anzahl (wahr, nur für die Prüfung)
    gesperrt: pd.Series  # Gemeindename -> bool
    insgesamt: int  # Kreissumme aus der Kreistabelle

    def anzeige(self) -> pd.DataFrame:
        """Die Tabelle, wie sie (zu naiv) veröffentlicht wurde: Gesperrtes als „.“."""
        text = [
            GEHEIM if gesperrt else zahl(wert)
            for wert, gesperrt in zip(self.werte, self.gesperrt, strict=True)
        ]
        spalte = f"Kinder {self.altersgruppe} Jahren in Betreuung"
        tabelle = pd.DataFrame({"Gemeinde": list(self.werte.index), spalte: text})
        summe = pd.DataFrame({"Gemeinde": [INSGESAMT], spalte: [zahl(self.insgesamt)]})
        return pd.concat([tabelle, summe], ignore_index=True).set_index("Gemeinde")

    @property
    def veroeffentlicht(self) -> pd.Series:
        """Die sichtbaren Gemeindewerte."""
        return self.werte[~self.gesperrt]

    @property
    def geheim(self) -> pd.Series:
        """Die gesperrten Gemeindewerte (das, was der Angreifer sucht)."""
        return self.werte[self.gesperrt]


def angriffstabelle(
    kreis: str = "17255",
    jahr: int = 2024,
    altersgruppe: str = "unter 3",
    mindestfallzahl: int = MINDESTFALLZAHL,
) -> Angriffstabelle:
    """Gemeindetabelle von ``kreis`` mit primärer Sperrung allein, dazu die Kreissumme."""
    gemeinden = daten.lade("kindertagesbetreuung_gemeinden")
    auswahl = gemeinden[
        (gemeinden["ags"].str[:5] == kreis)
        & (gemeinden["jahr"] == jahr)
        & (gemeinden["altersgruppe"] == altersgruppe)
    ]
    if auswahl.empty:
        raise daten.DatenFehler(
            f"Für den Kreis {kreis} gibt es {jahr} keine Gemeindedaten zur Betreuung "
            f"der Kinder {altersgruppe} Jahren."
        )
    namen = daten.gebiete().set_index("ags")["name"]
    auswahl = auswahl.sort_values("ags")
    werte = pd.Series(
        auswahl["wert"].astype(int).to_numpy(), index=namen.reindex(auswahl["ags"]).to_numpy()
    )
    kita = daten.lade("kindertagesbetreuung")
    kreiswerte = kita[
        (kita["ags"] == kreis) & (kita["jahr"] == jahr) & (kita["altersgruppe"] == altersgruppe)
    ]
    gesperrt = ist_primaer_gesperrt(werte, mindestfallzahl)
    return Angriffstabelle(
        kreis, jahr, altersgruppe, werte, gesperrt, int(kreiswerte["wert"].sum())
    )


def pruefe_knack_die_tabelle(
    antwort: object, tabelle: Angriffstabelle, versuch: int = 1
) -> Rueckmeldung:
    """Prüft, ob die gesperrte Zahl richtig zurückgerechnet wurde."""
    if len(tabelle.geheim) != 1:
        raise ValueError("Die Übung braucht genau eine gesperrte Gemeinde.")
    gemeinde, richtig = tabelle.geheim.index[0], int(tabelle.geheim.iloc[0])
    wert = lies_zahl(antwort)
    if wert is None:
        if str(antwort).strip() in {GEHEIM, "", "?", "x"} or "nicht" in str(antwort).lower():
            return Rueckmeldung(
                False,
                "Doch, es geht: Die Kreissumme steht in der Tabelle, alle anderen Gemeinden "
                "auch. Was bleibt übrig, wenn Sie die sichtbaren Gemeinden von der Summe "
                "abziehen?",
            )
        return Rueckmeldung(
            False, f"„{antwort}“ ist keine Zahl. Geben Sie eine Anzahl ein, z. B. 5."
        )
    sichtbar = int(tabelle.veroeffentlicht.sum())
    if wert == richtig:
        return Rueckmeldung(
            True,
            f"{zahl(tabelle.insgesamt)} − {zahl(sichtbar)} = {zahl(richtig)}. In {gemeinde} "
            f"werden {zahl(richtig)} Kinder betreut – die Sperrung hat nichts geschützt. "
            "Deshalb braucht jede Tabelle mit Summe eine sekundäre Sperrung.",
        )
    if wert == tabelle.insgesamt:
        return Rueckmeldung(
            False, "Das ist die Kreissumme selbst. Ziehen Sie die sichtbaren Gemeinden davon ab."
        )
    if wert == sichtbar:
        return Rueckmeldung(
            False,
            "Das ist die Summe der sichtbaren Gemeinden. Die gesperrte Zahl ist der Rest bis "
            "zur Kreissumme.",
        )
    if wert == -richtig:
        return Rueckmeldung(False, "Das Vorzeichen stimmt nicht: Summe minus sichtbare Gemeinden.")
    for name, einzel in tabelle.veroeffentlicht.items():
        if wert - richtig == einzel:
            return Rueckmeldung(
                False, f"Fast: Sie haben {name} ({zahl(einzel)}) beim Abziehen vergessen."
            )
        if richtig - wert == einzel:
            return Rueckmeldung(
                False, f"Fast: Sie haben {name} ({zahl(einzel)}) doppelt abgezogen."
            )
    if versuch <= 1:
        hinweis = "Rechnen Sie: Kreissumme minus alle Gemeinden, deren Zahl sichtbar ist."
    else:
        hinweis = (
            f"Die Kreissumme ist {zahl(tabelle.insgesamt)}, die sichtbaren Gemeinden ergeben "
            f"zusammen {zahl(sichtbar)}."
        )
    return Rueckmeldung(False, f"{zahl(wert)} stimmt nicht. {hinweis}")


def aufgabe_knack_die_tabelle(tabelle: Angriffstabelle) -> Selbstkontrolle:
    """Eingabefeld mit Selbstkontrolle zur Übung „Knack die Tabelle“."""
    gemeinde = tabelle.geheim.index[0] if len(tabelle.geheim) == 1 else "die gesperrte Gemeinde"
    return Selbstkontrolle(
        lambda antwort, versuch: pruefe_knack_die_tabelle(antwort, tabelle, versuch),
        beschriftung=f"Betreute Kinder {tabelle.altersgruppe} Jahren in {gemeinde}:",
        platzhalter="z. B. 5",
    )


# --- Teil 2: dieselbe Tabelle, richtig gesperrt -------------------------------------------


def sichere_sperrung(tabelle: Angriffstabelle):
    """Dieselbe Gemeindetabelle mit primärer und sekundärer Sperrung (geprüft)."""
    from bimo.geheimhaltung import sperre_tabelle

    return sperre_tabelle(tabelle.werte.to_frame(tabelle.altersgruppe))


def sichere_anzeige(tabelle: Angriffstabelle) -> pd.DataFrame:
    """Die richtig gesperrte Tabelle, wie sie veröffentlicht würde (eine Spalte, „.“ gesperrt)."""
    from bimo.geheimhaltung import INSGESAMT as SUMME

    text = sichere_sperrung(tabelle).anzeige()[[tabelle.altersgruppe]]
    text = text.rename(
        index={SUMME: INSGESAMT},
        columns={tabelle.altersgruppe: f"Kinder {tabelle.altersgruppe} Jahren in Betreuung"},
    )
    text.index.name = "Gemeinde"
    return text


def pruefe_knack_teil2(antwort: object, tabelle: Angriffstabelle, versuch: int = 1) -> Rueckmeldung:
    """Prüft die größte Zahl, die ein Angreifer für die primär gesperrte Gemeinde noch
    für möglich halten muss (obere Grenze seines Intervalls)."""
    sperrung = sichere_sperrung(tabelle)
    gemeinde = tabelle.geheim.index[0]
    wahr = int(tabelle.geheim.iloc[0])
    unten, oben = sperrung.pruefung.intervall(gemeinde, tabelle.altersgruppe)
    oben = round(oben)
    wert = lies_zahl(antwort)
    if wert is None:
        return Rueckmeldung(False, f"„{antwort}“ ist keine Zahl. Geben Sie eine Anzahl ein.")
    gesperrt = sperrung.gesperrt[tabelle.altersgruppe]
    andere = [g for g in gesperrt.index[gesperrt] if g not in (gemeinde, "Insgesamt")]
    if wert == oben:
        return Rueckmeldung(
            True,
            f"Der Rest bis zur Kreissumme ist {zahl(oben)}, und er verteilt sich auf "
            f"{gemeinde} und {', '.join(andere)}. Für {gemeinde} ist darum alles von "
            f"{zahl(round(unten))} bis {zahl(oben)} möglich – der Angreifer weiß weder, ob "
            "dort überhaupt Kinder betreut werden, noch, ob es weniger als 3 sind.",
        )
    if wert == wahr:
        return Rueckmeldung(
            False,
            "Das ist der wahre Wert aus Teil 1 – den kennt der Angreifer jetzt aber nicht mehr. "
            "Er sieht nur die Kreissumme und die Gemeinden ohne „.“.",
        )
    if andere and wert == oben - int(tabelle.werte[andere].sum()) and wert != oben:
        return Rueckmeldung(
            False,
            f"Dafür müssten Sie den Wert von {', '.join(andere)} kennen – der ist aber auch "
            "gesperrt. Der Angreifer muss damit rechnen, dass er 0 ist.",
        )
    if 0 < wert < oben:
        return Rueckmeldung(
            False,
            "Der Rest bis zur Kreissumme könnte auch ganz in dieser einen Gemeinde liegen. Wie "
            "groß ist er?",
        )
    if versuch <= 1:
        hinweis = "Ziehen Sie alle sichtbaren Gemeinden von der Kreissumme ab."
    else:
        sichtbar = int(tabelle.insgesamt - oben)
        hinweis = (
            f"Die sichtbaren Gemeinden ergeben zusammen {zahl(sichtbar)}, die Kreissumme ist "
            f"{zahl(tabelle.insgesamt)}."
        )
    return Rueckmeldung(False, f"{zahl(wert)} stimmt nicht. {hinweis}")


def aufgabe_knack_teil2(tabelle: Angriffstabelle) -> Selbstkontrolle:
    """Eingabefeld mit Selbstkontrolle für Teil 2 der Übung."""
    gemeinde = tabelle.geheim.index[0] if len(tabelle.geheim) == 1 else "die gesperrte Gemeinde"
    return Selbstkontrolle(
        lambda antwort, versuch: pruefe_knack_teil2(antwort, tabelle, versuch),
        beschriftung=f"Größte Zahl, die für {gemeinde} jetzt noch möglich ist:",
        platzhalter="z. B. 5",
    )
