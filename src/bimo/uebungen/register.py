"""Das Register der Übungen – die eine Stelle, an der eine Übung angemeldet wird.

Eine Übung besteht aus ihren eigenen Dateien (``exercises/uebung_<name>.ipynb``, der
Selbstkontrolle ``bimo.uebungen.<name>`` und ``tests/test_uebung_<name>.py``), ihrem Platz im
Inhaltsverzeichnis (``_toc.yml``, unter ihrem Kapitel) und einem Eintrag in :data:`UEBUNGEN`.
Aus dem Eintrag entstehen die Übersicht im Trainerleitfaden (Direktive ``bimo-uebungen``,
:mod:`bimo.buch.sphinx_register`) und die Regel „jede Übung ist eingeplant“: Sie steht in
einem Ablaufplan des Trainerleitfadens oder dort unter „Wahlweise“ – geprüft in
``tests/test_editionen.py``. Der Zeitbedarf steht einmal, im Kasten „Auf einen Blick“ der
Übung, und wird von dort gelesen.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Uebung:
    name: str
    """Kurzname: ``exercises/uebung_<name>.ipynb``, Selbstkontrolle ``bimo.uebungen.<name>``."""
    typische_fehler: str
    """Zeile der Trainerübersicht: die Fehler, die die Selbstkontrolle erkennt."""

    @property
    def datei(self) -> str:
        return f"exercises/uebung_{self.name}"

    def zeitbedarf(self, wurzel: Path) -> str:
        """Der Zeitbedarf aus dem Kasten „Auf einen Blick“ der Übung (z. B. „15 Minuten“)."""
        nb = json.loads((wurzel / f"{self.datei}.ipynb").read_text(encoding="utf-8"))
        quelle = "".join(nb["cells"][0]["source"])
        treffer = re.search(r"\*\*Zeitbedarf:\*\*\s*([^\n]+?)\.?\s*$", quelle, re.M)
        return treffer.group(1) if treffer else ""


UEBUNGEN: tuple[Uebung, ...] = (
    Uebung(
        "themenfelder",
        (
            "Indikatoren dem falschen Abschnitt des Lebenslaufs zugeordnet; die "
            "Selbstkontrolle erklärt die typischen Verwechslungen aus dem "
            "Indikatorenregister."
        ),
    ),
    Uebung(
        "auftrag",
        (
            "Indikatoren, die die Frage nicht beantworten (mit Grund, z. B. falsche "
            "Altersgruppe); der Reflex „alle Daten“; fehlender Kern- oder Kontextindikator."
        ),
    ),
    Uebung(
        "betreuungsquote",
        (
            "Anteil statt Prozent; Tagespflege vergessen; Zähler und Nenner vertauscht; "
            "Kinder unter 6 statt unter 3 im Nenner; Bevölkerung vom falschen Stichtag "
            "(31.12. des Berichtsjahrs statt des Vorjahrs)."
        ),
    ),
    Uebung(
        "export_lesen",
        (
            "Schlüssel als Zahl gelesen (führende Null weg); `-` als fehlend statt als echte "
            "Null gelesen; Land- und Regierungsbezirkszeilen mitgezählt."
        ),
    ),
    Uebung(
        "zeichen",
        (
            "`-` als fehlend, `0` als echte Null, `x` als „geheim“ gelesen; Mittelwert, der "
            "`-` fälschlich auslässt."
        ),
    ),
    Uebung(
        "gebietsreform",
        (
            "nur einen der beiden alten Kreise genommen; Quoten addiert oder gemittelt statt "
            "aus Zählern und Nennern neu berechnet; den Bruch in der Reihe stehen gelassen."
        ),
    ),
    Uebung(
        "ohne_abschluss",
        (
            "die beiden Definitionen verwechselt (Anteil an allen Abgängern gegenüber Anteil "
            "an der gleichaltrigen Bevölkerung); Anteil statt Prozent; falscher Kreis beim "
            "Rangwechsel."
        ),
    ),
    Uebung(
        "uebergaenge",
        (
            "Anteil statt Prozent; alle Schülerinnen und Schüler oder alle Grundschüler als "
            "Nenner statt aller Übergänge in Klasse 5; Länder ohne Blick auf ihre "
            "Schulstruktur verglichen."
        ),
    ),
    Uebung(
        "vergleich",
        (
            "„um 10 %“, wo 10 Prozentpunkte richtig sind, und umgekehrt; Vorzeichen "
            "vertauscht (Referenz minus Kreis)."
        ),
    ),
    Uebung(
        "knack_die_tabelle",
        (
            "gesperrte Zahl nicht aus Kreissumme minus übrige Gemeinden zurückgerechnet; die "
            "Schutzwirkung der primären Sperrung allein überschätzt."
        ),
    ),
    Uebung(
        "sperre_selbst",
        (
            "kleine Zahl noch sichtbar; eine gesperrte Zahl lässt sich zurückrechnen oder zu "
            "eng eingrenzen; mehr Sperren als nötig."
        ),
    ),
    Uebung(
        "schwelle",
        (
            "die Schwelle abgelesen, bei der der Anteil gesperrter Kinder gerade noch unter "
            "der Grenze liegt, statt der ersten darüber."
        ),
    ),
    Uebung(
        "k_anonymitaet",
        (
            "einmalige Datensätze (fk = 1) falsch gezählt; Merkmale so vergröbert, dass Raum,"
            " Alter oder Geschlecht ganz verloren gehen; k ≥ 3 nicht erreicht."
        ),
    ),
    Uebung(
        "cellkey",
        (
            "Überlagerung mit Sperrung verwechselt; angenommen, die Originaltabelle lasse "
            "sich zurückrechnen oder die Summen blieben exakt."
        ),
    ),
    Uebung(
        "sozialindex",
        (
            "Klassenwechsel an der falschen Stelle gesucht; die Zahl der Sozialräume, die bei"
            " doppeltem Gewicht der SGB-II-Quote die Klasse wechseln, geschätzt statt "
            "gezählt."
        ),
    ),
    Uebung(
        "richtung",
        (
            "die Skalen nach NRW-Art (9 = höchste Belastung) und nach Hamburger Art (1 = "
            "stark belastet) gleich herum gelesen."
        ),
    ),
    Uebung(
        "typisierung",
        (
            "das k mit der kleinsten statt der größten Silhouette; ein k, das über "
            "verschiedene Startwerte nicht stabil ist; weniger als vier Typen trotz Vorgabe."
        ),
    ),
    Uebung(
        "sozialraum_veroeffentlichen",
        (
            "nur die kleinen Zahlen gesperrt (primär), die Stadtsumme erlaubt das "
            "Zurückrechnen; zu viele Zellen gesperrt."
        ),
    ),
    Uebung(
        "faktenblatt",
        (
            "Kreisdiagramm oder Karte der Anzahlen statt sortierter Balken bzw. Karte der "
            "Quoten; keine Linie für Zeitreihen; Punktwolke für Zusammenhänge vergessen."
        ),
    ),
    Uebung(
        "diagramme",
        (
            "Achse nicht ab null übersehen; unsortierte Balken, fehlende Quelle oder Fallzahl"
            " übersehen; Karte der Anzahlen statt Quoten nicht erkannt; zu Unrecht markierte "
            "Fehler."
        ),
    ),
    Uebung(
        "verstetigen",
        (
            "31.12. statt 01.03. (und umgekehrt); den schon veröffentlichten statt des "
            "nächsten Werts genannt; Stand des Nenners falsch."
        ),
    ),
)


def uebung(name: str) -> Uebung:
    """Der Eintrag der Übung ``name`` (``"betreuungsquote"`` oder ``"uebung_betreuungsquote"``)."""
    name = name.removeprefix("exercises/").removeprefix("uebung_")
    for u in UEBUNGEN:
        if u.name == name:
            return u
    raise KeyError(f"Die Übung „{name}“ steht nicht im Register (bimo.uebungen.register).")


def kapitel_der_uebungen(toc: dict) -> dict[str, str]:
    """Übung → Kapitel, gelesen aus dem Inhaltsverzeichnis (``_toc.yml``)."""
    zuordnung: dict[str, str] = {}

    def durchlaufe(eintraege: list[dict], kapitel: str | None) -> None:
        for e in eintraege:
            datei = e.get("file", "")
            if datei.startswith("exercises/") and kapitel:
                zuordnung[datei] = kapitel
            durchlaufe(e.get("sections", []), datei if datei.startswith("notebooks/") else kapitel)

    for teil in toc.get("parts", []):
        durchlaufe(teil.get("chapters", []), None)
    return zuordnung


def uebersicht_markdown(wurzel: Path, toc: dict, praefix: str = "../../") -> str:
    """Die Tabelle der Trainerübersicht (MyST): Übung, Kapitel, Zeitbedarf, typische Fehler."""
    kapitel = kapitel_der_uebungen(toc)
    zeilen = [
        "| Übung | Kapitel | Zeitbedarf | Typische Fehler, die die Selbstkontrolle erkennt |",
        "|---|---|---|---|",
    ]
    for datei in kapitel:  # Reihenfolge des Buchs
        u = uebung(datei)
        zeilen.append(
            f"| {{doc}}`{praefix}{u.datei}` | {{doc}}`{praefix}{kapitel[datei]}` | "
            f"{u.zeitbedarf(wurzel)} | {u.typische_fehler} |"
        )
    return "\n".join(zeilen)
