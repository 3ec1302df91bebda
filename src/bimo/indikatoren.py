"""Indikatoren des Bildungsmonitorings: ein Register, aus dem Berechnung,
Steckbriefe und Berichte schöpfen.

Jeder Indikator ist ein :class:`Indikator` mit Definition, Zähler, Nenner,
Quelle und Hinweisen; ``berechne()`` liefert eine Tabelle mit den Spalten
``ags``, ``jahr``, ``zaehler``, ``nenner`` und ``wert`` (für Kreise und, mit
``land=True``, das Land als Summe der Kreise).

Die Rechenfunktionen (``betreuungsquote``, ``jugendquotient``, ``uebergangsquote`` …)
nehmen ordentliche („tidy“) Tabellen mit den Spalten der Musterland-Daten. Echte Exporte
der Regionaldatenbank bringen ``bevoelkerung_aus_regionalstatistik``,
``kita_aus_regionalstatistik`` und ``abgaenger_aus_regionalstatistik`` in diese Form;
``Indikator.berechne(tabellen={...})`` rechnet dann mit ihnen statt mit Musterland.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass

import pandas as pd

from bimo import daten
from bimo.darstellung import Text
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


# --- echte Exporte der Regionaldatenbank in die ordentliche Form bringen ---------------------


def _altersgrenzen(text: str) -> tuple[int, float]:
    """„unter 3 Jahre“ → (0, 3), „3 bis unter 6 Jahre“ → (3, 6), „75 Jahre und mehr“ → (75, ∞)."""
    if treffer := re.fullmatch(r"(?:(\d+) bis )?unter (\d+) Jahre?", text):
        return int(treffer[1] or 0), int(treffer[2])
    if treffer := re.fullmatch(r"(\d+) Jahre? und mehr", text):
        return int(treffer[1]), math.inf
    raise ParameterFehler(
        f"Die Altersgruppe „{text}“ ist nicht lesbar (erwartet z. B. „unter 3 Jahre“)."
    )


def _nur(tabelle: pd.DataFrame, ebene: str, **bedingungen: str) -> pd.DataFrame:
    auswahl = tabelle["ebene"] == ebene
    for spalte, wert in bedingungen.items():
        auswahl &= tabelle[spalte] == wert
    return tabelle[auswahl]


def bevoelkerung_aus_regionalstatistik(
    tabelle: pd.DataFrame,
    *,
    ebene: str = "Kreis",
    alter: str = "merkmal_1",
    geschlecht: str = "merkmal_2",
) -> pd.DataFrame:
    """Bevölkerung nach Altersgruppen (z. B. 12411-02-03-4, gelesen mit
    ``bimo.daten.lese_regionalstatistik``) → Spalten ``ags, jahr, alter, alter_bis, wert``.

    Genommen werden Geschlecht „Insgesamt“ und die Altersgruppen (ohne die Zeile
    „Insgesamt“); ``alter`` ist das erste Jahr der Gruppe, ``alter_bis`` das erste danach.
    """
    t = _nur(tabelle, ebene, **{geschlecht: "Insgesamt"})
    t = t[t[alter] != "Insgesamt"]
    grenzen = {text: _altersgrenzen(text) for text in t[alter].unique()}
    return pd.DataFrame(
        {
            "ags": t["ags"],
            "jahr": t["jahr"],
            "alter": t[alter].map(lambda g: grenzen[g][0]),
            "alter_bis": t[alter].map(lambda g: grenzen[g][1]),
            "wert": t["wert"],
        }
    ).reset_index(drop=True)


_KITA_ALTER = {
    "unter 3 Jahre": "unter 3",
    "3 bis unter 6 Jahre": "3 bis unter 6",
    "6 bis unter 14 Jahre": "6 bis unter 14",
}


def kita_aus_regionalstatistik(tabelle: pd.DataFrame, *, ebene: str = "Kreis") -> pd.DataFrame:
    """Kinder in Tagesbetreuung (22543-01-02-4) → ``ags, jahr, altersgruppe, betreuungsart, wert``.

    Genommen wird nur „Insgesamt (ohne Doppelzählungen)“: Kinder, die eine Einrichtung und
    zusätzlich Tagespflege besuchen, zählen dort einmal. Einrichtung und Tagespflege zu
    addieren zählte sie doppelt.
    """
    t = _nur(
        tabelle, ebene, merkmal_1="Insgesamt (ohne Doppelzählungen)", merkmal_2="Betreute Kinder"
    )
    t = t[t["merkmal_4"].isin(_KITA_ALTER)]
    return pd.DataFrame(
        {
            "ags": t["ags"],
            "jahr": t["jahr"],
            "altersgruppe": t["merkmal_4"].map(_KITA_ALTER),
            "betreuungsart": "Insgesamt (ohne Doppelzählungen)",
            "wert": t["wert"],
        }
    ).reset_index(drop=True)


_ABSCHLUESSE = {
    "Insgesamt": "Insgesamt",
    "ohne Hauptschulabschluss": "ohne Ersten Schulabschluss",
    "mit Hauptschulabschluss": "Erster Schulabschluss",
    "mit Mittlerem Abschluss": "Mittlerer Schulabschluss",
    "mit Fachhochschulreife": "Fachhochschulreife",
    "mit allgemeiner Hochschulreife": "Allgemeine Hochschulreife",
}


def abgaenger_aus_regionalstatistik(tabelle: pd.DataFrame, *, ebene: str = "Kreis") -> pd.DataFrame:
    """Absolventen und Abgänger (21111-02-06-4) → ``ags, jahr, abschluss, wert``.

    Die Abschlüsse bekommen die heutigen Namen („ohne Hauptschulabschluss“ → „ohne Ersten
    Schulabschluss“); die Zeile „Insgesamt“ bleibt als Nenner (Teilzahlen sind oft geheim),
    die „dar.“-Spalte (schulischer Teil der Fachhochschulreife) fällt weg, Geschlecht ist
    „Insgesamt“.
    """
    t = _nur(tabelle, ebene, merkmal_2="Insgesamt")
    t = t[t["schulabschluss"].isin(_ABSCHLUESSE)]
    return pd.DataFrame(
        {
            "ags": t["ags"],
            "jahr": t["jahr"],
            "abschluss": t["schulabschluss"].map(_ABSCHLUESSE),
            "wert": t["wert"],
        }
    ).reset_index(drop=True)


# --- Register ------------------------------------------------------------------------------

_HINWEIS_UEBER_100 = (
    "Kinder werden am Ort der Betreuung gezählt, die Bevölkerung am Wohnort: Betreuen "
    "Einrichtungen einer Stadt viele Kinder aus dem Umland, kann die Quote über 100 % liegen."
)
_HINWEIS_STICHTAG = (
    "Zähler und Nenner haben verschiedene Stichtage (01.03. und 31.12. des Vorjahres); "
    "Geburten und Umzüge dazwischen verschieben die Quote leicht."
)
_HINWEIS_SCHULORT = (
    "Gezählt wird am Ort der Schule, nicht am Wohnort: Kreise mit Schulen für das Umland "
    "(oft kreisfreie Städte) sind verzerrt."
)
_HINWEIS_LAENDER = (
    "Schularten und Übergangsregeln unterscheiden sich von Land zu Land; Quoten "
    "verschiedener Länder nie ohne Erläuterung vergleichen."
)
_HINWEIS_ZWEI_DEFINITIONEN = (
    "Es gibt zwei Definitionen: (a) Anteil an allen Abgängern, gezählt am Ort der Schule "
    "(„ohne_abschluss_anteil“), und (b) das Quotensummenverfahren der KMK, Anteil an der "
    "gleichaltrigen Bevölkerung („ohne_abschluss_quotensumme“). Immer angeben, welche gemeint ist."
)
_HINWEIS_FOERDERSCHULEN = (
    "Förderschulen verzerren den Vergleich: Viele Abgänger ohne Ersten Schulabschluss haben "
    "einen Förderschulabschluss; wo Förderschulen stehen, steigt der Anteil."
)
_HINWEIS_IABE = (
    "Die vier Sektoren der integrierten Ausbildungsberichterstattung (iABE): "
    "Berufsausbildung, Übergangsbereich, Erwerb der Hochschulzugangsberechtigung, Studium; "
    "berufliche Schulen am Schulort, Studium am Hochschulort gezählt."
)
_HINWEIS_ALTERSGRENZEN = (
    "Die Altersgrenzen unterscheiden sich zwischen Quellen (etwa 15 oder 20 Jahre als untere, "
    "65 oder 67 als obere Grenze): hier unter 20 und 20 bis unter 65 Jahre – beim Vergleich "
    "immer die Grenzen nennen."
)
_HINWEIS_VHS = (
    "Nur Volkshochschulen; andere Träger der Weiterbildung fehlen. 2020–2022 brach das "
    "Angebot durch die Pandemie ein."
)
_HINWEIS_VHS_UNGEPRUEFT = (
    "Die Kennzahl „je 1.000 Einwohner“ ist eine übliche Form; dass die VHS-Statistik des DIE "
    "sie genau so ausweist, ist nicht belegt (ungeprüft)."
)
_MUSTERLAND = "hier: Musterland"


def _indikatoren() -> tuple[Indikator, ...]:  # noqa: PLR0915 – eine lange Liste, kein Ablauf
    bev = ("bevoelkerung",)
    return (
        Indikator(
            kennung="jugendquotient",
            name="Jugendquotient",
            themenfeld="Rahmenbedingungen/Demografie",
            definition="Personen unter 20 Jahren je 100 Personen von 20 bis unter 65 Jahren.",
            zaehler="Einwohner unter 20 Jahren am 31.12.",
            nenner="Einwohner von 20 bis unter 65 Jahren am 31.12.",
            quelle=f"Regionaldatenbank 12411 (Bevölkerungsstand); {_MUSTERLAND}",
            stichtag="31.12.",
            einheit="je 100 Personen von 20 bis unter 65 Jahren",
            hinweise=(_HINWEIS_ALTERSGRENZEN,),
            lesart="Je höher, desto mehr junge Menschen kommen auf die Bevölkerung im "
            "Erwerbsalter; kein Urteil „gut“ oder „schlecht“.",
            tabellen=bev,
            _berechne=lambda bevoelkerung: jugendquotient(bevoelkerung),
        ),
        Indikator(
            kennung="altenquotient",
            name="Altenquotient",
            themenfeld="Rahmenbedingungen/Demografie",
            definition="Personen ab 65 Jahren je 100 Personen von 20 bis unter 65 Jahren.",
            zaehler="Einwohner ab 65 Jahren am 31.12.",
            nenner="Einwohner von 20 bis unter 65 Jahren am 31.12.",
            quelle=f"Regionaldatenbank 12411 (Bevölkerungsstand); {_MUSTERLAND}",
            stichtag="31.12.",
            einheit="je 100 Personen von 20 bis unter 65 Jahren",
            hinweise=(_HINWEIS_ALTERSGRENZEN.replace("unter 20 und 20", "ab 65 und 20"),),
            lesart="Je höher, desto mehr Ältere kommen auf die Bevölkerung im Erwerbsalter.",
            tabellen=bev,
            _berechne=lambda bevoelkerung: altenquotient(bevoelkerung),
        ),
        Indikator(
            kennung="anteil_unter_18",
            name="Anteil der unter 18-Jährigen",
            themenfeld="Rahmenbedingungen/Demografie",
            definition="Anteil der Einwohner unter 18 Jahren an allen Einwohnern.",
            zaehler="Einwohner unter 18 Jahren am 31.12.",
            nenner="Einwohner insgesamt am 31.12.",
            quelle=f"Regionaldatenbank 12411 (Bevölkerungsstand); {_MUSTERLAND}",
            stichtag="31.12.",
            einheit="%",
            hinweise=("Zeigt die Größe der Zielgruppe von Kita und Schule, nicht ihren Bedarf.",),
            lesart="Je höher, desto größer der Anteil von Kindern und Jugendlichen.",
            tabellen=bev,
            _berechne=lambda bevoelkerung: anteil_im_alter(bevoelkerung, 0, 18),
        ),
        Indikator(
            kennung="anteil_nichtdeutsche",
            name="Anteil der Einwohner ohne deutsche Staatsangehörigkeit",
            themenfeld="Rahmenbedingungen/Demografie",
            definition="Anteil der Einwohner ohne deutsche Staatsangehörigkeit an allen "
            "Einwohnern.",
            zaehler="Nichtdeutsche Einwohner am 31.12.",
            nenner="Einwohner insgesamt am 31.12.",
            quelle=f"Regionaldatenbank 12411 (Bevölkerungsstand); {_MUSTERLAND}",
            stichtag="31.12.",
            einheit="%",
            hinweise=(
                "Staatsangehörigkeit ist nicht Migrationshintergrund: Eingebürgerte und viele "
                "Kinder zugewanderter Eltern sind Deutsche.",
            ),
            lesart="Je höher, desto mehr Einwohner ohne deutschen Pass; kein Bildungsmaß.",
            tabellen=bev,
            _berechne=lambda bevoelkerung: anteil_nichtdeutsche(bevoelkerung),
        ),
        Indikator(
            kennung="betreuungsquote_u3",
            name="Betreuungsquote der Kinder unter 3 Jahren",
            themenfeld="Frühkindliche Bildung",
            definition="Anteil der Kinder unter 3 Jahren in Kindertageseinrichtungen oder in "
            "öffentlich geförderter Kindertagespflege an allen Kindern dieses Alters.",
            zaehler="Kinder unter 3 Jahren in Kindertageseinrichtungen und Kindertagespflege "
            "am 01.03. (ohne Doppelzählungen)",
            nenner="Kinder unter 3 Jahren in der Bevölkerung am 31.12. des Vorjahres",
            quelle="Regionaldatenbank 22543-01-02-4 (Kinder) und 12411 (Bevölkerung); "
            "hier: Musterland",
            stichtag="01.03.",
            einheit="%",
            hinweise=(
                _HINWEIS_STICHTAG,
                "Seit dem 01.08.2013 besteht ein Rechtsanspruch auf Förderung ab dem "
                "vollendeten ersten Lebensjahr; Zeitreihen davor sind anders zu lesen.",
            ),
            lesart="Je höher, desto mehr Kinder dieses Alters werden betreut.",
            tabellen=("kindertagesbetreuung", "bevoelkerung"),
            _berechne=lambda kindertagesbetreuung, bevoelkerung: betreuungsquote(
                kindertagesbetreuung, bevoelkerung, "unter 3"
            ),
        ),
        Indikator(
            kennung="betreuungsquote_3_6",
            name="Betreuungsquote der Kinder von 3 bis unter 6 Jahren",
            themenfeld="Frühkindliche Bildung",
            definition="Anteil der Kinder von 3 bis unter 6 Jahren in Kindertageseinrichtungen "
            "oder öffentlich geförderter Kindertagespflege an allen Kindern dieses Alters.",
            zaehler="Kinder von 3 bis unter 6 Jahren in Kindertageseinrichtungen und "
            "Kindertagespflege am 01.03. (ohne Doppelzählungen)",
            nenner="Kinder von 3 bis unter 6 Jahren in der Bevölkerung am 31.12. des Vorjahres",
            quelle="Regionaldatenbank 22543-01-02-4 (Kinder) und 12411 (Bevölkerung); "
            "hier: Musterland",
            stichtag="01.03.",
            einheit="%",
            hinweise=(_HINWEIS_UEBER_100, _HINWEIS_STICHTAG),
            lesart="Je höher, desto mehr Kinder dieses Alters werden betreut; über 100 % "
            "heißt: Kinder aus anderen Kreisen werden hier betreut.",
            tabellen=("kindertagesbetreuung", "bevoelkerung"),
            _berechne=lambda kindertagesbetreuung, bevoelkerung: betreuungsquote(
                kindertagesbetreuung, bevoelkerung, "3 bis unter 6"
            ),
        ),
        Indikator(
            kennung="kinder_je_kita",
            name="Betreute Kinder je Kindertageseinrichtung",
            themenfeld="Frühkindliche Bildung",
            definition="Kinder in Kindertageseinrichtungen (alle Altersgruppen, mit Hortkindern) "
            "je Einrichtung.",
            zaehler="Betreute Kinder in Kindertageseinrichtungen am 01.03.",
            nenner="Kindertageseinrichtungen am 01.03.",
            quelle="Regionaldatenbank 22543 (Kinder) und 22541 (Einrichtungen); hier: Musterland",
            stichtag="01.03.",
            einheit="Kinder je Einrichtung",
            hinweise=(
                "Ein Durchschnitt: Er sagt nichts über die Spannweite von kleinen "
                "Elterninitiativen bis zu großen Häusern.",
                "Kinder in Kindertagespflege zählen nicht mit.",
            ),
            lesart="Je höher, desto größer im Mittel die Einrichtungen; kein Maß für Qualität.",
            tabellen=("kindertagesbetreuung", "kita_einrichtungen"),
            _berechne=lambda kindertagesbetreuung, kita_einrichtungen: kinder_je_einrichtung(
                kindertagesbetreuung, kita_einrichtungen
            ),
            faktor=1,
        ),
        Indikator(
            kennung="uebergangsquote_gymnasium",
            name="Übergangsquote auf das Gymnasium",
            themenfeld="Allgemeinbildende Schulen",
            definition="Anteil der Übergänge von der Grundschule in Klasse 5 des Gymnasiums an "
            "allen Übergängen in Klasse 5.",
            zaehler="Übergänge in Klasse 5 eines Gymnasiums zum Schuljahresbeginn",
            nenner="Übergänge in Klasse 5 aller weiterführenden Schularten (ohne Förderschulen)",
            quelle=f"Schulstatistik der Länder (Übergänge nach Klasse 4); {_MUSTERLAND}",
            stichtag="Schuljahresbeginn",
            einheit="%",
            hinweise=(_HINWEIS_LAENDER, _HINWEIS_SCHULORT),
            lesart="Je höher, desto mehr Kinder wechseln aufs Gymnasium; die Anteile aller "
            "Schularten ergeben zusammen 100 %.",
            tabellen=("uebergaenge",),
            _berechne=lambda uebergaenge: uebergangsquote(uebergaenge, "Gymnasium"),
        ),
        Indikator(
            kennung="uebergangsquote_realschule",
            name="Übergangsquote auf die Realschule",
            themenfeld="Allgemeinbildende Schulen",
            definition="Anteil der Übergänge von der Grundschule in Klasse 5 der Realschule an "
            "allen Übergängen in Klasse 5.",
            zaehler="Übergänge in Klasse 5 einer Realschule zum Schuljahresbeginn",
            nenner="Übergänge in Klasse 5 aller weiterführenden Schularten (ohne Förderschulen)",
            quelle=f"Schulstatistik der Länder (Übergänge nach Klasse 4); {_MUSTERLAND}",
            stichtag="Schuljahresbeginn",
            einheit="%",
            hinweise=(_HINWEIS_LAENDER, _HINWEIS_SCHULORT),
            lesart="Je höher, desto mehr Kinder wechseln auf die Realschule; die Anteile "
            "aller Schularten ergeben zusammen 100 %.",
            tabellen=("uebergaenge",),
            _berechne=lambda uebergaenge: uebergangsquote(uebergaenge, "Realschule"),
        ),
        Indikator(
            kennung="foerderschulbesuchsquote",
            name="Förderschulbesuchsquote",
            themenfeld="Allgemeinbildende Schulen",
            definition="Anteil der Schülerinnen und Schüler an Förderschulen an allen "
            "Schülerinnen und Schülern der Klassenstufen 1 bis 10.",
            zaehler="Schüler an Förderschulen, Klassenstufen 1 bis 10",
            nenner="Schüler allgemeinbildender Schulen, Klassenstufen 1 bis 10",
            quelle=f"Regionaldatenbank 21111 (Allgemeinbildende Schulen); {_MUSTERLAND}",
            stichtag="Schuljahresbeginn",
            einheit="%",
            hinweise=(
                "Nicht zu verwechseln mit der Förderquote: Kinder mit sonderpädagogischem "
                "Förderbedarf, die inklusiv an Regelschulen lernen, zählen hier nicht.",
                _HINWEIS_SCHULORT,
            ),
            lesart="Je höher, desto mehr Kinder lernen getrennt an Förderschulen.",
            tabellen=("schueler",),
            _berechne=lambda schueler: foerderschulbesuchsquote(schueler),
        ),
        Indikator(
            kennung="ohne_abschluss_anteil",
            name="Abgänger ohne Ersten Schulabschluss (Anteil an allen Abgängern)",
            themenfeld="Allgemeinbildende Schulen",
            definition="Anteil der Abgänger ohne Ersten Schulabschluss (früher: ohne "
            "Hauptschulabschluss) an allen Absolventen und Abgängern allgemeinbildender Schulen.",
            zaehler="Abgänger ohne Ersten Schulabschluss am Schuljahresende",
            nenner="Absolventen und Abgänger insgesamt am Schuljahresende",
            quelle=f"Regionaldatenbank 21111-02-06-4; Regionalatlas AI003-2; {_MUSTERLAND}",
            stichtag="Schuljahresende",
            einheit="%",
            hinweise=(_HINWEIS_ZWEI_DEFINITIONEN, _HINWEIS_SCHULORT, _HINWEIS_FOERDERSCHULEN),
            lesart="Je höher, desto mehr Jugendliche verlassen die Schule ohne Abschluss "
            "(ungünstig).",
            tabellen=("abgaenger",),
            _berechne=lambda abgaenger: abgaenger_anteil(abgaenger, "ohne Ersten Schulabschluss"),
        ),
        Indikator(
            kennung="ohne_abschluss_quotensumme",
            name="Abgänger ohne Ersten Schulabschluss (Anteil an der gleichaltrigen "
            "Bevölkerung, Näherung)",
            themenfeld="Allgemeinbildende Schulen",
            definition="Abgänger ohne Ersten Schulabschluss je 100 Personen eines "
            "Altersjahrgangs – eine Näherung des Quotensummenverfahrens der KMK.",
            zaehler="Abgänger ohne Ersten Schulabschluss am Schuljahresende",
            nenner="Mittlerer Altersjahrgang: Einwohner von 15 bis unter 18 Jahren am 31.12. "
            "des Vorjahres, geteilt durch 3",
            quelle="Regionaldatenbank 21111-02-06-4 (Abgänger) und 12411 (Bevölkerung); "
            f"{_MUSTERLAND}",
            stichtag="Schuljahresende",
            einheit="%",
            hinweise=(
                _HINWEIS_ZWEI_DEFINITIONEN,
                "Näherung: Die KMK teilt die Abgänger jedes Alters durch die Gleichaltrigen und "
                "summiert diese Quoten. Das Alter der Abgänger fehlt in Musterland; der Nenner "
                "ist daher der mittlere Jahrgang der 15- bis unter 18-Jährigen am 31.12. des "
                "Vorjahres (Einwohner 15 bis unter 18 ÷ 3). Werte nicht mit KMK-Zahlen "
                "gleichsetzen.",
                "Zähler am Ort der Schule, Nenner am Wohnort: Wanderungen zwischen Kreisen "
                "verzerren.",
            ),
            lesart="Je höher, desto mehr Jugendliche eines Jahrgangs verlassen die Schule ohne "
            "Abschluss (ungünstig).",
            tabellen=("abgaenger", "bevoelkerung"),
            _berechne=lambda abgaenger, bevoelkerung: ohne_abschluss_quotensumme(
                abgaenger, bevoelkerung
            ),
        ),
        Indikator(
            kennung="anteil_hochschulreife",
            name="Absolventen mit allgemeiner Hochschulreife (Anteil an allen Abgängern)",
            themenfeld="Allgemeinbildende Schulen",
            definition="Anteil der Absolventen mit allgemeiner Hochschulreife an allen "
            "Absolventen und Abgängern allgemeinbildender Schulen.",
            zaehler="Absolventen mit allgemeiner Hochschulreife am Schuljahresende",
            nenner="Absolventen und Abgänger insgesamt am Schuljahresende",
            quelle=f"Regionaldatenbank 21111-02-06-4; {_MUSTERLAND}",
            stichtag="Schuljahresende",
            einheit="%",
            hinweise=(
                "Nur allgemeinbildende Schulen: Hochschulreife an beruflichen Schulen fehlt "
                "(siehe iABE-Sektor „Erwerb der Hochschulzugangsberechtigung“).",
                _HINWEIS_SCHULORT,
            ),
            lesart="Je höher, desto mehr Absolventen erwerben das Abitur.",
            tabellen=("abgaenger",),
            _berechne=lambda abgaenger: abgaenger_anteil(abgaenger, "Allgemeine Hochschulreife"),
        ),
        Indikator(
            kennung="anteil_uebergangsbereich",
            name="Anteil des Übergangsbereichs an den Neuzugängen (iABE)",
            themenfeld="Berufliche Bildung",
            definition="Anteil der Anfänger im Übergangsbereich an allen Anfängern der vier "
            "Sektoren der integrierten Ausbildungsberichterstattung.",
            zaehler="Anfänger im Übergangsbereich (Maßnahmen ohne vollqualifizierenden Abschluss)",
            nenner="Anfänger in Berufsausbildung, Übergangsbereich, Erwerb der "
            "Hochschulzugangsberechtigung und Studium",
            quelle=f"Integrierte Ausbildungsberichterstattung (iABE, BIBB/Destatis); {_MUSTERLAND}",
            stichtag="Schuljahr bzw. Studienjahr",
            einheit="%",
            hinweise=(_HINWEIS_IABE, "Deutschland 2024: 13,6 % (BIBB)."),
            lesart="Je höher, desto mehr Jugendliche beginnen statt einer Ausbildung eine "
            "Übergangsmaßnahme (eher ungünstig).",
            tabellen=("ausbildungsanfaenger",),
            _berechne=lambda ausbildungsanfaenger: sektoranteil(
                ausbildungsanfaenger, "Übergangsbereich"
            ),
        ),
        Indikator(
            kennung="anteil_studienanfaenger",
            name="Anteil der Studienanfänger an den Neuzugängen (iABE)",
            themenfeld="Berufliche Bildung",
            definition="Anteil der Studienanfänger an allen Anfängern der vier Sektoren der "
            "integrierten Ausbildungsberichterstattung.",
            zaehler="Studienanfänger (am Hochschulort)",
            nenner="Anfänger in Berufsausbildung, Übergangsbereich, Erwerb der "
            "Hochschulzugangsberechtigung und Studium",
            quelle=f"Integrierte Ausbildungsberichterstattung (iABE, BIBB/Destatis); {_MUSTERLAND}",
            stichtag="Schuljahr bzw. Studienjahr",
            einheit="%",
            hinweise=(
                _HINWEIS_IABE,
                "Studienanfänger zählen am Hochschulort: Hochschulstädte liegen weit vorn, "
                "Kreise ohne Hochschule niedrig; die Quote sagt wenig über die eigene Jugend.",
            ),
            lesart="Je höher, desto größer das Gewicht der Hochschulen unter den Neuzugängen.",
            tabellen=("ausbildungsanfaenger",),
            _berechne=lambda ausbildungsanfaenger: sektoranteil(ausbildungsanfaenger, "Studium"),
        ),
        Indikator(
            kennung="vhs_belegungen_je_1000",
            name="Belegungen an Volkshochschulen je 1.000 Einwohner",
            themenfeld="Weiterbildung",
            definition="Belegungen von Kursen der Volkshochschulen im Kalenderjahr je 1.000 "
            "Einwohner.",
            zaehler="Kursbelegungen der Volkshochschulen im Kalenderjahr",
            nenner="Einwohner insgesamt am 31.12. des Jahres",
            quelle=f"VHS-Statistik (DIE); Bevölkerung 12411; {_MUSTERLAND}; Kennzahl „je 1.000 "
            "Einwohner“ ungeprüft",
            stichtag="Kalenderjahr",
            einheit="je 1.000 Einwohner",
            hinweise=(
                _HINWEIS_VHS,
                _HINWEIS_VHS_UNGEPRUEFT,
                "Belegungen sind keine Personen: Wer drei Kurse belegt, zählt dreimal.",
            ),
            lesart="Je höher, desto stärker wird das Angebot der Volkshochschulen genutzt.",
            tabellen=("weiterbildung", "bevoelkerung"),
            _berechne=lambda weiterbildung, bevoelkerung: vhs_je_1000_einwohner(
                weiterbildung, bevoelkerung, "Belegungen"
            ),
            faktor=1000,
        ),
        Indikator(
            kennung="vhs_unterrichtsstunden_je_1000",
            name="Unterrichtsstunden an Volkshochschulen je 1.000 Einwohner",
            themenfeld="Weiterbildung",
            definition="Unterrichtsstunden der Volkshochschulen im Kalenderjahr je 1.000 "
            "Einwohner.",
            zaehler="Unterrichtsstunden der Volkshochschulen im Kalenderjahr",
            nenner="Einwohner insgesamt am 31.12. des Jahres",
            quelle=f"VHS-Statistik (DIE); Bevölkerung 12411; {_MUSTERLAND}; Kennzahl „je 1.000 "
            "Einwohner“ ungeprüft",
            stichtag="Kalenderjahr",
            einheit="je 1.000 Einwohner",
            hinweise=(_HINWEIS_VHS, _HINWEIS_VHS_UNGEPRUEFT),
            lesart="Je höher, desto umfangreicher das Angebot der Volkshochschulen.",
            tabellen=("weiterbildung", "bevoelkerung"),
            _berechne=lambda weiterbildung, bevoelkerung: vhs_je_1000_einwohner(
                weiterbildung, bevoelkerung, "Unterrichtsstunden"
            ),
            faktor=1000,
        ),
        Indikator(
            kennung="sgb2_quote_unter_15",
            name="SGB-II-Quote der unter 15-Jährigen",
            themenfeld="Soziale Lage",
            definition="Nicht erwerbsfähige Leistungsberechtigte nach dem SGB II unter 15 "
            "Jahren je 100 Einwohner unter 15 Jahren.",
            zaehler="Nicht erwerbsfähige Leistungsberechtigte unter 15 Jahren im Dezember",
            nenner="Einwohner unter 15 Jahren am 31.12.",
            quelle="Statistik der Bundesagentur für Arbeit; Regionaldatenbank 22811 und 12411; "
            f"{_MUSTERLAND}",
            stichtag="Dezember",
            einheit="%",
            hinweise=(
                "Seit der Revision 2016 zählt die BA Kinder ohne eigenen Leistungsanspruch "
                "getrennt; Zeitreihen über 2016 hinweg nur mit Erläuterung.",
                "Zähler aus der BA-Statistik, Nenner aus der Bevölkerungsstatistik: kleine "
                "Unterschiede in der Abgrenzung sind möglich.",
            ),
            lesart="Je höher, desto mehr Kinder leben in Familien mit Grundsicherung (ungünstig).",
            tabellen=("sgb2", "bevoelkerung"),
            _berechne=lambda sgb2, bevoelkerung: sgb2_quote_unter_15(sgb2, bevoelkerung),
        ),
    )


REGISTER: dict[str, Indikator] = {i.kennung: i for i in _indikatoren()}


def indikator(kennung: str) -> Indikator:
    """Holt einen Indikator aus dem Register."""
    try:
        return REGISTER[kennung]
    except KeyError:
        bekannt = ", ".join(sorted(REGISTER))
        raise ParameterFehler(
            f"Unbekannter Indikator „{kennung}“. Bekannt sind: {bekannt}."
        ) from None


def nach_themenfeld() -> dict[str, list[Indikator]]:
    """Die Indikatoren des Registers nach Themenfeld, in der Reihenfolge von ``THEMENFELDER``."""
    return {feld: [i for i in REGISTER.values() if i.themenfeld == feld] for feld in THEMENFELDER}


def steckbrief(kennung: str) -> Text:
    """Der Steckbrief eines Indikators als Markdown-Text (eine Seite je Indikator)."""
    ind = indikator(kennung)
    hinweise = "\n".join(f"- {h}" for h in ind.hinweise)
    return Text(
        f"# {ind.name}\n\n"
        f"**Themenfeld:** {ind.themenfeld} · **Kennung:** `{ind.kennung}`\n\n"
        f"## Definition\n\n{ind.definition}\n\n"
        f"| Merkmal | Beschreibung |\n|---|---|\n"
        f"| Zähler | {ind.zaehler} |\n"
        f"| Nenner | {ind.nenner} |\n"
        f"| Einheit | {ind.einheit} |\n"
        f"| Stichtag | {ind.stichtag} |\n"
        f"| Quelle | {ind.quelle} |\n\n"
        f"## Lesart\n\n{ind.lesart}\n\n"
        f"## Hinweise\n\n{hinweise}\n"
    )
