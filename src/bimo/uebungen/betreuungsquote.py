"""Selbstkontrolle der Übung „Betreuungsquote berechnen“.

Erkennt die typischen Fehler Anteil statt Prozent, Tagespflege vergessen,
Zähler/Nenner vertauscht, Nenner unter 6 und falscher Stichtag.
"""

from __future__ import annotations

from dataclasses import dataclass

from bimo import daten
from bimo.daten.musterland import ALTERSGRUPPEN_KITA
from bimo.kern.format import prozent, zahl
from bimo.uebungen._basis import Rueckmeldung, Selbstkontrolle, lies_zahl

TOLERANZ = 0.1  # Prozentpunkte: Rundung auf eine Nachkommastelle ist in Ordnung


@dataclass(frozen=True)
class _Zahlen:
    kita: int
    pflege: int
    nenner_vorjahr: int
    nenner_gleiches_jahr: int | None
    nenner_unter_6: int


def _zahlen(ags: str, jahr: int, altersgruppe: str) -> _Zahlen:
    kita = daten.lade("kindertagesbetreuung")
    bev = daten.lade("bevoelkerung")
    von, bis = ALTERSGRUPPEN_KITA[altersgruppe]
    auswahl = kita[
        (kita["ags"] == ags) & (kita["jahr"] == jahr) & (kita["altersgruppe"] == altersgruppe)
    ]
    if auswahl.empty:
        raise daten.DatenFehler(f"Für {ags} im Jahr {jahr} gibt es keine Betreuungsdaten.")
    art = auswahl.set_index("betreuungsart")["wert"]

    def einwohner(j: int, a: int, b: int) -> int | None:
        teil = bev[(bev["ags"] == ags) & (bev["jahr"] == j) & bev["alter"].between(a, b - 1)]
        return int(teil["wert"].sum()) if not teil.empty else None

    return _Zahlen(
        int(art["Kindertageseinrichtung"]),
        int(art["Kindertagespflege"]),
        einwohner(jahr - 1, von, bis),
        einwohner(jahr, von, bis),
        einwohner(jahr - 1, 0, 6),
    )


def pruefe_betreuungsquote(
    antwort: object, ags: str, jahr: int, altersgruppe: str = "unter 3", versuch: int = 1
) -> Rueckmeldung:
    """Prüft eine selbst berechnete Betreuungsquote (in Prozent) für Kreis ``ags`` und ``jahr``."""
    wert = lies_zahl(antwort)
    if wert is None:
        return Rueckmeldung(
            False,
            f"„{antwort}“ ist keine Zahl. Geben Sie die Quote in Prozent "
            "ein, z. B. 35,2 (Komma oder Punkt gehen beide).",
        )
    z = _zahlen(ags, jahr, altersgruppe)
    zaehler = z.kita + z.pflege
    richtig = zaehler / z.nenner_vorjahr * 100
    if abs(wert - richtig) <= TOLERANZ:
        return Rueckmeldung(
            True,
            (
                f"{zahl(zaehler)} betreute Kinder je {zahl(z.nenner_vorjahr)} Kinder "
                f"{altersgruppe} Jahren ergeben {prozent(richtig)}."
            ),
        )

    typische_fehler = [
        (
            richtig / 100,
            "Sie haben einen Anteil (zwischen 0 und 1) angegeben. Die Quote wird "
            "in Prozent angegeben: je 100 Kinder – also mal 100.",
        ),
        (
            z.kita / z.nenner_vorjahr * 100,
            "Sie haben nur die Kindertageseinrichtungen gezählt. Zur Betreuungsquote gehören "
            "auch die Kinder in öffentlich geförderter Kindertagespflege.",
        ),
        (
            z.nenner_vorjahr / zaehler * 100,
            "Zähler und Nenner sind vertauscht: Oben stehen die betreuten Kinder, unten alle "
            "Kinder der Altersgruppe.",
        ),
        (
            zaehler / z.nenner_unter_6 * 100,
            f"Der Nenner umfasst zu viele Kinder: Nehmen Sie nur die Altersgruppe "
            f"„{altersgruppe}“, nicht alle Kinder unter 6 Jahren.",
        ),
    ]
    if z.nenner_gleiches_jahr:
        typische_fehler.append(
            (
                zaehler / z.nenner_gleiches_jahr * 100,
                f"Fast: Sie haben die Bevölkerung am 31.12.{jahr} genommen. Die Kinder werden am "
                f"01.03.{jahr} gezählt; der passende Nenner ist die Bevölkerung am "
                f"31.12.{jahr - 1}, dem letzten Stichtag davor.",
            )
        )
    for kandidat, hinweis in typische_fehler:
        if abs(wert - kandidat) <= max(TOLERANZ, abs(kandidat) * 0.002):
            return Rueckmeldung(False, hinweis)

    if versuch <= 1:
        hinweis = (
            "Die Betreuungsquote ist: betreute Kinder ÷ Kinder derselben Altersgruppe "
            "× 100. Prüfen Sie, welche Zeilen Sie für Zähler und Nenner ausgewählt haben."
        )
    elif versuch == 2:
        hinweis = (
            f"Zähler: Kinder {altersgruppe} Jahren in Kindertageseinrichtungen plus "
            f"Kindertagespflege am 01.03.{jahr}. Nenner: Bevölkerung im Alter "
            f"{altersgruppe} Jahren am 31.12.{jahr - 1}."
        )
    else:
        hinweis = (
            f"Der Rechenweg: ({zahl(z.kita)} + {zahl(z.pflege)}) ÷ "
            f"{zahl(z.nenner_vorjahr)} × 100. Rechnen Sie nach und runden Sie auf eine "
            "Nachkommastelle."
        )
    abstand = (
        f"Ihr Wert {zahl(wert, 1)} liegt {'über' if wert > richtig else 'unter'} dem Ergebnis."
    )
    return Rueckmeldung(False, f"{abstand} {hinweis}")


def aufgabe_betreuungsquote(ags: str, jahr: int, altersgruppe: str = "unter 3") -> Selbstkontrolle:
    """Die Selbstkontrolle zur Übung „Betreuungsquote berechnen“."""
    return Selbstkontrolle(
        lambda antwort, versuch: pruefe_betreuungsquote(antwort, ags, jahr, altersgruppe, versuch),
        beschriftung=f"Betreuungsquote {altersgruppe} Jahren {jahr} in %:",
    )
