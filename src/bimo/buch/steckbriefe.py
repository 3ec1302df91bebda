"""Die Steckbrief-Seiten des Buchs, erzeugt aus dem Indikatorenregister.

Eine Quelle: :data:`bimo.indikatoren.REGISTER`. ``make steckbriefe`` (oder
``bimo steckbriefe``) schreibt je Indikator eine Seite nach
``book/steckbriefe/indikatoren/`` und eine Übersicht; ein Test prüft, dass die
eingecheckten Seiten zum Register passen. Die Werte-Tabelle jeder Seite läuft
durch :mod:`bimo.geheimhaltung`.
"""

from __future__ import annotations

from pathlib import Path

from bimo import daten, geheimhaltung, indikatoren
from bimo.buch.wurzel import buchwurzel
from bimo.daten import katalog
from bimo.indikatoren.adapter import amtliche_tabellen
from bimo.kern import format as zahlformat
from bimo.kern.dateien import schreibe_atomar
from bimo.kern.format import zahl

ZIEL = buchwurzel() / "book" / "steckbriefe"


def _wert_text(wert: object, einheit: str) -> str:
    return zahlformat.wert(wert, einheit, 1, mit_einheit=False)  # type: ignore[arg-type]


def werte_tabelle(kennung: str) -> str:
    """Werte des letzten Jahres für das Land und alle Kreise (Markdown), geheim gehalten."""
    ind = indikatoren.indikator(kennung)
    tabelle = ind.berechne(land=True)
    jahr = int(tabelle["jahr"].max())
    geschuetzt = geheimhaltung.schuetze_quoten(tabelle, summenzeile=daten.LAND_AGS)
    werte = geschuetzt.tabelle.assign(gesperrt=geschuetzt.gesperrt["wert"])
    werte = daten.mit_namen(werte[werte["jahr"] == jahr])
    werte = werte.sort_values("ags", key=lambda s: s.where(s != daten.LAND_AGS, ""))
    zeilen = [f"| Gebiet | Wert ({ind.einheit}) | Zähler | Nenner |", "|---|--:|--:|--:|"]
    for z in werte.itertuples(index=False):
        if z.gesperrt:
            wert = zaehler = nenner = geheimhaltung.GEHEIM
        else:
            wert = _wert_text(float(z.wert), ind.einheit)
            zaehler, nenner = zahl(float(z.zaehler)), zahl(float(z.nenner))
        name = f"**{z.name}**" if z.ags == daten.LAND_AGS else z.name
        zeilen.append(f"| {name} | {wert} | {zaehler} | {nenner} |")
    return (
        f"## Werte in Musterland {jahr}\n\n" + "\n".join(zeilen) + "\n\n"
        "Musterland: synthetische Beispieldaten (CC BY 4.0), eigene Berechnung mit "
        f'`bimo.indikatoren.indikator("{kennung}").berechne()`. Fallzahlen unter '
        f"{geheimhaltung.MINDESTFALLZAHL} wären gesperrt („.“).\n"
    )


def echte_daten(kennung: str) -> str:
    """Abschnitt „Mit echten Daten“: welche Tabellen der Regionaldatenbank den Indikator
    speisen (aus dem Tabellenkatalog und den Adaptern), oder dass es keine amtliche gibt."""
    zeilen = []
    for tabelle, codes in amtliche_tabellen(kennung).items():
        if codes:
            titel = "; ".join(f"`{c}` ({katalog.eintrag(c).titel})" for c in codes)
            zeilen.append(f"- {tabelle}: {titel}")
        else:
            zeilen.append(
                f"- {tabelle}: **keine Kreistabelle der Regionaldatenbank**, die bimo einliest – "
                "diese Zahlen kommen aus kommunalen oder eigenen Quellen (in Musterland "
                "synthetisch); ein Bericht aus echten Downloads sagt, dass die Kennzahl fehlt."
            )
    return (
        "## Mit echten Daten\n\n"
        "Aus einem Ordner mit Downloads der Regionaldatenbank (`bimo berichte --daten ORDNER`, "
        "prüfen mit `bimo daten pruefen ORDNER`) liest bimo diese Tabellen, auch als `-5` "
        "(Gemeinden), `-B` (regionale Ebenen) und als Flatfile:\n\n" + "\n".join(zeilen) + "\n"
    )


def seite(kennung: str) -> str:
    """Die vollständige Steckbrief-Seite eines Indikators (MyST-Markdown)."""
    return (
        f"({kennung})=\n"
        + indikatoren.steckbrief(kennung).markdown.rstrip()
        + "\n\n"
        + echte_daten(kennung)
        + "\n"
        + werte_tabelle(kennung)
    )


def uebersicht() -> str:
    teile = [
        "# Indikator-Steckbriefe\n",
        "Jeder Indikator des Werkstattbuchs hat einen Steckbrief: Definition, Zähler und "
        "Nenner, Quelle, Stichtag, Einheit, Lesart und Hinweise – und seine Werte für "
        "Musterland. Alle Seiten entstehen aus dem Indikatorenregister "
        "`bimo.indikatoren.REGISTER`; dieselben Definitionen rechnen im Buch und in den "
        "Berichten.\n",
    ]
    for feld, liste in indikatoren.nach_themenfeld().items():
        if liste:
            teile.append(f"## {feld}\n")
            teile += [f"- {{ref}}`{i.name} <{i.kennung}>`" for i in liste]
            teile.append("")
    return "\n".join(teile) + "\n"


def dateiname(kennung: str) -> str:
    """Dateiname mit laufender Nummer nach Themenfeld, damit das Inhaltsverzeichnis
    (``glob``, alphabetisch) der Reihenfolge des Registers folgt."""
    reihenfolge = [i.kennung for liste in indikatoren.nach_themenfeld().values() for i in liste]
    return f"{reihenfolge.index(kennung) + 1:02d}_{kennung}.md"


def schreibe(ziel: Path | str = ZIEL) -> list[Path]:
    """Schreibt Übersicht und Steckbriefe; entfernt Seiten nicht mehr vorhandener Indikatoren."""
    ziel = Path(ziel)
    ordner = ziel / "indikatoren"
    geschrieben = [schreibe_atomar(ziel / "uebersicht.md", uebersicht())]
    for kennung in indikatoren.REGISTER:
        geschrieben.append(schreibe_atomar(ordner / dateiname(kennung), seite(kennung)))
    for alt in ordner.glob("*.md"):
        if alt not in geschrieben:
            alt.unlink()
    return geschrieben
