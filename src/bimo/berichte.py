"""Inhalte der Berichte (Kommunalprofil) und die Prüfung ihrer Parameter.

Die Berichtsvorlagen in ``notebooks/berichte/`` sind dünn: Sie rufen
:func:`kommunalprofil` auf und zeigen, was das Profil liefert. Alles, was
Zahlen enthält, geht durch :mod:`bimo.geheimhaltung`.
"""

from __future__ import annotations

import difflib
import html
import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import pandas as pd

from bimo import daten, geheimhaltung, grafik, indikatoren
from bimo.darstellung import Tabelle, Text
from bimo.fehler import ParameterFehler
from bimo.format import prozent, zahl

VORLAGEN_ORDNER = Path(__file__).resolve().parents[2] / "notebooks" / "berichte"


@dataclass(frozen=True)
class Vorlage:
    datei: str
    titel: str
    titel_mehrzahl: str


VORLAGEN = {"kommunalprofil": Vorlage("kommunalprofil.ipynb", "Kommunalprofil", "Kommunalprofile")}
QUELLENVERMERK = (
    "Musterland: synthetische Beispieldaten des bimo-Projekts "
    "(Lizenz CC BY 4.0); keine amtlichen Zahlen."
)
PROFIL_INDIKATOREN = ("betreuungsquote_u3", "betreuungsquote_3_6")


def vorlage_pfad(name: str) -> Path:
    """Pfad der Berichtsvorlage ``name`` (z. B. ``"kommunalprofil"``)."""
    if name not in VORLAGEN:
        raise ParameterFehler(
            f"Unbekannte Vorlage „{name}“. Vorhanden: {', '.join(sorted(VORLAGEN))}."
        )
    return VORLAGEN_ORDNER / VORLAGEN[name].datei


def _vorschlaege(eingabe: str, kreise: pd.DataFrame) -> list[str]:
    """Ähnliche Kommunen zu einer Eingabe (Schlüssel oder Name)."""
    eintraege = {f"{a} {n}": (a, n) for a, n in zip(kreise["ags"], kreise["name"], strict=True)}
    kandidaten = set(difflib.get_close_matches(eingabe, list(kreise["ags"]), n=3, cutoff=0.6))
    namen = dict(zip(kreise["name"].str.lower(), kreise["ags"], strict=True))
    for name in difflib.get_close_matches(eingabe.lower(), list(namen), n=3, cutoff=0.5):
        kandidaten.add(namen[name])
    kandidaten |= {a for a, n in eintraege.values() if eingabe and eingabe.lower() in n.lower()}
    return [f"{a} ({n})" for a, n in sorted(eintraege.values()) if a in kandidaten]


def pruefe_kommune(kommune: object) -> str:
    """Prüft einen Gemeindeschlüssel und gibt ihn als Text zurück.

    Ein unbekannter Schlüssel oder Name führt zu einer deutschen Meldung mit
    ähnlichen Kommunen.
    """
    kreise = daten.kreise()
    if isinstance(kommune, int) and not isinstance(kommune, bool):
        raise ParameterFehler(
            f"Der Gemeindeschlüssel muss als Text angegeben werden, z. B. "
            f'kommune="{kommune:05d}" – als Zahl gehen führende Nullen verloren. '
            f"(Mit papermill auf der Kommandozeile: -r kommune {kommune:05d} statt -p.)"
        )
    text = str(kommune).strip()
    if text in set(kreise["ags"]):
        return text
    vorschlaege = _vorschlaege(text, kreise)
    if not re.fullmatch(r"\d{5}(\d{3})?", text) and not vorschlaege:
        meldung = (
            f"„{text}“ ist kein gültiger Gemeindeschlüssel: erwartet werden 5 Ziffern "
            '(Kreis) oder 8 Ziffern (Gemeinde), z. B. "17101".'
        )
    else:
        meldung = f"Die Kommune „{text}“ gibt es in Musterland nicht."
    if vorschlaege:
        meldung += " Meinten Sie: " + ", ".join(vorschlaege) + "?"
    else:
        meldung += " Alle Kreise: `bimo.daten.kreise()`."
    raise ParameterFehler(meldung)


def pruefe_jahr(jahr: object) -> int:
    jahre = sorted(indikatoren.indikator(PROFIL_INDIKATOREN[0]).berechne()["jahr"].unique())
    try:
        wert = int(str(jahr))
    except ValueError:
        raise ParameterFehler(f"Das Jahr „{jahr}“ ist keine ganze Zahl.") from None
    if wert not in jahre:
        raise ParameterFehler(
            f"Für das Jahr {wert} gibt es keine Daten; vorhanden sind {jahre[0]} bis {jahre[-1]}."
        )
    return wert


def pruefe_mindestfallzahl(mindestfallzahl: object) -> int:
    try:
        wert = int(str(mindestfallzahl))
    except ValueError:
        wert = 0
    if wert < 1:
        raise ParameterFehler(
            f"Die Mindestfallzahl muss eine ganze Zahl ab 1 sein, nicht „{mindestfallzahl}“."
        )
    return wert


def _md(text: str) -> str:
    """Text aus Daten für Markdown: HTML maskieren (Markdown lässt rohes HTML sonst durch)."""
    return html.escape(text)


