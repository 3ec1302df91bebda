"""Das Modell eines Indikators (:class:`Indikator`) und die Rechenbausteine: Quoten,
Anteile, Einwohner im Alter – auf den ordentlichen Tabellen von Musterland oder echter Daten."""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass

import pandas as pd

from bimo import daten
from bimo.daten.musterland import ALTERSGRUPPEN_KITA
from bimo.fehler import ParameterFehler

THEMENFELDER = (
    "Rahmenbedingungen/Demografie",
    "Frühkindliche Bildung",
    "Allgemeinbildende Schulen",
    "Berufliche Bildung",
    "Weiterbildung",
    "Soziale Lage",
)

SCHLUESSEL = ["ags", "jahr"]


@dataclass(frozen=True)
class Indikator:
    """Beschreibung eines Indikators (Steckbrief) und seine Berechnung.

    ``tabellen`` nennt die Musterland-Tabellen, die ``_berechne`` als Schlüsselwortargumente
    erhält; ``faktor`` ist 100 für Prozent und „je 100“, 1.000 für „je 1.000“, 1 für
    einfache Verhältnisse; ``lesart`` sagt, was ein hoher Wert bedeutet.
    """

    kennung: str
    name: str
    themenfeld: str
    definition: str
    zaehler: str
    nenner: str
    quelle: str
    stichtag: str
    einheit: str
    hinweise: tuple[str, ...]
    lesart: str
    tabellen: tuple[str, ...]
    _berechne: Callable[..., pd.DataFrame]
    faktor: float = 100

    def berechne(
        self, *, land: bool = True, tabellen: Mapping[str, pd.DataFrame] | None = None
    ) -> pd.DataFrame:
        """Berechnet den Indikator für alle Kreise (und das Land) und alle Jahre.

        Ohne ``tabellen`` rechnet er mit Musterland; mit ``tabellen`` (Name → Tabelle, etwa
        aus ``kita_aus_regionalstatistik``) mit eigenen Daten – dann meist ``land=False``.
        """
        if tabellen is None:
            tabellen = {name: daten.lade(name) for name in self.tabellen}
        fehlend = [name for name in self.tabellen if name not in tabellen]
        if fehlend:
            raise ParameterFehler(
                f"Für „{self.kennung}“ fehlen die Tabellen: {', '.join(fehlend)}."
            )
        tabelle = self._berechne(**{name: tabellen[name] for name in self.tabellen})
        if land:
            tabelle = mit_land(tabelle, faktor=self.faktor)
        return tabelle


def _altersgruppe(altersgruppe: str) -> tuple[int, int]:
    try:
        return ALTERSGRUPPEN_KITA[altersgruppe]
    except KeyError:
        erlaubt = ", ".join(f"„{g}“" for g in ALTERSGRUPPEN_KITA)
        raise ParameterFehler(
            f"Unbekannte Altersgruppe „{altersgruppe}“. Erlaubt sind: {erlaubt}."
        ) from None


def _summe(tabelle: pd.DataFrame) -> pd.DataFrame:
    """Summe von ``wert`` je Kreis und Jahr; fehlt ein Teilwert (geheim), fehlt die Summe."""
    return tabelle.groupby(SCHLUESSEL, as_index=False)["wert"].sum(skipna=False)


def _auswahl(tabelle: pd.DataFrame, spalte: str, werte: str | tuple[str, ...]) -> pd.DataFrame:
    """Zeilen, deren ``spalte`` einen der ``werte`` hat, summiert je Kreis und Jahr."""
    werte = (werte,) if isinstance(werte, str) else werte
    unbekannt = set(werte) - set(tabelle[spalte])
    if unbekannt and len(tabelle):
        vorhanden = ", ".join(f"„{w}“" for w in sorted(set(tabelle[spalte])))
        raise ParameterFehler(
            f"„{', '.join(sorted(unbekannt))}“ gibt es in der Spalte „{spalte}“ nicht. "
            f"Vorhanden: {vorhanden}."
        )
    return _summe(tabelle[tabelle[spalte].isin(werte)])


def _vorjahr(tabelle: pd.DataFrame) -> pd.DataFrame:
    """Ordnet einen Bestand vom 31.12. dem Folgejahr zu (Nenner vom 31.12. des Vorjahres)."""
    return tabelle.assign(jahr=tabelle["jahr"] + 1)


def quote(zaehler: pd.DataFrame, nenner: pd.DataFrame, faktor: float = 100) -> pd.DataFrame:
    """Verbindet Zähler und Nenner (je Spalte ``wert``) je Kreis und Jahr und teilt.

    ``wert`` = Zähler ÷ Nenner × ``faktor``. Nur Kreise und Jahre mit beiden Teilen bleiben.
    """
    tabelle = zaehler.rename(columns={"wert": "zaehler"}).merge(
        nenner.rename(columns={"wert": "nenner"}), on=SCHLUESSEL, validate="one_to_one"
    )
    tabelle["wert"] = tabelle["zaehler"] / tabelle["nenner"] * faktor
    return tabelle.sort_values(SCHLUESSEL).reset_index(drop=True)


