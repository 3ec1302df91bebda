"""Übung „Entlang des Lebenslaufs“: Indikatoren ihren Themenfeldern zuordnen.

Die richtige Zuordnung steht im Indikatorenregister (:mod:`bimo.indikatoren`).
Die Übung wählt Indikatoren, bei denen man sich leicht vertut, und erklärt
die typischen Verwechslungen.
"""

from __future__ import annotations

from bimo import indikatoren
from bimo.uebungen._basis import Rueckmeldung, Zuordnungskontrolle

#: Die Indikatoren der Übung – je Themenfeld einer, in der Reihenfolge der Aufgabe.
AUSWAHL = (
    "sgb2_quote_unter_15",
    "anteil_nichtdeutsche",
    "anteil_studienanfaenger",
    "kinder_je_kita",
    "foerderschulbesuchsquote",
    "vhs_belegungen_je_1000",
)

#: Typische Verwechslungen: (Indikator, falsches Themenfeld) -> gezielter Hinweis.
VERWECHSLUNGEN: dict[tuple[str, str], str] = {
    ("sgb2_quote_unter_15", "Frühkindliche Bildung"): (
        "Die SGB-II-Quote der unter 15-Jährigen handelt von Kindern, misst aber kein "
        "Bildungsangebot, sondern wie viele Kinder in Familien mit Grundsicherung leben."
    ),
    ("sgb2_quote_unter_15", "Rahmenbedingungen/Demografie"): (
        "Die SGB-II-Quote beschreibt keine Altersstruktur und keine Herkunft, sondern Armut: "
        "Dafür hat das Register ein eigenes Themenfeld."
    ),
    ("anteil_nichtdeutsche", "Soziale Lage"): (
        "Die Staatsangehörigkeit sagt nichts über Einkommen oder Armut. Sie beschreibt, wie "
        "sich die Bevölkerung zusammensetzt – eine demografische Rahmenbedingung."
    ),
    ("anteil_studienanfaenger", "Weiterbildung"): (
        "Ein Studium direkt nach der Schule ist Erstausbildung, keine Weiterbildung. Die "
        "integrierte Ausbildungsberichterstattung (iABE) führt das Studium als einen ihrer "
        "Sektoren neben Berufsausbildung und Übergangsbereich."
    ),
    ("anteil_studienanfaenger", "Allgemeinbildende Schulen"): (
        "Die Hochschulreife erwirbt man an der Schule; der Studienbeginn ist schon der nächste "
        "Schritt – er zählt in der iABE zu den Neuzugängen nach der Schule."
    ),
    ("kinder_je_kita", "Rahmenbedingungen/Demografie"): (
        "Gezählt werden Kinder in Einrichtungen, nicht Kinder in der Bevölkerung: Die Kennzahl "
        "beschreibt das Angebot der Kindertagesbetreuung."
    ),
    ("foerderschulbesuchsquote", "Soziale Lage"): (
        "Die Förderschulbesuchsquote misst, wie viele Schülerinnen und Schüler eine Förderschule "
        "besuchen – eine Kennzahl des Schulsystems, nicht der sozialen Lage der Familien."
    ),
    ("vhs_belegungen_je_1000", "Berufliche Bildung"): (
        "Volkshochschulkurse besuchen Erwachsene nach ihrer Ausbildung – das ist Weiterbildung, "
        "auch wenn mancher Kurs dem Beruf dient."
    ),
}


def aufgabe_elemente() -> dict[str, str]:
    """Die Indikatoren der Übung: Kennung -> Name."""
    return {k: indikatoren.indikator(k).name for k in AUSWAHL}


def richtige_zuordnung() -> dict[str, str]:
    """Kennung -> Themenfeld, so wie es im Indikatorenregister steht."""
    return {k: indikatoren.indikator(k).themenfeld for k in AUSWAHL}


def pruefe_themenfelder(antwort: object, versuch: int = 1) -> Rueckmeldung:
    """Prüft eine Zuordnung ``{kennung: themenfeld}`` der Indikatoren aus :data:`AUSWAHL`."""
    if not isinstance(antwort, dict):
        return Rueckmeldung(
            False, "Ordnen Sie jedem Indikator ein Themenfeld zu (je Indikator ein Auswahlfeld)."
        )
    richtig = richtige_zuordnung()
    offen = [k for k in AUSWAHL if not antwort.get(k)]
    if len(offen) == len(AUSWAHL):
        return Rueckmeldung(False, "Sie haben noch nichts zugeordnet.")
    unbekannt = [str(v) for v in antwort.values() if v and v not in indikatoren.THEMENFELDER]
    if unbekannt:
        return Rueckmeldung(
            False,
            f"„{unbekannt[0]}“ ist kein Themenfeld. Möglich sind: "
            + ", ".join(indikatoren.THEMENFELDER)
            + ".",
        )
    falsch = [k for k in AUSWAHL if antwort.get(k) and antwort[k] != richtig[k]]
    if not falsch and not offen:
        return Rueckmeldung(
            True,
            "Alle sechs Themenfelder sind belegt – von der Kita bis zur Volkshochschule, dazu "
            "die Rahmenbedingungen und die soziale Lage. So sieht ein Monitoring entlang des "
            "Lebenslaufs aus.",
        )
    namen = aufgabe_elemente()
    teile = []
    gezielt = [k for k in falsch if (k, antwort[k]) in VERWECHSLUNGEN]
    for k in gezielt:
        teile.append(f"{namen[k]}: {VERWECHSLUNGEN[(k, antwort[k])]}")
    rest = [k for k in falsch if k not in gezielt]
    if rest:
        if versuch <= 1:
            teile.append(
                f"{len(rest)} weitere Zuordnung{'en stimmen' if len(rest) > 1 else ' stimmt'} "
                "noch nicht. Fragen Sie bei jedem Indikator: Welche Lebensphase oder welcher "
                "Bildungsbereich wird gemessen?"
            )
        elif versuch == 2:
            teile.append("Prüfen Sie noch einmal: " + "; ".join(namen[k] for k in rest) + ".")
        else:
            teile.append(
                " ".join(
                    f"{namen[k]} – Definition: {indikatoren.indikator(k).definition}" for k in rest
                )
            )
    if offen:
        teile.append(f"Noch ohne Themenfeld: {', '.join(namen[k] for k in offen)}.")
    richtig_anzahl = len(AUSWAHL) - len(falsch) - len(offen)
    return Rueckmeldung(False, f"{richtig_anzahl} von {len(AUSWAHL)} richtig. " + " ".join(teile))


def aufgabe_themenfelder() -> Zuordnungskontrolle:
    """Die Oberfläche: je Indikator ein Auswahlfeld mit den Themenfeldern, Knopf „Prüfen“."""
    return Zuordnungskontrolle(
        pruefe_themenfelder,
        "Zu welchem Themenfeld gehört jeder Indikator?",
        aufgabe_elemente(),
        list(indikatoren.THEMENFELDER),
        breite="46em",
    )