@dataclass(frozen=True)
class Kommunalprofil:
    """Inhalte des Kommunalprofils einer Kommune für ein Berichtsjahr."""

    kommune: str
    jahr: int
    mindestfallzahl: int = geheimhaltung.MINDESTFALLZAHL

    @cached_property
    def name(self) -> str:
        g = daten.gebiete()
        return str(g.loc[g["ags"] == self.kommune, "name"].iloc[0])

    @cached_property
    def art(self) -> str:
        g = daten.gebiete()
        return str(g.loc[g["ags"] == self.kommune, "art"].iloc[0])

    @cached_property
    def land(self) -> str:
        g = daten.gebiete()
        return str(g.loc[g["ags"] == daten.LAND_AGS, "name"].iloc[0])

    def _geschuetzt(self, kennung: str) -> geheimhaltung.Veroeffentlichung:
        """Die geschützte Tabelle eines Indikators – je Profil nur einmal berechnet."""
        if kennung not in self._tabellen:
            tabelle = indikatoren.indikator(kennung).berechne(land=True)
            self._tabellen[kennung] = geheimhaltung.schuetze_quoten(
                tabelle, summenzeile=daten.LAND_AGS, mindestfallzahl=self.mindestfallzahl
            )
        return self._tabellen[kennung]

    @cached_property
    def _tabellen(self) -> dict[str, geheimhaltung.Veroeffentlichung]:
        return {}

    def kopf(self) -> Text:
        return Text(
            f"# Kommunalprofil {_md(self.name)}\n\n"
            f"**{_md(self.art)}, Gemeindeschlüssel {self.kommune}** · Berichtsjahr {self.jahr} · "
            f"Vergleich: {_md(self.land)} (Land)\n\n"
            "Dieses Profil zeigt ausgewählte Kennzahlen der frühkindlichen Bildung im "
            "Vergleich mit dem Land. Zahlen kleiner als die Mindestfallzahl "
            f"({self.mindestfallzahl}) sind gesperrt und als „.“ dargestellt."
        )

    def kennzahlen(self) -> Tabelle:
        """Kennzahlen des Berichtsjahrs: Kommune und Land, mit der Fallzahl hinter jeder Quote."""
        zeilen = []
        for kennung in PROFIL_INDIKATOREN:
            ind = indikatoren.indikator(kennung)
            v = self._geschuetzt(kennung)
            jahr = v.tabelle[v.tabelle["jahr"] == self.jahr]
            anzeige = v.anzeige(stellen={"wert": 1}, prozentspalten=("wert",))
            anzeige = anzeige[v.tabelle["jahr"] == self.jahr]
            ort = anzeige[jahr["ags"] == self.kommune].iloc[0]
            land = anzeige[jahr["ags"] == daten.LAND_AGS].iloc[0]
            zeilen.append(
                {
                    "Kennzahl": ind.name,
                    self.name: ort["wert"],
                    "Betreute Kinder": ort["zaehler"],
                    "Kinder im Alter": ort["nenner"],
                    self.land: land["wert"],
                }
            )
        return Tabelle(pd.DataFrame(zeilen))

    def zeitreihe_betreuung(self, kennung: str = "betreuungsquote_u3") -> grafik.Grafik:
        ind = indikatoren.indikator(kennung)
        v = self._geschuetzt(kennung)
        t = v.tabelle[v.tabelle["ags"].isin([self.kommune, daten.LAND_AGS])].copy()
        t["name"] = t["ags"].map({self.kommune: self.name, daten.LAND_AGS: self.land})
        return grafik.zeitreihe(t, titel=ind.name, quelle=QUELLENVERMERK, referenz=self.land)

    def einordnung(self) -> Text:
        """Ein Satz zur Einordnung, aus den geschützten Zahlen formuliert."""
        v = self._geschuetzt("betreuungsquote_u3")
        t = v.tabelle[v.tabelle["jahr"] == self.jahr].set_index("ags")["wert"]
        ort, land = t.get(self.kommune), t.get(daten.LAND_AGS)
        if pd.isna(ort):
            return Text("Die Betreuungsquote unter 3 Jahren ist für dieses Jahr gesperrt.")
        abstand = float(ort) - float(land)
        richtung = "über" if abstand > 0 else "unter"
        return Text(
            f"{self.jahr} wurden in {_md(self.name)} {prozent(float(ort))} der Kinder "
            f"unter 3 Jahren in Kita oder Kindertagespflege betreut; das sind "
            f"{zahl(abs(abstand), 1)} Prozentpunkte {richtung} dem Landeswert "
            f"({prozent(float(land))})."
        )

    def quellen(self) -> Text:
        return Text(
            "**Datenquelle:** " + QUELLENVERMERK + "\n\n"
            "**Zeichenerklärung:** „.“ Zahlenwert geheim zu halten (Fallzahl unter "
            f"{self.mindestfallzahl}).\n\n"
            "Erstellt mit bimo, dem Werkstattbuch für kommunales Bildungsmonitoring."
        )


def kommunalprofil(kommune: object, jahr: object, mindestfallzahl: object = 3) -> Kommunalprofil:
    """Prüft die Parameter und gibt das :class:`Kommunalprofil` zurück."""
    return Kommunalprofil(
        pruefe_kommune(kommune), pruefe_jahr(jahr), pruefe_mindestfallzahl(mindestfallzahl)
    )
