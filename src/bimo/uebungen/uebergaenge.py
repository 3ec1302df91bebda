"""Selbstkontrolle der Übung „Übergänge nach Klasse 4“.

Geprüft werden eine selbst berechnete Übergangsquote (wie
:func:`bimo.indikatoren.uebergangsquote`: Übergänge auf eine Schulart ÷ alle
Übergänge in Klasse 5 × 100) und die Frage, warum Übergangsquoten verschiedener
Länder nicht ohne Weiteres vergleichbar sind.

Erkannt werden: Anteil statt Prozent, alle Schüler oder alle Grundschüler als
Nenner, Klasse 4 des falschen Schuljahres, Vorjahr und Berichtsjahr vermischt,
Zähler und Nenner vertauscht.
"""

from __future__ import annotations

from bimo import daten, indikatoren
from bimo.kern.format import prozent, zahl
from bimo.uebungen._basis import (
    Auswahlkontrolle,
    Rueckmeldung,
    Selbstkontrolle,
    lies_zahl,
    mit_statischem_ersatz,
)

TOLERANZ = 0.1  # Prozentpunkte

LAENDER_FRAGE = "Warum kann man Übergangsquoten verschiedener Länder nicht einfach vergleichen?"
LAENDER_ANTWORTEN: dict[str, tuple[bool, str]] = {
    "Die Schularten und die Regeln für den Übergang unterscheiden sich von Land zu Land.": (
        True,
        "Genau: Welche Schularten es nach der Grundschule gibt und wie der Übergang geregelt "
        "ist, legt jedes Land selbst fest. Eine „Realschule“ oder „Gesamtschule“ ist nicht "
        "überall dasselbe – und manche Schulart gibt es anderswo gar nicht.",
    ),
    "Größere Länder haben mehr Übergänge, deshalb sind die Zahlen nicht vergleichbar.": (
        False,
        "Die Größe gleicht die Quote gerade aus: Sie setzt die Übergänge ins Verhältnis zu allen "
        "Übergängen. Das Problem liegt woanders – worauf verteilen sich die Kinder überhaupt?",
    ),
    "Übergangsquoten unterliegen der Geheimhaltung und dürfen nicht verglichen werden.": (
        False,
        "Geheimhaltung schützt kleine Fallzahlen, sie verbietet keine Vergleiche. Denken Sie "
        "an die Kategorien, auf die sich die Anteile verteilen.",
    ),
    "Die Anteile ergeben in jedem Land zusammen 100 %, deshalb heben sie sich auf.": (
        False,
        "Dass sich die Anteile zu 100 % ergänzen, gilt überall und macht sie gerade lesbar. "
        "Entscheidend ist, welche Schularten in diesen 100 % stecken.",
    ),
}


def _trifft(wert: float, kandidat: float) -> bool:
    return abs(wert - kandidat) <= max(TOLERANZ, abs(kandidat) * 0.002)


def _summe(tabelle, **bedingungen) -> float:  # noqa: ANN001
    auswahl = tabelle
    for spalte, wert in bedingungen.items():
        auswahl = auswahl[auswahl[spalte] == wert]
    return float(auswahl["wert"].sum())


