"""Übung „Cell-Key“: Was das Überlagern mit Zufallsabweichungen mit einer Tabelle macht.

Ein Schieberegler stellt die größte Abweichung D ein; daneben stehen die
Originaltabelle (nur zum Lernen, eine echte Veröffentlichung zeigt sie nie) und
die überlagerte Tabelle. Drei Fragen mit Auswahlantworten prüfen die
Eigenschaften des Verfahrens.
"""

from __future__ import annotations

from functools import lru_cache

import pandas as pd

from bimo.kapitel.datenschutz import cellkey_daten, cellkey_vergleich, summenabweichung
from bimo.kern.format import zahl
from bimo.uebungen._basis import Auswahlkontrolle, Rueckmeldung, mit_statischem_ersatz

SOZIALRAEUME = ("SR01", "SR02", "SR03", "SR31", "SR32")

#: Frage → (Antwortmöglichkeiten, richtige Antwort, Erklärung richtig, {falsch: Erklärung})
FRAGEN: dict[str, tuple[tuple[str, ...], str, str, dict[str, str]]] = {
    "gleiche_zelle": (
        ("ja, immer", "nein, jedes Mal anders", "nur bei großen Zahlen"),
        "ja, immer",
        "Der Zellschlüssel hängt nur davon ab, welche Datensätze in der Zelle stecken. "
        "Dieselbe Zelle bekommt darum in jeder Tabelle dieselbe Abweichung – wer sie "
        "mehrfach abfragt, kann nichts herausmitteln.",
        {
            "nein, jedes Mal anders": "Dann könnte man dieselbe Zelle oft abfragen und den "
            "Mittelwert bilden – genau das verhindert der feste Schlüssel.",
            "nur bei großen Zahlen": "Die Größe spielt keine Rolle: Der Schlüssel der Zelle "
            "ist fest, egal wie groß sie ist.",
        },
    ),
    "summen": (
        ("ja, genau", "nein, nicht unbedingt", "nur die Spaltensummen"),
        "nein, nicht unbedingt",
        "Jede Summe wird als eigene Zelle überlagert. Darum passen Summe und Teile danach oft "
        "nicht mehr genau zusammen – das ist gewollt und muss in Berichten erklärt werden.",
        {
            "ja, genau": "Vergleichen Sie in der überlagerten Tabelle eine Zeilensumme mit der "
            "Summe ihrer Zellen – die Spalte „Summe minus Teile“ zeigt die Differenz.",
            "nur die Spaltensummen": "Zeilen- und Spaltensummen werden gleich behandelt: beide "
            "für sich überlagert.",
        },
    ),
    "nullen": (
        ("ja, Nullen bleiben null", "nein, auch Nullen werden verändert", "nur wenn D = 1"),
        "ja, Nullen bleiben null",
        "Eine echte Null hat keine Datensätze, die man schützen müsste; sie bleibt null. "
        "Dafür erscheinen die kleinsten Zahlen (hier 1 und 2) nach der Überlagerung nie.",
        {
            "nein, auch Nullen werden verändert": "Schauen Sie auf die Nullen der "
            "Originaltabelle: In der überlagerten Tabelle stehen dort ebenfalls Nullen.",
            "nur wenn D = 1": "Schieben Sie den Regler: Die Nullen bleiben bei jedem D null.",
        },
    ),
}


def pruefe_cellkey(frage: str, antwort: object, versuch: int = 1) -> Rueckmeldung:
    """Prüft eine Auswahlantwort zu den Eigenschaften des Cell-Key-Verfahrens."""
    if frage not in FRAGEN:
        return Rueckmeldung(
            False, f"Unbekannte Frage „{frage}“; möglich sind: {', '.join(FRAGEN)}."
        )
    optionen, richtig, erklaerung, falsch = FRAGEN[frage]
    if antwort is None or str(antwort) not in optionen:
        return Rueckmeldung(
            False, "Bitte wählen Sie eine der Antworten aus: " + " / ".join(optionen) + "."
        )
    if str(antwort) == richtig:
        return Rueckmeldung(True, erklaerung)
    text = falsch[str(antwort)]
    if versuch > 1:
        text += f" (Richtig wäre: „{richtig}“.)"
    return Rueckmeldung(False, text)


@lru_cache(maxsize=16)
def tabellen(d_max: int = 2, saat: int = 17) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Original und überlagerte Tabelle (Sozialraum × Förderschwerpunkt) für ein D."""
    return cellkey_vergleich(
        cellkey_daten(saat), "sozialraum", "foerderschwerpunkt", list(SOZIALRAEUME), d_max=d_max
    )


def abweichung(zeile: str, spalte: str, d_max: int = 2) -> int:
    """Abweichung einer Zelle: überlagert minus Original."""
    original, ueberlagert = tabellen(d_max)
    return int(ueberlagert.loc[zeile, spalte] - original.loc[zeile, spalte])


def aufgabe_cellkey(saat: int = 17):
    """Schieberegler für D mit beiden Tabellen, darunter drei Auswahlfragen."""
    import ipywidgets as w

    regler = w.IntSlider(value=2, min=1, max=4, description="größte Abweichung D")
    regler.style.description_width = "initial"
    anzeige = w.HTML()

    def zeigen(_aenderung=None):  # noqa: ANN001
        original, ueberlagert = tabellen(regler.value, saat)
        mit_summe = ueberlagert.assign(**{"Summe minus Teile": summenabweichung(ueberlagert)})
        anzeige.value = (
            "<p><b>Original</b> (nur zum Lernen – so würde es nie veröffentlicht)</p>"
            + original.map(zahl).to_html()
            + f"<p><b>Überlagert mit D = {regler.value}</b></p>"
            + mit_summe.map(zahl).to_html()
        )

    regler.observe(zeigen, names="value")
    zeigen()
    texte = {
        "gleiche_zelle": "Bekommt dieselbe Zelle bei jeder Abfrage dieselbe Abweichung?",
        "summen": "Ergeben die überlagerten Zellen zusammen die überlagerte Summe?",
        "nullen": "Bleiben echte Nullen null?",
    }
    fragen = [
        Auswahlkontrolle(
            lambda antwort, versuch, schluessel=schluessel: pruefe_cellkey(
                schluessel, antwort, versuch
            ),
            frage,
            list(FRAGEN[schluessel][0]),
            knoepfe=True,
        )
        for schluessel, frage in texte.items()
    ]
    box = w.VBox([regler, anzeige, *(f.oberflaeche for f in fragen)])
    box.regler, box.anzeige, box.fragen = regler, anzeige, fragen
    return mit_statischem_ersatz(
        box,
        "ein Schieberegler für die größte Abweichung D (1 bis 4), darunter die "
        "Originaltabelle und die überlagerte Tabelle (Sozialraum × Förderschwerpunkt) mit der "
        "Spalte „Summe minus Teile“; dazu drei Fragen mit Optionsfeldern, je mit Knopf "
        "„Prüfen“: " + " ".join(f"„{t}“" for t in texte.values()),
    )
