"""Selbstkontrolle der Übung „Zeichen statt Zahlen“.

Teil 1: die Zeichen ``-`` ``0`` ``.`` ``x`` ``/`` ``...`` einer Gruppe zuordnen; erkannt werden
die häufigen Verwechslungen (``-`` als fehlend, ``0`` als echte Null, ``x`` als geheim).
Teil 2: der Mittelwert einer kleinen Spalte mit ``-``; erkannt wird der Mittelwert, der
``-`` fälschlich als fehlend auslässt.
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from bimo import daten
from bimo.kern.format import zahl
from bimo.uebungen._basis import Rueckmeldung, Selbstkontrolle, Zuordnungskontrolle, lies_zahl

NULL = "echte Null"
VORHANDEN = "Wert vorhanden"
GEHEIM = "fehlend: geheim oder unbekannt"
ANDERS = "fehlend aus anderem Grund"
GRUPPEN = (NULL, VORHANDEN, GEHEIM, ANDERS)
"""Die Gruppen, in die die Zeichen sortiert werden."""

ZEICHEN = ("-", "0", ".", "x", "/", "...")
"""Die Zeichen der Übung, in der Reihenfolge der Oberfläche."""

BEDEUTUNG = {
    "-": "nichts vorhanden (genau null)",
    "0": "weniger als die Hälfte von 1 in der letzten besetzten Stelle, jedoch mehr als nichts",
    ".": "Zahlenwert unbekannt oder geheim zu halten",
    "x": "Tabellenfach gesperrt, weil Aussage nicht sinnvoll",
    "/": "keine Angabe, da Zahlenwert nicht sicher genug",
    "...": "Angabe fällt später an",
}
"""Die Zeichenerklärung der amtlichen Statistik für die Zeichen der Übung."""

_RICHTIG = {"-": NULL, "0": VORHANDEN, ".": GEHEIM, "x": ANDERS, "/": ANDERS, "...": ANDERS}

# Der Beispielkreis der Rechenaufgabe: Gemeinden mit einer echten Null
KREIS, JAHR, ALTERSGRUPPE = "17253", 2013, "unter 3"
TOLERANZ = 0.05


def _text(zeichen: str) -> str:
    return f"„{zeichen}“"


def pruefe_zeichen(antwort: object, versuch: int = 1) -> Rueckmeldung:
    """Prüft, ob jedes Zeichen in der richtigen Gruppe steht (``{"-": "echte Null", …}``)."""
    if not isinstance(antwort, Mapping):
        return Rueckmeldung(
            False,
            "Bitte ordnen Sie jedem Zeichen eine Gruppe zu, z. B. "
            '{"-": "echte Null", "0": "Wert vorhanden", …}.',
        )
    offen = [z for z in ZEICHEN if antwort.get(z) in (None, "")]
    if offen:
        return Rueckmeldung(
            False, f"Noch ohne Gruppe: {', '.join(map(_text, offen))}. Wählen Sie für jedes eine."
        )
    unbekannt = [z for z in ZEICHEN if antwort[z] not in GRUPPEN]
    if unbekannt:
        erlaubt = ", ".join(f"„{g}“" for g in GRUPPEN)
        return Rueckmeldung(
            False,
            f"Für {_text(unbekannt[0])} gibt es die Gruppe „{antwort[unbekannt[0]]}“ "
            f"nicht. Erlaubt sind: {erlaubt}.",
        )
    falsch = [z for z in ZEICHEN if antwort[z] != _RICHTIG[z]]
    if not falsch:
        return Rueckmeldung(
            True,
            "Nur „-“ ist eine echte Null, „0“ ist ein kleiner Wert, „.“ steht für geheim oder "
            "unbekannt; „x“, „/“ und „...“ fehlen aus anderen Gründen. Beim Rechnen heißt das: "
            "„-“ als 0 lesen, „.“, „x“, „/“ und „...“ als fehlend.",
        )
    gezielt = []
    if antwort["-"] != NULL:
        gezielt.append(
            "„-“ heißt „nichts vorhanden“ – das ist eine echte Null, kein fehlender Wert. "
            "Wer „-“ als fehlend liest, lässt Nullen weg und rechnet Mittelwerte zu hoch."
        )
    if antwort["0"] == NULL:
        gezielt.append(
            "„0“ ist nicht „nichts“: Es heißt weniger als die Hälfte von 1 in der letzten "
            "Stelle, aber mehr als nichts – ein Wert ist vorhanden, nur sehr klein."
        )
    if antwort["x"] == GEHEIM:
        gezielt.append(
            "Geheimhaltung kennzeichnet „.“, nicht „x“: „x“ heißt, das Tabellenfach ist "
            "gesperrt, weil eine Aussage nicht sinnvoll ist."
        )
    if antwort["."] != GEHEIM:
        gezielt.append("„.“ ist das Zeichen für „Zahlenwert unbekannt oder geheim zu halten“.")
    if gezielt:
        return Rueckmeldung(False, " ".join(gezielt))
    if versuch <= 1:
        hinweis = f"{len(falsch)} von {len(ZEICHEN)} Zeichen stehen noch in der falschen Gruppe."
    elif versuch == 2:
        hinweis = f"Prüfen Sie noch einmal: {', '.join(map(_text, falsch))}."
    else:
        hinweis = " ".join(f"{_text(z)} bedeutet: {BEDEUTUNG[z]}." for z in falsch)
    return Rueckmeldung(False, hinweis)


def spalte() -> pd.DataFrame:
    """Die Rechenspalte: betreute Kinder unter 3 Jahren in den Gemeinden eines Kreises.

    Wie in einer Veröffentlichung: durch die Geheimhaltung geschützt, echte Nullen als
    „-“, gesperrte Werte als „.“. Spalten ``ags``, ``name``, ``zelle`` (der Text in der
    Tabelle).
    """
    from bimo import geheimhaltung

    g = daten.lade("kindertagesbetreuung_gemeinden")
    auswahl = g[
        (g["jahr"] == JAHR) & (g["altersgruppe"] == ALTERSGRUPPE) & g["ags"].str.startswith(KREIS)
    ][["ags", "jahr", "wert"]]
    geschuetzt = geheimhaltung.schuetze_anzahlen(auswahl.reset_index(drop=True))
    zellen = [
        "." if gesperrt else ("-" if wert == 0 else zahl(wert))
        for wert, gesperrt in zip(
            geschuetzt.tabelle["wert"], geschuetzt.gesperrt["wert"], strict=True
        )
    ]
    tabelle = daten.mit_namen(geschuetzt.tabelle[["ags"]].assign(zelle=zellen))
    return tabelle.sort_values("ags").reset_index(drop=True)


def _mittelwerte() -> dict[str, float]:
    zellen = spalte()["zelle"]
    zahlen = pd.to_numeric(zellen.str.replace(".", "", regex=False), errors="coerce")
    strich = zellen == "-"
    return {
        "richtig": zahlen.mask(strich, 0.0).mean(),  # "-" = 0, "." fehlt
        "strich_fehlend": zahlen.mean(),  # "-" weggelassen
        "alles_null": zahlen.fillna(0.0).mean(),  # auch "." als 0
        "summe": zahlen.mask(strich, 0.0).sum(),
        "anzahl": float((zahlen.notna() | strich).sum()),
    }


def pruefe_mittelwert(antwort: object, versuch: int = 1) -> Rueckmeldung:
    """Prüft den Mittelwert der Rechenspalte (:func:`spalte`) je Gemeinde."""
    wert = lies_zahl(antwort)
    if wert is None:
        return Rueckmeldung(
            False, f"„{antwort}“ ist keine Zahl. Geben Sie den Mittelwert ein, z. B. 23,4."
        )
    m = _mittelwerte()
    if abs(wert - m["richtig"]) <= TOLERANZ:
        return Rueckmeldung(
            True,
            f"{zahl(m['summe'])} Kinder in {zahl(m['anzahl'])} Gemeinden ergeben im Mittel "
            f"{zahl(m['richtig'], 1)} je Gemeinde – „-“ zählt als 0 mit.",
        )
    if abs(wert - m["strich_fehlend"]) <= TOLERANZ:
        return Rueckmeldung(
            False,
            "Sie haben „-“ als fehlend behandelt (das passiert z. B. mit "
            'pd.to_numeric(…, errors="coerce")). „-“ heißt aber „nichts vorhanden“: '
            "Die Gemeinde zählt mit 0 Kindern "
            "mit, der Mittelwert wird kleiner.",
        )
    if abs(wert - m["alles_null"]) <= TOLERANZ and m["alles_null"] != m["richtig"]:
        return Rueckmeldung(
            False,
            "Sie haben auch „.“ als 0 gezählt. „.“ heißt geheim oder unbekannt – der Wert "
            "fehlt und gehört nicht in den Mittelwert.",
        )
    if abs(wert - m["summe"]) <= TOLERANZ:
        return Rueckmeldung(
            False, "Das ist die Summe. Teilen Sie noch durch die Zahl der Gemeinden."
        )
    if versuch <= 1:
        hinweis = "Mittelwert = Summe der Werte ÷ Zahl der Werte. Was zählt „-“?"
    elif versuch == 2:
        hinweis = "Lesen Sie „-“ als 0 und „.“ als fehlend; dann Summe ÷ Zahl der Werte."
    else:
        hinweis = (
            f"Der Rechenweg: {zahl(m['summe'])} ÷ {zahl(m['anzahl'])} – die Gemeinde mit „-“ "
            "zählt mit."
        )
    return Rueckmeldung(False, hinweis)


def aufgabe_zeichen() -> Zuordnungskontrolle:
    """Teil 1 der Übung: Auswahlfelder je Zeichen mit Selbstkontrolle."""
    return Zuordnungskontrolle(
        pruefe_zeichen,
        "Ordnen Sie jedes Zeichen einer Gruppe zu:",
        {z: f"„{z}“" for z in ZEICHEN},
        list(GRUPPEN),
    )


def aufgabe_mittelwert() -> Selbstkontrolle:
    """Teil 2 der Übung: Eingabefeld für den Mittelwert mit Selbstkontrolle."""
    return Selbstkontrolle(
        lambda antwort, versuch: pruefe_mittelwert(antwort, versuch),
        beschriftung="Mittelwert je Gemeinde:",
        platzhalter="z. B. 23,4",
    )
