"""Selbstkontrolle der Übung „Diagramme prüfen“.

Vier Grafiken aus den Musterland-Daten, gebaut mit absichtlich gesetzten Eigenschaften
(Achse ab null oder nicht, sortiert oder nicht, Quelle, Fallzahl, Karte der Anzahlen).
Aus denselben Eigenschaften folgen die Fehler, die die Lernenden markieren sollen – die
Lösung ist also nicht von Hand eingetragen. Die Prüfung nennt übersehene und zu Unrecht
markierte Fehler; die Hinweise auf Übersehenes werden mit jedem Versuch konkreter.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache

from bimo import daten, grafik, indikatoren
from bimo.uebungen._basis import Kontrolle, Rueckmeldung

FEHLER = {
    "achse": "Achse nicht bei null",
    "unsortiert": "unsortiert",
    "karte_anzahlen": "Anzahlen statt Quoten auf der Karte",
    "keine_quelle": "keine Quelle",
    "kein_n": "kein n",
}
"""Die Fehler zur Auswahl: Kennung → Beschriftung."""

_BLICK = {
    "achse": "Schauen Sie, bei welchem Wert die senkrechte Achse beginnt.",
    "unsortiert": "Schauen Sie auf die Reihenfolge der Balken.",
    "karte_anzahlen": "Lesen Sie den Titel und die Legende der Karte: Was wird eingefärbt?",
    "keine_quelle": "Schauen Sie unter die Grafik.",
    "kein_n": "Schauen Sie auf die Beschriftung der Balken: Wie viele Fälle stehen dahinter?",
}
_WARUM = {
    "achse": "Balken ohne Nullpunkt übertreiben die Unterschiede, denn das Auge vergleicht Längen.",
    "unsortiert": "Ohne Sortierung ist die Rangfolge nicht abzulesen.",
    "karte_anzahlen": "Eine Karte der Anzahlen zeigt vor allem die Größe der Kreise; Flächen "
    "färbt man nach Quoten.",
    "keine_quelle": "Ohne Quellenzeile lässt sich die Zahl weder prüfen noch zitieren.",
    "kein_n": "Ohne Fallzahl ist nicht zu erkennen, wie belastbar eine Quote ist.",
}


@dataclass(frozen=True)
class Variante:
    """Eine Grafik der Übung und die Eigenschaften, mit denen sie gebaut wird."""

    name: str
    kennung: str
    art: str = "balken"  # "balken" oder "karte_anzahlen"
    sortiert: bool = True
    achse_ab_null: bool = True
    quelle: bool = True
    n: bool = True
    referenz: bool = False

    @property
    def fehler(self) -> frozenset[str]:
        """Die Fehler dieser Grafik – abgeleitet aus ihren Eigenschaften."""
        if self.art == "karte_anzahlen":
            return frozenset({"karte_anzahlen"} | (set() if self.quelle else {"keine_quelle"}))
        gesetzt = {
            "achse": not self.achse_ab_null,
            "unsortiert": not self.sortiert,
            "keine_quelle": not self.quelle,
            "kein_n": not self.n,
        }
        return frozenset(k for k, ja in gesetzt.items() if ja)


VARIANTEN = (
    Variante("A", "uebergangsquote_gymnasium", sortiert=False, achse_ab_null=False),
    Variante("B", "ohne_abschluss_anteil", referenz=True),
    Variante("C", "uebergangsquote_gymnasium", art="karte_anzahlen"),
    Variante("D", "betreuungsquote_u3", quelle=False, n=False),
)


def loesung() -> dict[str, list[str]]:
    """Die Fehler je Grafik (aus den Eigenschaften der Varianten), sortiert."""
    return {v.name: sorted(v.fehler) for v in VARIANTEN}


@lru_cache(maxsize=4)
def _grafiken(jahr: int) -> dict[str, grafik.Grafik]:
    from bimo.kapitel import produkte

    ergebnis = {}
    for v in VARIANTEN:
        t = produkte.kennzahl(v.kennung, jahr)
        land = t[t["ags"] == daten.LAND_AGS].iloc[0]
        kreise = t[t["ags"] != daten.LAND_AGS]
        name = indikatoren.indikator(v.kennung).name
        if v.art == "karte_anzahlen":
            ergebnis[v.name] = grafik.karte(
                daten.lade_geometrie(),
                kreise.assign(wert=kreise["zaehler"])[["ags", "wert"]],
                titel=f"Grafik {v.name}: Übergänge auf das Gymnasium {jahr}",
                quelle=produkte.QUELLE,
                einheit="Kinder",
                stellen=0,
                klassen=4,
            )
            continue
        ergebnis[v.name] = produkte.balkendiagramm(
            kreise,
            titel=f"Grafik {v.name}: {name} {jahr}",
            sortiert=v.sortiert,
            achse_ab_null=v.achse_ab_null,
            quelle=produkte.QUELLE if v.quelle else None,
            n="nenner" if v.n else None,
            referenz=("Musterland", float(land["wert"])) if v.referenz else None,
        )
    return ergebnis


def grafiken(jahr: int = 2024) -> dict[str, grafik.Grafik]:
    """Die vier Grafiken der Übung (A bis D) aus den Musterland-Daten."""
    return dict(_grafiken(jahr))


def _fehlerkennung(eintrag: object) -> str | None:
    text = str(eintrag).strip()
    if text in FEHLER:
        return text
    for kennung, beschriftung in FEHLER.items():
        if text.lower() == beschriftung.lower():
            return kennung
    return None


def _als_menge(wert: object) -> list[object]:
    if wert is None or wert is ...:
        return []
    if isinstance(wert, str):
        return [wert] if wert.strip() else []
    if isinstance(wert, Iterable):
        return list(wert)
    return [wert]


def pruefe_diagramme(antwort: object, versuch: int = 1) -> Rueckmeldung:
    """Prüft die markierten Fehler: ``antwort`` ordnet jeder Grafik (``"A"`` … ``"D"``) die
    markierten Fehler zu (Kennungen oder Beschriftungen aus :data:`FEHLER`; eine leere
    Auswahl heißt „kein Fehler“)."""
    namen = [v.name for v in VARIANTEN]
    if not isinstance(antwort, Mapping):
        return Rueckmeldung(
            False,
            "Die Antwort ist eine Zuordnung Grafik → markierte Fehler, z. B. "
            '{"A": ["unsortiert"], "B": []}. Die Grafiken heißen ' + ", ".join(namen) + ".",
        )
    markiert: dict[str, set[str]] = {}
    unbekannt = []
    for name in namen:
        markiert[name] = set()
        for eintrag in _als_menge(antwort.get(name)):
            kennung = _fehlerkennung(eintrag)
            if kennung is None:
                unbekannt.append(f"„{eintrag}“")
            else:
                markiert[name].add(kennung)
    if unbekannt:
        return Rueckmeldung(
            False,
            f"{', '.join(unbekannt)} kenne ich nicht als Fehler. Möglich sind: "
            + ", ".join(f"„{b}“" for b in FEHLER.values())
            + ".",
        )
    soll = {name: set(fehler) for name, fehler in loesung().items()}
    if not any(markiert.values()):
        return Rueckmeldung(
            False,
            "Sie haben keinen Fehler markiert. Mehrere der Grafiken führen in die Irre – "
            "prüfen Sie Achse, Reihenfolge, Karte, Quellenzeile und Fallzahl.",
        )
    teile = []
    for name in namen:
        for kennung in sorted(markiert[name] - soll[name]):
            teile.append(f"Grafik {name}: „{FEHLER[kennung]}“ trifft nicht zu. {_BLICK[kennung]}")
        uebersehen = sorted(soll[name] - markiert[name])
        if not uebersehen:
            continue
        if versuch <= 1:
            anzahl = "1 Fehler" if len(uebersehen) == 1 else f"{len(uebersehen)} Fehler"
            teile.append(
                f"Grafik {name}: {anzahl} übersehen. " + " ".join(_BLICK[k] for k in uebersehen)
            )
        else:
            for kennung in uebersehen:
                erklaerung = f" {_WARUM[kennung]}" if versuch >= 3 else f" {_BLICK[kennung]}"
                teile.append(f"Grafik {name}: übersehen „{FEHLER[kennung]}“.{erklaerung}")
    if not teile:
        return Rueckmeldung(
            True,
            "Alle Fehler gefunden: "
            + "; ".join(
                f"{n}: " + (", ".join(FEHLER[k] for k in sorted(soll[n])) or "ohne Fehler")
                for n in namen
            )
            + ".",
        )
    return Rueckmeldung(False, " ".join(teile))


class AufgabeDiagramme(Kontrolle):
    """Oberfläche: jede Grafik mit Kästchen für die Fehler, Knopf „Prüfen“, Rückmeldung."""

    beschreibung = (
        "vier Grafiken A bis D aus den Musterland-Daten, unter jeder Kästchen zum Ankreuzen "
        "der Fehler (Achse nicht bei null, unsortiert, Anzahlen statt Quoten auf der Karte, "
        "keine Quelle, kein n), und ein Knopf „Prüfen“; darunter erscheint die Rückmeldung zu "
        "übersehenen und zu Unrecht markierten Fehlern."
    )

    def __init__(self, jahr: int = 2024, bilder: bool = True) -> None:
        import ipywidgets as w

        super().__init__(pruefe_diagramme)
        self.kaestchen: dict[str, dict[str, object]] = {}
        spalten = []
        for name, abbildung in grafiken(jahr).items():
            self.kaestchen[name] = {
                k: w.Checkbox(value=False, description=b, indent=False) for k, b in FEHLER.items()
            }
            kopf = f"<b>Fehler in Grafik {name}:</b>"
            if bilder:
                bild = abbildung.html().replace("<img ", '<img style="max-width:100%" ', 1)
                kopf = bild + kopf
            spalten.append(
                w.VBox(
                    [w.HTML(kopf), *self.kaestchen[name].values()],
                    layout=w.Layout(width="48%" if bilder else "24%", margin="0 1% 1em 0"),
                )
            )
        self.oberflaeche = w.VBox(
            [w.HBox(spalten, layout=w.Layout(flex_flow="row wrap")), self.knopf, self.ausgabe]
        )

    def antwort(self) -> dict[str, list[str]]:
        return {
            name: [k for k, box in boxen.items() if box.value]
            for name, boxen in self.kaestchen.items()
        }

    def _repr_mimebundle_(self, include=None, exclude=None):  # noqa: ANN001 – IPython-API
        bundle = dict(super()._repr_mimebundle_(include=include, exclude=exclude))
        bundle["text/plain"] = "Übung Diagramme prüfen: " + " | ".join(
            f"Grafik {v.name}" for v in VARIANTEN
        )
        return bundle


def aufgabe_diagramme(jahr: int = 2024, bilder: bool = True) -> AufgabeDiagramme:
    """Die Selbstkontrolle zur Übung „Diagramme prüfen“; ``bilder=False`` zeigt nur die
    Kästchen (wenn die Grafiken schon darüber im Notebook stehen)."""
    return AufgabeDiagramme(jahr, bilder)