def _anteil(tabelle: pd.DataFrame, spalte: str, werte: str | tuple[str, ...]) -> pd.DataFrame:
    """Anteil der Zeilen mit ``werte`` in ``spalte`` an allen Zeilen, in Prozent."""
    return quote(_auswahl(tabelle, spalte, werte), _summe(tabelle))


# --- Frühkindliche Bildung -----------------------------------------------------------


def kinder_in_betreuung(kita: pd.DataFrame, altersgruppe: str = "unter 3") -> pd.DataFrame:
    """Betreute Kinder (Kindertageseinrichtung plus Kindertagespflege) je Kreis und Jahr."""
    _altersgruppe(altersgruppe)
    auswahl = kita[kita["altersgruppe"] == altersgruppe]
    return auswahl.groupby(["ags", "jahr"], as_index=False)["wert"].sum()


def einwohner_im_alter(
    bevoelkerung: pd.DataFrame, von: int = 0, bis: int | None = None
) -> pd.DataFrame:
    """Einwohner mit Alter von ``von`` bis unter ``bis`` je Kreis und Jahr (31.12.).

    ``bis=None`` heißt „und älter“. Die Tabelle hat einzelne Altersjahre (Spalte ``alter``)
    oder Altersgruppen (``alter`` = erstes Jahr, ``alter_bis`` = erstes Jahr danach); eine
    Gruppe, die die gewünschte Grenze schneidet, ist ein Fehler, keine stille Schätzung.
    """
    grenze = math.inf if bis is None else bis
    alter = bevoelkerung["alter"]
    alter_bis = bevoelkerung["alter_bis"] if "alter_bis" in bevoelkerung else alter + 1
    innen = (alter >= von) & (alter_bis <= grenze)
    geschnitten = (alter < grenze) & (alter_bis > von) & ~innen
    if geschnitten.any():
        raise ParameterFehler(
            f"Die Altersgruppen der Tabelle passen nicht zu „{von} bis unter {bis}“: "
            "eine Gruppe liegt nur zum Teil darin."
        )
    auswahl = bevoelkerung[innen]
    return auswahl.groupby(["ags", "jahr"], as_index=False)["wert"].sum()


def betreuungsquote(
    kita: pd.DataFrame, bevoelkerung: pd.DataFrame, altersgruppe: str = "unter 3"
) -> pd.DataFrame:
    """Betreuungsquote: betreute Kinder je 100 Kinder derselben Altersgruppe.

    Zähler: Kinder in Kindertageseinrichtungen und in öffentlich geförderter
    Kindertagespflege am 01.03. des Jahres (ohne Doppelzählungen).
    Nenner: Kinder der Altersgruppe in der Bevölkerung am 31.12. des Vorjahres
    (so rechnet auch die amtliche Statistik).

    Gibt je Kreis und Jahr ``zaehler``, ``nenner`` und ``wert`` (in Prozent) zurück.
    """
    von, bis = _altersgruppe(altersgruppe)
    zaehler = kinder_in_betreuung(kita, altersgruppe).rename(columns={"wert": "zaehler"})
    nenner = einwohner_im_alter(bevoelkerung, von, bis).rename(columns={"wert": "nenner"})
    nenner["jahr"] = nenner["jahr"] + 1  # Bevölkerung am 31.12. des Vorjahres
    tabelle = zaehler.merge(nenner, on=["ags", "jahr"], how="inner", validate="one_to_one")
    tabelle["wert"] = tabelle["zaehler"] / tabelle["nenner"] * 100
    return tabelle.sort_values(["ags", "jahr"]).reset_index(drop=True)


def kinder_je_einrichtung(kita: pd.DataFrame, einrichtungen: pd.DataFrame) -> pd.DataFrame:
    """Betreute Kinder in Kindertageseinrichtungen (alle Altersgruppen) je Einrichtung."""
    kinder = _auswahl(kita, "betreuungsart", "Kindertageseinrichtung")
    return quote(kinder, _summe(einrichtungen), faktor=1)


# --- Rahmenbedingungen/Demografie ---------------------------------------------------------


def jugendquotient(bevoelkerung: pd.DataFrame) -> pd.DataFrame:
    """Unter 20-Jährige je 100 Personen von 20 bis unter 65 Jahren (31.12.)."""
    return quote(einwohner_im_alter(bevoelkerung, 0, 20), einwohner_im_alter(bevoelkerung, 20, 65))


def altenquotient(bevoelkerung: pd.DataFrame) -> pd.DataFrame:
    """Personen ab 65 Jahren je 100 Personen von 20 bis unter 65 Jahren (31.12.)."""
    return quote(
        einwohner_im_alter(bevoelkerung, 65, None), einwohner_im_alter(bevoelkerung, 20, 65)
    )


