"""Übung „k-Anonymität“: Wie viele Schülerdatensätze sind einmalig – und wie wird es besser?

Teil 1: Für vorgegebene Schlüsselmerkmale zählen, wie viele Datensätze einmalig
sind (fk = 1). Teil 2: Merkmale so vergröbern, dass jeder Datensatz mindestens
zwei Doppelgänger hat (k ≥ 3), ohne Raum, Alter und Geschlecht ganz aufzugeben.
"""

from __future__ import annotations

from functools import lru_cache

import pandas as pd

from bimo.geheimhaltung import k_anonymitaet
from bimo.kapitel.datenschutz import schuelerdaten_verallgemeinert
from bimo.kern.format import zahl
from bimo.uebungen._basis import Kontrolle, Rueckmeldung, Selbstkontrolle, lies_zahl

SCHLUESSEL_TEIL1 = ("sozialraum", "geburtsjahr", "geschlecht", "note_deutsch")

#: Merkmal → Gruppe der Information, die es trägt (für Teil 2)
INFORMATION = {
    "sozialraum": "Raum",
    "sozialraum_zusammengefasst": "Raum",
    "geburtsjahr": "Alter",
    "geburtsjahrgruppe": "Alter",
    "klassenstufe": "Alter",
    "geschlecht": "Geschlecht",
    "staatsangehoerigkeit": "Herkunft",
    "familiensprache": "Herkunft",
    "foerderschwerpunkt": "Förderung",
    "foerderbedarf": "Förderung",
}
PFLICHT = ("Raum", "Alter", "Geschlecht")
FEIN = {"sozialraum", "geburtsjahr", "foerderschwerpunkt"}


@lru_cache(maxsize=1)
def schuelerdaten() -> pd.DataFrame:
    """Die synthetischen Schülerdaten mit den vergröberten Merkmalen."""
    return schuelerdaten_verallgemeinert()


@lru_cache(maxsize=64)
def _fk(schluessel: tuple[str, ...]) -> pd.Series:
    return k_anonymitaet(schuelerdaten(), list(schluessel))


def pruefe_einmalige(
    antwort: object, schluessel: tuple[str, ...] = SCHLUESSEL_TEIL1, versuch: int = 1
) -> Rueckmeldung:
    """Prüft die Zahl der einmaligen Datensätze (fk = 1) für die Schlüsselmerkmale."""
    df = schuelerdaten()
    schluessel = tuple(schluessel)
    fk = _fk(schluessel)
    richtig = int((fk == 1).sum())
    wert = lies_zahl(antwort)
    if wert is None:
        return Rueckmeldung(
            False, f"„{antwort}“ ist keine Zahl. Geben Sie die Zahl der Datensätze ein, z. B. 50."
        )
    if wert == richtig:
        return Rueckmeldung(
            True,
            f"{zahl(richtig)} von {zahl(len(df))} Datensätzen sind einmalig: Wer diese "
            "Merkmale eines Kindes kennt, findet genau seinen Datensatz.",
        )
    teil = df[list(schluessel)]
    gruppen = len(teil.drop_duplicates())
    groesse = teil.groupby(list(schluessel), dropna=False)[schluessel[0]].transform("size")
    naiv = int((groesse == 1).sum())
    if wert == gruppen:
        return Rueckmeldung(
            False,
            "Das ist die Zahl der verschiedenen Merkmalskombinationen (Gruppen). Gefragt sind "
            "die Datensätze, die in ihrer Kombination allein stehen (fk = 1).",
        )
    if naiv != richtig and wert == naiv:
        return Rueckmeldung(
            False,
            "Fast – Sie haben fehlende Werte wie eine eigene Ausprägung gezählt. Ein fehlender "
            "Wert passt aber zu jedem Wert: Wer das Merkmal nicht kennt, kann damit niemanden "
            "ausschließen. Nutzen Sie bimo.geheimhaltung.k_anonymitaet.",
        )
    if wert == int((fk < 3).sum()):
        return Rueckmeldung(
            False,
            "Das sind alle Datensätze mit fk = 1 oder fk = 2 (nicht 3-anonym). Gefragt sind "
            "nur die einmaligen (fk = 1).",
        )
    if wert == len(df) - richtig:
        return Rueckmeldung(
            False, "Das sind die Datensätze, die NICHT einmalig sind. Gesucht ist der Rest."
        )
    if versuch <= 1:
        hinweis = "Berechnen Sie fk = k_anonymitaet(daten, schluessel) und zählen Sie fk == 1."
    else:
        hinweis = (
            f"Die {zahl(len(df))} Datensätze bilden {zahl(gruppen)} Kombinationen; "
            "einmalig ist ein Datensatz, der zu keinem anderen passt."
        )
    return Rueckmeldung(False, f"{zahl(wert)} stimmt nicht. {hinweis}")


