"""Das Register der Berichtsvorlagen – die eine Stelle, an der eine Vorlage angemeldet wird.

Eine neue Vorlage braucht zweierlei: ihr Notebook in ``src/bimo/berichte/vorlagen/`` und einen
Eintrag in :data:`VORLAGEN`. Daraus lesen die Befehlszeile (``--vorlage``), ``make book``
(``bimo berichte --beispiele``), der Buchtest und die Tabelle im Kapitel „Berichte für jede
Kommune“ (:func:`tabelle_markdown`).
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from importlib.resources import files
from pathlib import Path

from bimo.fehler import ParameterFehler

ALLE = "alle"


@dataclass(frozen=True)
class Beispiel:
    """Wie ``make book`` die Vorlage für alle Musterland-Kreise veröffentlicht."""

    ordner: str
    """Unterordner von ``_build/html/berichte/`` (``""`` = der Ordner selbst)."""
    parameter: dict[str, object] = field(default_factory=dict)
    pdf: bool = False
    linktext: str = ""


@dataclass(frozen=True)
class Vorlage:
    name: str
    datei: str
    titel: str
    titel_mehrzahl: str
    inhalt: str
    umfang: str
    ein_thema: bool = False
    """Behandelt genau ein Themenfeld (``thema`` darf nicht „alle“ sein)."""
    beispiel: Beispiel | None = None

    @property
    def pfad(self) -> Path:
        """Das Notebook der Vorlage (Paketdaten, auch im installierten Paket)."""
        return Path(str(files("bimo.berichte") / "vorlagen" / self.datei))


VORLAGEN: dict[str, Vorlage] = {
    v.name: v
    for v in (
        Vorlage(
            "kommunalprofil",
            "kommunalprofil.ipynb",
            "Kommunalprofil",
            "Kommunalprofile",
            "alle Themenfelder: Eckwerte, Karte, je Themenfeld Kennzahlen, Einordnung und Verlauf",
            "einige Seiten",
            beispiel=Beispiel("", pdf=True, linktext="Alle Kommunalprofile der Musterland-Kreise"),
        ),
        Vorlage(
            "bildungsjournal",
            "bildungsjournal.ipynb",
            "Bildungsjournal",
            "Bildungsjournale",
            "ein Themenfeld ausführlich: jede Kennzahl mit Verlauf und mit jeder "
            "Vergleichskommune, dazu die Karte (ein Datendossier)",
            "wenige Seiten",
            ein_thema=True,
            beispiel=Beispiel(
                "bildungsjournal",
                {"thema": "Frühkindliche Bildung"},
                linktext="Bildungsjournal „Frühkindliche Bildung“",
            ),
        ),
        Vorlage(
            "faktenblatt",
            "faktenblatt.ipynb",
            "Faktenblatt",
            "Faktenblätter",
            "je Themenfeld die Hauptkennzahl mit dem Landeswert und ein Satz zur Einordnung",
            "eine Seite",
            beispiel=Beispiel("faktenblaetter", linktext="Faktenblätter"),
        ),
    )
}


def vorlage(name: str) -> Vorlage:
    """Die Vorlage ``name``; unbekannte Namen führen zu einer deutschen Meldung."""
    if name not in VORLAGEN:
        raise ParameterFehler(
            f"Unbekannte Vorlage „{name}“. Vorhanden: {', '.join(sorted(VORLAGEN))}."
        )
    return VORLAGEN[name]


def vorlage_pfad(name: str) -> Path:
    """Pfad der Berichtsvorlage ``name`` (z. B. ``"kommunalprofil"``)."""
    return vorlage(name).pfad


def beispiele() -> list[Vorlage]:
    """Die Vorlagen, die das Buch für alle Musterland-Kreise veröffentlicht."""
    return [v for v in VORLAGEN.values() if v.beispiel is not None]


def tabelle_markdown() -> str:
    """Die Tabelle der Vorlagen für das Kapitel „Berichte für jede Kommune“."""
    zeilen = ["| Vorlage | Inhalt | Umfang |", "|---|---|---|"]
    zeilen += [f"| `{v.name}` | {v.inhalt} | {v.umfang} |" for v in VORLAGEN.values()]
    return "\n".join(zeilen)


def beispiel_links_html(basis: str = "../berichte/") -> str:
    """Links auf die Beispielberichte des Buchs (eine Zeile HTML, Texte maskiert)."""
    links = []
    for v in beispiele():
        ziel = html.escape(
            f"{basis}{v.beispiel.ordner + '/' if v.beispiel.ordner else ''}index.html"
        )
        text = html.escape(v.beispiel.linktext or v.titel_mehrzahl)
        if not links:
            links.append(f'<a href="{ziel}"><strong>→ {text} öffnen</strong></a>')
        else:
            links.append(f'<a href="{ziel}">{text}</a>')
    return '<p class="bimo-berichte-link">' + "\n· ".join(links) + "</p>"