def anteil_im_alter(bevoelkerung: pd.DataFrame, von: int, bis: int | None) -> pd.DataFrame:
    """Anteil der Einwohner von ``von`` bis unter ``bis`` Jahren an allen, in Prozent."""
    return quote(einwohner_im_alter(bevoelkerung, von, bis), _summe(bevoelkerung))


def anteil_nichtdeutsche(bevoelkerung: pd.DataFrame) -> pd.DataFrame:
    """Anteil der Einwohner ohne deutsche Staatsangehörigkeit an allen, in Prozent."""
    return _anteil(bevoelkerung, "staatsangehoerigkeit", "nichtdeutsch")


# --- Allgemeinbildende Schulen --------------------------------------------------------------


def uebergangsquote(uebergaenge: pd.DataFrame, schulart: str = "Gymnasium") -> pd.DataFrame:
    """Anteil der Übergänge in Klasse 5 einer Schulart an allen Übergängen, in Prozent."""
    return _anteil(uebergaenge, "schulart", schulart)


def foerderschulbesuchsquote(schueler: pd.DataFrame) -> pd.DataFrame:
    """Anteil der Förderschüler an allen Schülern der Klassenstufen 1 bis 10, in Prozent."""
    return _anteil(schueler[schueler["klassenstufe"].between(1, 10)], "schulart", "Förderschule")


def abgaenger_anteil(
    abgaenger: pd.DataFrame, abschluss: str = "ohne Ersten Schulabschluss"
) -> pd.DataFrame:
    """Anteil der Absolventen und Abgänger mit ``abschluss`` an allen, in Prozent.

    Nenner: alle Absolventen und Abgänger – aus Zeilen ``abschluss == "Insgesamt"``, wenn
    die Tabelle sie hat (in echten Tabellen sind Teilzahlen oft geheim), sonst die Summe
    aller Abschlussarten.
    """
    return quote(_auswahl(abgaenger, "abschluss", abschluss), _abgaenger_insgesamt(abgaenger))


def _abgaenger_insgesamt(abgaenger: pd.DataFrame) -> pd.DataFrame:
    insgesamt = abgaenger["abschluss"] == "Insgesamt"
    return _summe(abgaenger[insgesamt] if insgesamt.any() else abgaenger)


def ohne_abschluss_quotensumme(abgaenger: pd.DataFrame, bevoelkerung: pd.DataFrame) -> pd.DataFrame:
    """Abgänger ohne Ersten Schulabschluss je 100 Gleichaltrige (Näherung der KMK-Quotensumme).

    Die KMK teilt die Abgänger jedes Alters durch die Bevölkerung desselben Alters und
    summiert die Quoten. Musterland kennt das Alter der Abgänger nicht; genähert wird mit
    dem mittleren Altersjahrgang der 15- bis unter 18-Jährigen (Einwohner von 15 bis unter
    18 Jahren am 31.12. des Vorjahres ÷ 3) als Nenner.
    """
    zaehler = _auswahl(abgaenger, "abschluss", "ohne Ersten Schulabschluss")
    jahrgang = einwohner_im_alter(bevoelkerung, 15, 18)
    jahrgang["wert"] = jahrgang["wert"] / 3
    return quote(zaehler, _vorjahr(jahrgang))


# --- Berufliche Bildung ------------------------------------------------------------------------


def sektoranteil(anfaenger: pd.DataFrame, sektor: str = "Übergangsbereich") -> pd.DataFrame:
    """Anteil eines iABE-Sektors an allen Anfängern der vier Sektoren, in Prozent."""
    return _anteil(anfaenger, "sektor", sektor)


# --- Weiterbildung und Soziale Lage ---------------------------------------------------------------


def vhs_je_1000_einwohner(
    weiterbildung: pd.DataFrame, bevoelkerung: pd.DataFrame, merkmal: str = "Belegungen"
) -> pd.DataFrame:
    """Belegungen (oder Unterrichtsstunden, Kurse) der Volkshochschulen je 1.000 Einwohner."""
    return quote(_auswahl(weiterbildung, "merkmal", merkmal), _summe(bevoelkerung), faktor=1000)


def sgb2_quote_unter_15(sgb2: pd.DataFrame, bevoelkerung: pd.DataFrame) -> pd.DataFrame:
    """Nicht erwerbsfähige Leistungsberechtigte nach SGB II unter 15 je 100 unter 15-Jährige."""
    return quote(_summe(sgb2), einwohner_im_alter(bevoelkerung, 0, 15))


# --- Land ------------------------------------------------------------------------------------


def mit_land(tabelle: pd.DataFrame, faktor: float = 100) -> pd.DataFrame:
    """Hängt das Land (Summe der Kreise: Zähler und Nenner, nicht Mittel der Quoten) an."""
    land = tabelle.groupby("jahr", as_index=False)[["zaehler", "nenner"]].sum()
    land["ags"] = daten.LAND_AGS
    land["wert"] = land["zaehler"] / land["nenner"] * faktor
    return pd.concat([tabelle, land[tabelle.columns]], ignore_index=True)