def pruefe_verallgemeinerung(auswahl: object, k: int = 3, versuch: int = 1) -> Rueckmeldung:
    """Prüft eine Auswahl von Schlüsselmerkmalen: k-anonym und noch aussagekräftig?"""
    if isinstance(auswahl, str):
        auswahl = [auswahl]
    try:
        merkmale = [str(m) for m in auswahl]  # type: ignore[union-attr]
    except TypeError:
        merkmale = None
    if not merkmale:
        return Rueckmeldung(
            False, "Bitte wählen Sie Merkmale aus (mit Strg bzw. Cmd mehrere auf einmal)."
        )
    unbekannt = [m for m in merkmale if m not in INFORMATION]
    if unbekannt:
        return Rueckmeldung(
            False, f"Unbekannte Merkmale: {', '.join(unbekannt)}. Wählen Sie aus der Liste."
        )
    je_info: dict[str, list[str]] = {}
    for m in merkmale:
        je_info.setdefault(INFORMATION[m], []).append(m)
    doppelt = [ms for ms in je_info.values() if len(ms) > 1]
    if doppelt:
        return Rueckmeldung(
            False,
            f"{' und '.join(doppelt[0])} tragen dieselbe Information. Wer die feinere Variante "
            "kennt, kennt die gröbere auch – die Vergröberung bringt so nichts. Nehmen Sie nur "
            "eine davon.",
        )
    fehlt = [p for p in PFLICHT if p not in je_info]
    if fehlt:
        return Rueckmeldung(
            False,
            f"Ohne {', '.join(fehlt)} wäre es leicht anonym, aber die Auswertung braucht Raum, "
            "Alter und Geschlecht. Vergröbern Sie lieber, statt wegzulassen.",
        )
    fk = _fk(tuple(sorted(merkmale)))
    zu_klein = int((fk < k).sum())
    if zu_klein == 0:
        return Rueckmeldung(
            True,
            "Jeder Datensatz gehört zu einer Gruppe von mindestens "
            f"{zahl(int(fk.min()))} Datensätzen "
            f"(k = {zahl(int(fk.min()))} ≥ {k}). Die Daten sind {k}-anonym bezüglich dieser "
            "Merkmale.",
        )
    fein = sorted(set(merkmale) & FEIN)
    if versuch <= 1 or not fein:
        hinweis = "Vergröbern Sie ein Merkmal oder lassen Sie ein Zusatzmerkmal weg."
    else:
        hinweis = f"Noch fein sind: {', '.join(fein)}. Probieren Sie die gröbere Variante."
    return Rueckmeldung(
        False,
        f"{zahl(zu_klein)} Datensätze liegen in Gruppen mit weniger als {k} Datensätzen "
        f"(kleinstes fk = "
        f"{zahl(int(fk.min()))}). {hinweis}",
    )


def aufgabe_einmalige(schluessel: tuple[str, ...] = SCHLUESSEL_TEIL1) -> Selbstkontrolle:
    """Eingabefeld mit Selbstkontrolle für Teil 1."""
    return Selbstkontrolle(
        lambda antwort, versuch: pruefe_einmalige(antwort, schluessel, versuch),
        beschriftung=f"Einmalige Datensätze (fk = 1) bei {', '.join(schluessel)}:",
        platzhalter="z. B. 50",
    )


class Merkmalsauswahl(Kontrolle):
    """Mehrfachauswahl der Schlüsselmerkmale, Knopf „Prüfen“ und Rückmeldung."""

    def __init__(self, k: int = 3) -> None:
        import ipywidgets as w

        super().__init__(lambda auswahl, versuch: pruefe_verallgemeinerung(auswahl, k, versuch))
        self.auswahl = w.SelectMultiple(
            options=list(INFORMATION),
            value=("sozialraum", "geburtsjahr", "geschlecht"),
            rows=len(INFORMATION),
            description="Merkmale",
            layout=w.Layout(width="28em"),
        )
        self.oberflaeche = w.VBox([self.auswahl, self.knopf, self.ausgabe])

    def antwort(self) -> tuple[str, ...]:
        return tuple(self.auswahl.value)


def aufgabe_k_anonymitaet(k: int = 3) -> Merkmalsauswahl:
    """Mehrfachauswahl der Schlüsselmerkmale mit Prüfknopf für Teil 2."""
    return Merkmalsauswahl(k)