def pruefe_uebergaenge(
    antwort: object, ags: str, jahr: int, schulart: str = "Gymnasium", versuch: int = 1
) -> Rueckmeldung:
    """Prüft eine selbst berechnete Übergangsquote (in Prozent) auf ``schulart`` für Kreis
    ``ags`` im Schuljahr ``jahr``."""
    wert = lies_zahl(antwort)
    if wert is None:
        return Rueckmeldung(
            False,
            f"„{antwort}“ ist keine Zahl. Geben Sie die Quote in Prozent ein, z. B. 44,9 "
            "(Komma oder Punkt gehen beide).",
        )
    ue = daten.lade("uebergaenge")
    sch = daten.lade("schueler")
    ue_kreis = ue[ue["ags"] == ags]
    zaehler = _summe(ue_kreis, jahr=jahr, schulart=schulart)
    nenner = _summe(ue_kreis, jahr=jahr)
    if not nenner:
        return Rueckmeldung(False, f"Für {ags} im Jahr {jahr} gibt es keine Übergänge.")
    quote = indikatoren.uebergangsquote(ue, schulart)
    richtig = float(quote[(quote["ags"] == ags) & (quote["jahr"] == jahr)]["wert"].iloc[0])
    if _trifft(wert, richtig):
        return Rueckmeldung(
            True,
            f"{zahl(zaehler)} Übergänge auf die Schulart {schulart} je {zahl(nenner)} "
            f"Übergänge in Klasse 5 ergeben {prozent(richtig)}.",
        )

    sch_kreis = sch[sch["ags"] == ags]
    zaehler_vorjahr = _summe(ue_kreis, jahr=jahr - 1, schulart=schulart)
    nenner_vorjahr = _summe(ue_kreis, jahr=jahr - 1)
    klasse4_vorjahr = _summe(sch_kreis, jahr=jahr - 1, schulart="Grundschule", klassenstufe=4)
    klasse4_gleich = _summe(sch_kreis, jahr=jahr, schulart="Grundschule", klassenstufe=4)
    typische_fehler: list[tuple[float, str]] = [
        (
            richtig / 100,
            "Sie haben einen Anteil (zwischen 0 und 1) angegeben. Gefragt ist die Quote in "
            "Prozent – also mal 100.",
        ),
        (
            zaehler / _summe(sch_kreis, jahr=jahr) * 100,
            "Der Nenner ist viel zu groß: Sie haben alle Schülerinnen und Schüler des Kreises "
            "genommen. In den Nenner gehören nur die Kinder, die nach Klasse 4 wechseln.",
        ),
        (
            zaehler / _summe(sch_kreis, jahr=jahr, schulart="Grundschule") * 100,
            "Der Nenner ist zu groß: Sie haben alle Grundschüler (Klassen 1 bis 4) genommen. "
            "Es zählen nur die Kinder, die nach Klasse 4 wechseln.",
        ),
        (
            nenner / zaehler * 100 if zaehler else float("nan"),
            "Zähler und Nenner sind vertauscht: Oben stehen die Übergänge auf die eine Schulart.",
        ),
    ]
    if nenner_vorjahr:
        typische_fehler += [
            (
                zaehler_vorjahr / nenner_vorjahr * 100,
                f"Das ist die Quote des Vorjahres ({jahr - 1}). Gefragt ist das Schuljahr "
                f"{jahr}/{str(jahr + 1)[-2:]}.",
            ),
            (
                zaehler / nenner_vorjahr * 100,
                f"Zähler und Nenner stammen aus verschiedenen Jahren: Der Nenner ist aus "
                f"{jahr - 1}. Nehmen Sie beide aus {jahr}.",
            ),
            (
                zaehler_vorjahr / nenner * 100,
                f"Zähler und Nenner stammen aus verschiedenen Jahren: Der Zähler ist aus "
                f"{jahr - 1}. Nehmen Sie beide aus {jahr}.",
            ),
        ]
    if klasse4_gleich:
        typische_fehler.append(
            (
                zaehler / klasse4_gleich * 100,
                f"Die Klasse 4 im Schuljahr {jahr}/{str(jahr + 1)[-2:]} ist der nächste "
                "Jahrgang – diese Kinder wechseln erst im Jahr darauf. Nehmen Sie als Nenner "
                f"alle Übergänge in Klasse 5 im Jahr {jahr}.",
            )
        )
    if klasse4_vorjahr:
        typische_fehler.append(
            (
                zaehler / klasse4_vorjahr * 100,
                f"Gut gedacht: Die Klasse 4 von {jahr - 1}/{str(jahr)[-2:]} ist der Jahrgang, "
                "der wechselt. Die Übergangsquote bezieht sich aber auf alle Übergänge in "
                "Klasse 5; beide Zahlen sind nicht gleich (etwa durch Umzüge, Wiederholungen "
                "oder den Wechsel auf eine Förderschule). Nehmen Sie die Summe der Übergänge.",
            )
        )
    for kandidat, hinweis in typische_fehler:
        if kandidat == kandidat and _trifft(wert, kandidat):  # NaN überspringen
            return Rueckmeldung(False, hinweis)

    stufen = (
        f"Die Übergangsquote ist: Übergänge auf die Schulart {schulart} ÷ alle Übergänge in "
        "Klasse 5 × 100.",
        f"Nehmen Sie aus der Tabelle der Übergänge die Zeilen des Kreises {ags} im Jahr {jahr}: "
        f"im Zähler nur {schulart}, im Nenner die Summe aller Schularten.",
        f"Der Rechenweg: {zahl(zaehler)} ÷ {zahl(nenner)} × 100.",
    )
    abstand = (
        f"Ihr Wert {zahl(wert, 1)} liegt {'über' if wert > richtig else 'unter'} dem Ergebnis."
    )
    return Rueckmeldung(False, f"{abstand} {stufen[min(max(versuch, 1), 3) - 1]}")


def pruefe_laendervergleich(antwort: object, versuch: int = 1) -> Rueckmeldung:
    """Prüft die Antwort auf die Frage, warum Übergänge verschiedener Länder nicht ohne
    Weiteres vergleichbar sind (``antwort`` = Text einer der Antworten)."""
    text = str(antwort or "").strip()
    if text not in LAENDER_ANTWORTEN:
        return Rueckmeldung(False, "Bitte wählen Sie eine der Antworten aus.")
    richtig, erklaerung = LAENDER_ANTWORTEN[text]
    if not richtig and versuch >= 2:
        erklaerung += " Tipp: Schauen Sie, welche Schularten die Tabelle der Übergänge kennt."
    return Rueckmeldung(richtig, erklaerung)


def aufgabe_uebergaenge(ags: str, jahr: int, schulart: str = "Gymnasium"):  # noqa: ANN201
    """Die Selbstkontrollen zur Übung: die Übergangsquote und die Frage zum Ländervergleich."""
    import ipywidgets as w

    quote = Selbstkontrolle(
        lambda antwort, versuch: pruefe_uebergaenge(antwort, ags, jahr, schulart, versuch),
        beschriftung=f"a) Übergangsquote {schulart} {jahr} in %:",
        platzhalter="z. B. 44,9",
    )
    frage = Auswahlkontrolle(
        pruefe_laendervergleich, f"b) {LAENDER_FRAGE}", list(LAENDER_ANTWORTEN), knoepfe=True
    )
    return mit_statischem_ersatz(
        w.VBox([quote.oberflaeche, frage.oberflaeche]),
        f"a) ein Eingabefeld für die Übergangsquote {schulart} {jahr} in Prozent, b) "
        f"Optionsfelder zur Frage „{LAENDER_FRAGE}“; jede Frage hat einen Knopf „Prüfen“ "
        "mit Rückmeldung darunter.",
    )
