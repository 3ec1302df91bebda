"""Der Tabellenkatalog: welche Tabellen der Regionaldatenbank bimo kennt und was ihre
Spalten bedeuten.

Die Beschriftungen der Regionaldatenbank ändern sich zwischen den Jahrgängen („Absolventen/
Abgänger … ohne Hauptschulabschluss“ 2017, „Absolvierende/Abgehende … ohne Ersten
Schulabschluss“ 2026), und die Spaltennamen der Langform entstehen aus dem Kopf der Datei
(``schulabschluss``, ``merkmal_2``, …). Deshalb wählt bimo Werte nie über einen Spaltennamen
oder eine Spaltenposition aus, sondern über **Bedeutungen**: Jede Tabelle des Katalogs nennt
ihre Gliederungen (z. B. Schulabschluss, Geschlecht) mit den Ausprägungen und allen bekannten
Beschriftungen (Synonymen), und jede Bedeutung (z. B.
``"abgaenger_ohne_ersten_abschluss_insgesamt"``) legt fest, welche Ausprägung je Gliederung
gemeint ist. :func:`waehle` sucht in der gelesenen Tabelle die Spalte, deren Einträge zu einer
Gliederung passen – gleich, wie sie heißt und wo sie steht.

Beispiel::

    from bimo.daten import lese_regionalstatistik
    from bimo.daten.katalog import erkenne, waehle

    abgaenger = lese_regionalstatistik("21111-02-06-4.csv")
    erkenne(abgaenger).beschreibung()
    ohne = waehle(abgaenger, "abgaenger_ohne_ersten_abschluss_insgesamt", jahr=2015)
    weiblich = waehle(abgaenger, "abgaenger_ohne_ersten_abschluss", geschlecht="weiblich")

Beschriftungen werden vor dem Vergleich vereinheitlicht (:func:`normiere`): Groß- und
Kleinschreibung, Leerraum, weiche Trennstriche, „u.“/„und“, „allgemein bildend“/
„allgemeinbildend“ und „Schulabschluss“/„Abschluss“ (mit und ohne „Schul-“) zählen nicht.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from itertools import product

import pandas as pd

from bimo.fehler import DatenFehler

__all__ = [
    "KATALOG",
    "Bedeutung",
    "Gliederung",
    "Katalogeintrag",
    "eintrag",
    "erkenne",
    "normiere",
    "waehle",
    "zuordnung",
]

_GRUNDSPALTEN = ("ags", "name", "ebene", "stufe", "zeit", "jahr", "einheit", "wert", "zeichen")


# --------------------------------------------------------------------------
# Beschriftungen vergleichen
# --------------------------------------------------------------------------

_ERSETZUNGEN = (
    (re.compile(r"\bu\.(?=\s|$)"), "und"),
    (re.compile(r"\bz\.\s*"), "zur "),
    (re.compile(r"allgemein\s+bildend"), "allgemeinbildend"),
    (re.compile(r"schul(?=abschluss)"), ""),
    (re.compile(r"\bdar\.\s*:?\s*"), "darunter "),
    (re.compile(r"\bdarunter\s*:\s*"), "darunter "),
    (re.compile(r"\s*/\s*"), "/"),
    (re.compile(r"\s*\(\s*"), " ("),
    (re.compile(r"\s*\)"), ")"),
    (re.compile(r"\s+"), " "),
)


def normiere(text: object) -> str:
    """Eine Beschriftung in Vergleichsform (``„ohne  Hauptschul\\xadabschluss“`` wird
    ``„ohne hauptabschluss“``).

    Kleinschreibung, Unicode-Normalform NFKC, ohne weiche Trennstriche und unsichtbare
    Zeichen, Leerraum zusammengefasst, „u.“ → „und“, „dar.“ → „darunter“, „allgemein
    bildend“ → „allgemeinbildend“, „…schulabschluss“ → „…abschluss“ (mit und ohne „Schul-“).
    """
    if text is None or (isinstance(text, float) and text != text):
        return ""
    s = unicodedata.normalize("NFKC", str(text))
    s = re.sub(r"[\u00ad\u200b\u200c\u200d\u2060\ufeff]", "", s)
    s = s.replace("\u2013", "-").replace("\u2011", "-").lower().strip()
    for muster, ersatz in _ERSETZUNGEN:
        s = muster.sub(ersatz, s)
    return s.strip(" :;,")


_GESAMT = {"", "insgesamt", "zusammen", "gesamt", "insgesamt (ohne doppelzählungen)"}


def _ist_gesamt(norm: str) -> bool:
    """Eine Beschriftung für „alle zusammen“ (auch „Tätige Personen insgesamt“)."""
    return norm in _GESAMT or norm.endswith(" insgesamt") or norm.startswith("insgesamt ")


# --------------------------------------------------------------------------
# Das Modell
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class Gliederung:
    """Eine Gliederung einer Tabelle (z. B. Geschlecht) mit ihren Ausprägungen.

    Attributes:
        schluessel: Kurzname (ASCII), z. B. ``"geschlecht"``; so heißt die Spalte im Ergebnis
            von :func:`waehle`.
        titel: deutscher Name für Meldungen, z. B. „Geschlecht“.
        auspraegungen: Ausprägung → alle bekannten Beschriftungen (Synonyme) über die
            Jahrgänge; ``""`` heißt „Feld ohne Eintrag“ (z. B. die Summe über alle Altersgruppen).
        standard: die Ausprägung, die gilt, wenn eine Tabelle die Gliederung nicht hat
            (z. B. ``"insgesamt"``); ``None``: die Gliederung muss in der Tabelle stehen.
    """

    schluessel: str
    titel: str
    auspraegungen: Mapping[str, tuple[str, ...]]
    standard: str | None = "insgesamt"

    def synonyme(self, auspraegung: str) -> set[str]:
        """Die vereinheitlichten Beschriftungen einer Ausprägung."""
        return {normiere(s) for s in self.auspraegungen[auspraegung]}

    def kennzeichnend(self) -> set[str]:
        """Beschriftungen, an denen die Gliederung zu erkennen ist (ohne „Insgesamt“, leer)."""
        return {n for a in self.auspraegungen for n in self.synonyme(a) if not _ist_gesamt(n)}

    def auspraegung_zu(self, text: str) -> str | None:
        """Die Ausprägung zu einem Kurznamen oder einer Beschriftung („weiblich“, „weibl.“)."""
        if text in self.auspraegungen:
            return text
        norm = normiere(text)
        for auspraegung in self.auspraegungen:
            if norm in self.synonyme(auspraegung):
                return auspraegung
        return None


@dataclass(frozen=True)
class Bedeutung:
    """Eine auswählbare Größe einer Tabelle, z. B. „Abgänger ohne Ersten Schulabschluss, insgesamt“.

    ``auswahl`` nennt je Gliederung die gemeinte Ausprägung; nicht genannte Gliederungen
    gelten mit ihrer Standardausprägung (meist „Insgesamt“).
    """

    schluessel: str
    titel: str
    auswahl: Mapping[str, str]
    einheit: str = "Anzahl"


@dataclass(frozen=True)
class Katalogeintrag:
    """Eine Tabelle (bzw. eine Familie gleich gebauter Tabellen) der Regionaldatenbank.

    Attributes:
        code: der Haupt-Code, z. B. ``"21111-02-06-4"``.
        codes: alle Codes, unter denen die Tabelle vorkommt (Kreise ``-4``, Gemeinden ``-5``,
            „regionale Ebenen“ ``-B``).
        statistik: die 5-stellige Statistik (so steht sie im Flatfile: ``statistics_code``).
        wertmerkmale: Codes der Wertmerkmale im Flatfile (``value_variable_code``), soweit
            bekannt; sonst erkennt bimo ein Flatfile an den Beschriftungen.
        titel: deutscher Titel.
        gliederungen: die Gliederungen mit ihren Synonymen.
        bedeutungen: die auswählbaren Größen.
        indikatoren: Kennungen der Indikatoren im Register, zu denen die Tabelle beiträgt.
        hinweis: was beim Verwenden zu beachten ist (Sprünge zwischen Jahrgängen u. Ä.).
        geprueft: an einer echten Datei der Regionaldatenbank geprüft (sonst: nach der
            Beschriftung der Regionaldatenbank angelegt, noch ohne echte Datei).
    """

    code: str
    codes: tuple[str, ...]
    statistik: str
    titel: str
    gliederungen: tuple[Gliederung, ...]
    bedeutungen: tuple[Bedeutung, ...]
    indikatoren: tuple[str, ...] = ()
    wertmerkmale: tuple[str, ...] = ()
    einheit: str = "Anzahl"
    hinweis: str = ""
    geprueft: bool = True
    _index: dict[str, Bedeutung] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        self._index.update({b.schluessel: b for b in self.bedeutungen})

    def beschreibung(self) -> str:
        """Eine Zeile für Inventar und Steckbrief, z. B. „21111-02-06-4 Absolvierende/… –
        speist: ohne_abschluss_anteil, …“."""
        speist = (
            ", ".join(self.indikatoren) if self.indikatoren else "keinen Indikator des Registers"
        )
        varianten = [c for c in self.codes if c != self.code]
        auch = f" (auch {', '.join(varianten)})" if varianten else ""
        return f"{self.code}{auch}: {self.titel} – speist {speist}"

    def bedeutung(self, schluessel: str) -> Bedeutung:
        """Die Bedeutung zu einem Schlüssel; unbekannt → :class:`DatenFehler` mit der Liste."""
        if schluessel not in self._index:
            bekannt = ", ".join(self._index)
            raise DatenFehler(
                f"Die Tabelle {self.code} ({self.titel}) kennt die Bedeutung „{schluessel}“ "
                f"nicht. Bekannt sind: {bekannt}."
            )
        return self._index[schluessel]

    def gliederung(self, schluessel: str) -> Gliederung | None:
        return next((g for g in self.gliederungen if g.schluessel == schluessel), None)


# --------------------------------------------------------------------------
# Gliederungen, die mehrere Tabellen teilen
# --------------------------------------------------------------------------

GESCHLECHT = Gliederung(
    "geschlecht",
    "Geschlecht",
    {
        "insgesamt": ("Insgesamt", "zusammen", ""),
        "maennlich": ("männlich", "männl.", "Männer"),
        "weiblich": ("weiblich", "weibl.", "Frauen"),
    },
)

_ALTERSGRUPPEN = {
    "unter_1": ("unter 1 Jahr",),
    "unter_3": ("unter 3 Jahre", "0 bis unter 3 Jahre"),
    "3_bis_6": ("3 bis unter 6 Jahre",),
    "6_bis_10": ("6 bis unter 10 Jahre",),
    "10_bis_15": ("10 bis unter 15 Jahre",),
    "15_bis_18": ("15 bis unter 18 Jahre",),
    "18_bis_20": ("18 bis unter 20 Jahre",),
    "18_bis_25": ("18 bis unter 25 Jahre",),
    "20_bis_25": ("20 bis unter 25 Jahre",),
    "25_bis_30": ("25 bis unter 30 Jahre",),
    "30_bis_35": ("30 bis unter 35 Jahre",),
    "30_bis_40": ("30 bis unter 40 Jahre",),
    "35_bis_40": ("35 bis unter 40 Jahre",),
    "40_bis_45": ("40 bis unter 45 Jahre",),
    "40_bis_50": ("40 bis unter 50 Jahre",),
    "45_bis_50": ("45 bis unter 50 Jahre",),
    "50_bis_55": ("50 bis unter 55 Jahre",),
    "50_bis_65": ("50 bis unter 65 Jahre",),
    "55_bis_60": ("55 bis unter 60 Jahre",),
    "60_bis_65": ("60 bis unter 65 Jahre",),
    "65_bis_75": ("65 bis unter 75 Jahre",),
    "75_und_mehr": ("75 Jahre und mehr", "75 Jahre und älter", "75 und mehr Jahre"),
}

ALTER_BEVOELKERUNG = Gliederung(
    "alter",
    "Altersgruppe",
    {"insgesamt": ("Insgesamt", "Alter insgesamt"), **_ALTERSGRUPPEN},
)

ABSCHLUSS = Gliederung(
    "abschluss",
    "Schulabschluss",
    {
        "insgesamt": ("Insgesamt",),
        "ohne_ersten": (
            "ohne Hauptschulabschluss",
            "ohne Ersten Schulabschluss",
            "ohne ersten allgemeinbildenden Schulabschluss",
            "ohne Abschluss",
        ),
        "erster": (
            "mit Hauptschulabschluss",
            "mit Erstem Schulabschluss",
            "Erster Schulabschluss",
            "Hauptschulabschluss",
        ),
        "mittlerer": (
            "mit Realschulabschluss",
            "mit mittlerem Abschluss",
            "mit Mittlerem Schulabschluss",
            "Mittlerer Schulabschluss",
            "Realschulabschluss",
        ),
        "fachhochschulreife": ("mit Fachhochschulreife", "Fachhochschulreife"),
        "fhr_schulischer_teil": (
            "dar. schulischer Teil der Fachhochschulreife",
            "darunter schulischer Teil der Fachhochschulreife",
            "schulischer Teil der Fachhochschulreife",
        ),
        "hochschulreife": (
            "mit allgemeiner Hochschulreife",
            "mit Allgemeiner und fachgebundener Hochschulreife",
            "Allgemeine Hochschulreife",
            "allgemeine und fachgebundene Hochschulreife",
            "mit Hochschulreife",
        ),
    },
)

BETREUUNGSART = Gliederung(
    "betreuungsart",
    "Art der Kindertagesbetreuung",
    {
        "insgesamt": ("Insgesamt (ohne Doppelzählungen)", "Insgesamt"),
        "tageseinrichtung": (
            "Tageseinrichtung",
            "Tageseinrichtungen",
            "Kindertageseinrichtungen",
            "in Tageseinrichtungen",
        ),
        "tagespflege": (
            "Tagespflege",
            "Kindertagespflege",
            "öffentlich geförderte Kindertagespflege",
            "in Kindertagespflege",
        ),
    },
)

KINDERMERKMAL = Gliederung(
    "kennzahl",
    "Kennzahl (Kinder)",
    {
        "betreute": ("Betreute Kinder", "Kinder in Tagesbetreuung", "Kinder"),
        "herkunft_ausland": ("Kinder, Herkunft mind. 1 Elternteil ausländisch",),
        "mittagsverpflegung": ("Kinder mit Mittagsverpflegung",),
    },
    standard="betreute",
)

ALTER_KITA = Gliederung(
    "alter",
    "Altersgruppe",
    {
        "insgesamt": ("", "Insgesamt", "Altersgruppen insgesamt"),
        "unter_3": ("unter 3 Jahre", "0 bis unter 3 Jahre"),
        "3_bis_6": ("3 bis unter 6 Jahre", "3 bis unter 6 Jahre (ohne Schulkinder)"),
        "6_bis_14": ("6 bis unter 14 Jahre", "6 bis unter 14 Jahre (Schulkinder)"),
    },
)

EINRICHTUNGSMERKMAL = Gliederung(
    "kennzahl",
    "Kennzahl (Einrichtungen)",
    {
        "einrichtungen": ("Tageseinrichtungen für Kinder", "Tageseinrichtungen", "Einrichtungen"),
        "plaetze": ("Genehmigte Plätze", "Verfügbare Plätze", "Plätze"),
        "personen": ("Tätige Personen",),
        "integrativ": ("Einrichtungen mit integrativer Kinderbetreuung",),
        "vollzeitstellen": ("Rechn.Zahl d.Vollzeitstellen i.pädagogisch.Bereich",),
    },
    standard="einrichtungen",
)

EINRICHTUNGSART = Gliederung(
    "einrichtungsart",
    "Art der Einrichtung",
    {
        "insgesamt": ("Insgesamt", ""),
        "kindergaerten": ("Kindergärten",),
        "horte": ("Horte",),
        "kinderkrippen": ("Kinderkrippen",),
        "anderweitige": ("anderweitige Einrichtungen",),
        "fuer_unter_3": ("unter 3 Jahre",),
        "fuer_2_bis_8": ("2 bis unter 8 Jahre (ohne Schulkinder)",),
        "fuer_5_bis_14": ("5 bis unter 14 Jahre (mit Schulkindern)",),
        "alle_altersgruppen": ("Kinder aller Altersgruppen",),
        "plaetze_krippe": ("Plätze für Krippenkinder",),
        "plaetze_kindergarten": ("Plätze für Kindergartenkinder",),
        "plaetze_hort": ("Plätze für Hortkinder",),
    },
)

SCHULART = Gliederung(
    "schulart",
    "Schulart",
    {
        "insgesamt": ("Insgesamt",),
        "vorschulbereich": ("Vorschulbereich",),
        "grundschulen": ("Grundschulen",),
        "orientierungsstufe": ("Schulartunabhängige Orientierungsstufe",),
        "hauptschulen": ("Hauptschulen",),
        "mehrere_bildungsgaenge": ("Schularten mit mehreren Bildungsgängen",),
        "realschulen": ("Realschulen",),
        "gymnasien": ("Gymnasien",),
        "gesamtschulen": ("Integrierte Gesamtschulen",),
        "waldorfschulen": ("Freie Waldorfschulen",),
        "foerderschulen": ("Sonderschulen/Förderschulen", "Förderschulen", "Sonderschulen"),
        "abendschulen": ("Abendschulen und Kollegs",),
    },
)

SCHULMERKMAL = Gliederung(
    "kennzahl",
    "Kennzahl (Schulen)",
    {
        "schulen": ("Allgemein bildende Schulen", "Schulen"),
        "schueler": (
            "Schüler(innen) an allgemein bildenden Schulen",
            "Schülerinnen und Schüler an allgemeinbildenden Schulen",
            "Schüler/-innen an allgemeinbildenden Schulen",
            "Schüler",
        ),
    },
    standard="schueler",
)

SCHUELERGRUPPE = Gliederung(
    "gruppe",
    "Personengruppe",
    {
        "insgesamt": ("Insgesamt", ""),
        "weiblich": ("weiblich",),
        "auslaender": ("Ausländer(innen)", "Ausländer", "ausländische Schüler(innen)"),
        "klasse_7": ("7. Klassenstufe",),
        "jahrgang_11": ("11. Jahrgangsstufe / Einführungsphase",),
    },
)

SGB2_PERSONEN = Gliederung(
    "personen",
    "Personenkreis",
    {
        "bedarfsgemeinschaften": (
            "Personen in Bedarfsgemeinschaften nach dem SGB II",
            "Personen in Bedarfsgemeinschaften",
        ),
        "regelleistungsberechtigte": (
            "dar.: Regelleistungsberechtigte nach dem SGB II",
            "Regelleistungsberechtigte nach dem SGB II",
            "Regelleistungsberechtigte",
        ),
    },
    standard="regelleistungsberechtigte",
)

SGB2_LEISTUNG = Gliederung(
    "leistung",
    "Leistungsberechtigte",
    {
        "insgesamt": ("insgesamt", ""),
        "erwerbsfaehige": (
            "erwerbsf. Leistungsberech. (Arbeitslosengeld II)",
            "erwerbsfähige Leistungsberechtigte",
            "erwerbsfähige Leistungsberechtigte (Arbeitslosengeld II)",
            "Arbeitslosengeld II",
        ),
        "nicht_erwerbsfaehige": (
            "nicht erwerbsf. Leistungsberech. (Sozialgeld)",
            "nicht erwerbsfähige Leistungsberechtigte",
            "nicht erwerbsfähige Leistungsberechtigte (Sozialgeld)",
            "Sozialgeld",
        ),
    },
)

SGB2_GRUPPE = Gliederung(
    "gruppe",
    "Personengruppe",
    {
        "insgesamt": ("Insgesamt", "zusammen", ""),
        "weiblich": ("weiblich",),
        "auslaender": ("Ausländer(innen)", "Ausländer"),
        "unter_15": ("unter 15 Jahre",),
        "unter_25": ("unter 25 Jahre", "15 bis unter 25 Jahre"),
        "25_bis_50": ("25 bis unter 50 Jahre",),
        "50_bis_55": ("50 bis unter 55 Jahre",),
        "55_und_mehr": ("55 Jahre und mehr", "55 Jahre und älter"),
    },
)

QUOTIENT = Gliederung(
    "quotient",
    "Quotient",
    {"jugendquotient": ("Jugendquotient",), "altenquotient": ("Altenquotient",)},
    standard=None,
)

ATLAS_BILDUNG = Gliederung(
    "kennzahl",
    "Indikator des Regionalatlas",
    {
        "anteil_u3_tageseinrichtung": ("Anteil betreute Kinder 0-2 Jahre in Tageseinricht.",),
        "anteil_u3_tagespflege": ("Anteil betreute Kinder 0-2 Jahre in Tagespflege",),
        "anteil_3_5_tageseinrichtung": ("Anteil betreute Kinder 3-5 Jahre in Tageseinricht.",),
        "anteil_hochschulreife": (
            "Anteil Schulabgänger mit allgem. Hochschulreife",
            "Anteil Schulabgehende mit allgemeiner Hochschulreife",
        ),
        "anteil_ohne_ersten_abschluss": (
            "Anteil Schulabgänger ohne Hauptschulabschluss",
            "Anteil Schulabgehende ohne Ersten Schulabschluss",
            "Anteil Schulabgänger ohne Ersten Schulabschluss",
        ),
        "betreuungsquote_u3": ("Betreuungsquote 0 bis 2 Jahre", "Betreuungsquote unter 3 Jahre"),
        "betreuungsquote_3_5": (
            "Betreuungsquote 3 bis 5 Jahre",
            "Betreuungsquote 3 bis unter 6 Jahre",
        ),
    },
    standard=None,
)

ARBEITSLOSE_GRUPPE = Gliederung(
    "gruppe",
    "Personengruppe",
    {
        "insgesamt": ("Insgesamt", ""),
        "maennlich": ("männlich",),
        "weiblich": ("weiblich",),
        "auslaender": ("Ausländer", "Ausländer(innen)"),
        "15_bis_20": ("15 bis unter 20 Jahre",),
        "15_bis_25": ("15 bis unter 25 Jahre",),
        "55_bis_65": ("55 bis unter 65 Jahre",),
        "langzeitarbeitslose": ("Langzeitarbeitslose",),
        "schwerbehinderte": ("Schwerbehinderte",),
    },
)

BERUFSSCHULART = Gliederung(
    "schulart",
    "Schulart (berufliche Schulen)",
    {
        "insgesamt": ("Insgesamt",),
        "berufsschulen": (
            "Berufsschulen",
            "Teilzeit-Berufsschulen",
            "Berufsschulen im dualen System",
        ),
        "berufsvorbereitungsjahr": ("Berufsvorbereitungsjahr",),
        "berufsgrundbildungsjahr": ("Berufsgrundbildungsjahr",),
        "berufsfachschulen": ("Berufsfachschulen",),
        "fachoberschulen": ("Fachoberschulen",),
        "fachgymnasien": ("Fachgymnasien", "Berufliche Gymnasien"),
        "berufsoberschulen": ("Berufsoberschulen/Technische Oberschulen", "Berufsoberschulen"),
        "fachschulen": ("Fachschulen",),
        "fachakademien": ("Fachakademien",),
    },
)

FLAECHE = Gliederung("kennzahl", "Kennzahl", {"flaeche": ("Gebietsfläche", "")}, standard="flaeche")


# --------------------------------------------------------------------------
# Bedeutungen erzeugen
# --------------------------------------------------------------------------


def _kombinationen(
    praefix: str,
    titel: str,
    gliederungen: Sequence[tuple[Gliederung, Mapping[str, str]]],
    fest: Mapping[str, str] | None = None,
    einheit: str = "Anzahl",
) -> tuple[Bedeutung, ...]:
    """Alle Bedeutungen aus Kombinationen: je Gliederung Ausprägung → Namensteil.

    Ein leerer Namensteil fällt weg (``abgaenger`` + ``_ohne_ersten_abschluss`` + ``_insgesamt``).
    """
    bedeutungen = []
    listen = [[(g, a, teil) for a, teil in teile.items()] for g, teile in gliederungen]
    for kombination in product(*listen):
        namen = [praefix, *(teil for _, _, teil in kombination if teil)]
        worte = [titel] + [
            g.auspraegungen[a][0] or "insgesamt"
            for g, a, _ in kombination
            if a != g.standard or g is GESCHLECHT
        ]
        auswahl = {**(fest or {}), **{g.schluessel: a for g, a, _ in kombination}}
        bedeutungen.append(Bedeutung("_".join(namen), ", ".join(worte), auswahl, einheit))
    return tuple(bedeutungen)


def _geschlechter(*auspraegungen: str) -> dict[str, str]:
    return {a: a for a in auspraegungen}


_BEV_ALTER = {"insgesamt": "", **{a: a for a in _ALTERSGRUPPEN}}
_ABSCHLUESSE = {
    "insgesamt": "",
    "ohne_ersten": "ohne_ersten_abschluss",
    "erster": "mit_erstem_abschluss",
    "mittlerer": "mit_mittlerem_abschluss",
    "fachhochschulreife": "mit_fachhochschulreife",
    "fhr_schulischer_teil": "mit_fhr_schulischem_teil",
    "hochschulreife": "mit_hochschulreife",
}

_BEVOELKERUNG_ALTER = _kombinationen(
    "bevoelkerung",
    "Bevölkerung",
    [
        (ALTER_BEVOELKERUNG, _BEV_ALTER),
        (GESCHLECHT, _geschlechter("insgesamt", "maennlich", "weiblich")),
    ],
)
_BEVOELKERUNG = _kombinationen(
    "bevoelkerung",
    "Bevölkerung",
    [(GESCHLECHT, _geschlechter("insgesamt", "maennlich", "weiblich"))],
)
_ABGAENGER = _kombinationen(
    "abgaenger",
    "Absolvierende/Abgehende allgemeinbildender Schulen",
    [(ABSCHLUSS, _ABSCHLUESSE), (GESCHLECHT, _geschlechter("insgesamt", "weiblich"))],
)
_KINDER = _kombinationen(
    "kinder_tagesbetreuung",
    "Kinder in Tagesbetreuung",
    [
        (ALTER_KITA, {a: a for a in ALTER_KITA.auspraegungen}),
        (BETREUUNGSART, {a: a for a in BETREUUNGSART.auspraegungen}),
    ],
)
_KITA = (
    Bedeutung(
        "kita_einrichtungen_insgesamt",
        "Tageseinrichtungen für Kinder, insgesamt",
        {"kennzahl": "einrichtungen", "einrichtungsart": "insgesamt"},
    ),
    Bedeutung(
        "kita_plaetze_insgesamt",
        "Plätze in Tageseinrichtungen, insgesamt",
        {"kennzahl": "plaetze", "einrichtungsart": "insgesamt"},
    ),
    Bedeutung(
        "kita_personal_insgesamt",
        "Tätige Personen in Tageseinrichtungen, insgesamt",
        {"kennzahl": "personen", "einrichtungsart": "insgesamt"},
    ),
)
_SCHUELER = _kombinationen(
    "schueler",
    "Schülerinnen und Schüler an allgemeinbildenden Schulen",
    [
        (SCHULART, {"insgesamt": "", **{a: a for a in SCHULART.auspraegungen if a != "insgesamt"}}),
        (
            SCHUELERGRUPPE,
            {"insgesamt": "insgesamt", "weiblich": "weiblich", "auslaender": "auslaender"},
        ),
    ],
    fest={"kennzahl": "schueler"},
) + (
    Bedeutung(
        "schulen_insgesamt",
        "Allgemeinbildende Schulen, insgesamt",
        {"kennzahl": "schulen", "schulart": "insgesamt", "gruppe": "insgesamt"},
    ),
)
_SGB2 = (
    Bedeutung(
        "sgb2_personen_in_bedarfsgemeinschaften",
        "Personen in Bedarfsgemeinschaften (SGB II)",
        {"personen": "bedarfsgemeinschaften", "leistung": "insgesamt", "gruppe": "insgesamt"},
    ),
) + _kombinationen(
    "sgb2",
    "Regelleistungsberechtigte nach dem SGB II",
    [
        (
            SGB2_LEISTUNG,
            {
                "insgesamt": "regelleistungsberechtigte",
                "erwerbsfaehige": "erwerbsfaehige",
                "nicht_erwerbsfaehige": "nicht_erwerbsfaehige",
            },
        ),
        (SGB2_GRUPPE, {a: a for a in SGB2_GRUPPE.auspraegungen}),
    ],
    fest={"personen": "regelleistungsberechtigte"},
)
_QUOTIENTEN = _kombinationen(
    "",
    "Quotient",
    [
        (QUOTIENT, {"jugendquotient": "jugendquotient", "altenquotient": "altenquotient"}),
        (GESCHLECHT, _geschlechter("insgesamt", "maennlich", "weiblich")),
    ],
    einheit="Anzahl",
)
_QUOTIENTEN = tuple(
    Bedeutung(b.schluessel.lstrip("_"), b.titel.replace("Quotient, ", ""), b.auswahl, b.einheit)
    for b in _QUOTIENTEN
)
_ATLAS = tuple(
    Bedeutung(f"atlas_{a}", ATLAS_BILDUNG.auspraegungen[a][0], {"kennzahl": a}, "Prozent")
    for a in ATLAS_BILDUNG.auspraegungen
)
_ARBEITSLOSE = _kombinationen(
    "arbeitslose",
    "Arbeitslose",
    [(ARBEITSLOSE_GRUPPE, {a: a for a in ARBEITSLOSE_GRUPPE.auspraegungen})],
)
_BERUFSSCHUELER = _kombinationen(
    "berufsschueler",
    "Schülerinnen und Schüler an beruflichen Schulen",
    [
        (
            BERUFSSCHULART,
            {"insgesamt": "", **{a: a for a in BERUFSSCHULART.auspraegungen if a != "insgesamt"}},
        ),
        (GESCHLECHT, _geschlechter("insgesamt", "weiblich")),
    ],
)


# --------------------------------------------------------------------------
# Der Katalog
# --------------------------------------------------------------------------

_DEMOGRAFIE = ("jugendquotient", "altenquotient", "anteil_unter_18")

KATALOG: tuple[Katalogeintrag, ...] = (
    Katalogeintrag(
        code="12411-02-03-4",
        codes=("12411-02-03-4", "12411-02-03-5", "12411-02-03-4-B", "12411-02-03-5-B"),
        statistik="12411",
        wertmerkmale=("BEVSTD",),
        titel="Bevölkerung nach Geschlecht und Altersgruppen (17), Stichtag 31.12.",
        gliederungen=(ALTER_BEVOELKERUNG, GESCHLECHT),
        bedeutungen=_BEVOELKERUNG_ALTER,
        indikatoren=(
            *_DEMOGRAFIE,
            "betreuungsquote_u3",
            "betreuungsquote_3_6",
            "ohne_abschluss_quotensumme",
            "vhs_belegungen_je_1000",
            "vhs_unterrichtsstunden_je_1000",
            "sgb2_quote_unter_15",
        ),
        hinweis="Die Altersgruppen wechseln zwischen den Jahrgängen (z. B. „18 bis unter 20“ "
        "und „20 bis unter 25“ statt „18 bis unter 25 Jahre“); Summen über Gruppen bilden "
        "die Adapter.",
    ),
    Katalogeintrag(
        code="12411-01-01-4",
        codes=("12411-01-01-4", "12411-01-01-5", "12411-01-01-4-B", "12411-01-01-5-B"),
        statistik="12411",
        wertmerkmale=("BEVSTD",),
        titel="Bevölkerung nach Geschlecht, Stichtag 31.12.",
        gliederungen=(GESCHLECHT,),
        bedeutungen=_BEVOELKERUNG,
        indikatoren=("vhs_belegungen_je_1000", "vhs_unterrichtsstunden_je_1000"),
        hinweis="Ohne Altersgruppen: Nenner für Kennzahlen je Einwohner.",
    ),
    Katalogeintrag(
        code="12411-08-01-4-B",
        codes=("12411-08-01-4-B", "12411-08-01-4", "12411-08-01-5-B"),
        statistik="12411",
        titel="Jugendquotient und Altenquotient, Stichtag 31.12.",
        gliederungen=(QUOTIENT, GESCHLECHT),
        bedeutungen=_QUOTIENTEN,
        indikatoren=("jugendquotient", "altenquotient"),
        hinweis="Amtliche Abgrenzung prüfen: Jugendquotient unter 20 bzw. Altenquotient ab 65 "
        "Jahren je 100 Personen von 20 bis unter 65 Jahren.",
    ),
    Katalogeintrag(
        code="11111-01-01-4",
        codes=("11111-01-01-4", "11111-01-01-5", "11111-01-01-4-B"),
        statistik="11111",
        titel="Gebietsfläche in qkm, Stichtag 31.12.",
        gliederungen=(FLAECHE,),
        bedeutungen=(Bedeutung("flaeche", "Gebietsfläche", {"kennzahl": "flaeche"}, "qkm"),),
        einheit="qkm",
    ),
    Katalogeintrag(
        code="22543-01-02-4",
        codes=("22543-01-02-4", "22543-01-02-5", "22543-01-02-4-B"),
        statistik="22543",
        titel="Kinder in Tageseinrichtungen und in öffentlich geförderter Kindertagespflege "
        "nach Art der Betreuung und Altersgruppen (ab 2011)",
        gliederungen=(BETREUUNGSART, KINDERMERKMAL, ALTER_KITA),
        bedeutungen=_KINDER,
        indikatoren=("betreuungsquote_u3", "betreuungsquote_3_6", "kinder_je_kita"),
        hinweis="„Insgesamt (ohne Doppelzählungen)“ zählt Kinder in Einrichtung und "
        "Tagespflege nur einmal; die Kinder werden am Ort der Betreuung gezählt.",
    ),
    Katalogeintrag(
        code="22543-01-01-4",
        codes=("22543-01-01-4", "22543-01-01-5"),
        statistik="22543",
        titel="Kinder in Tageseinrichtungen und in öffentlich geförderter Kindertagespflege "
        "nach Art der Betreuung (2007–2010)",
        gliederungen=(BETREUUNGSART, KINDERMERKMAL, ALTER_KITA),
        bedeutungen=_KINDER,
        indikatoren=("betreuungsquote_u3", "betreuungsquote_3_6", "kinder_je_kita"),
        hinweis="Bis 2010 ist „Insgesamt“ mit Doppelzählungen (Kinder in Einrichtung und "
        "Tagespflege zweimal).",
    ),
    Katalogeintrag(
        code="22541-01-01-4",
        codes=("22541-01-01-4", "22541-01-01-5"),
        statistik="22541",
        titel="Tageseinrichtungen für Kinder, verfügbare Plätze, tätige Personen, Stichtag 31.12. "
        "(bis 2002)",
        gliederungen=(EINRICHTUNGSMERKMAL, EINRICHTUNGSART),
        bedeutungen=_KITA,
        indikatoren=("kinder_je_kita",),
        hinweis=(
            "Reihe bis 2002 (Stichtag 31.12.); ab 2006 Tabelle 22541-01-04-4 (Stichtag 01.03.)."
        ),
    ),
    Katalogeintrag(
        code="22541-01-04-4",
        codes=("22541-01-04-4", "22541-01-04-5"),
        statistik="22541",
        titel="Tageseinrichtungen für Kinder, genehmigte Plätze, tätige Personen, Stichtag 01.03.",
        gliederungen=(EINRICHTUNGSMERKMAL, EINRICHTUNGSART),
        bedeutungen=_KITA,
        indikatoren=("kinder_je_kita",),
    ),
    Katalogeintrag(
        code="22542-01-02-4",
        codes=("22542-01-02-4", "22542-01-02-5"),
        statistik="22542",
        titel="Einrichtungen der Kinder- und Jugendhilfe (ohne Tageseinrichtungen), verfügbare "
        "Plätze, tätige Personen, Stichtag 31.12.",
        gliederungen=(
            Gliederung(
                "kennzahl",
                "Kennzahl",
                {
                    "einrichtungen": ("Einrichtungen der Jugendhilfe",),
                    "plaetze": ("Verfügbare Plätze",),
                    "personen": ("Tätige Personen",),
                },
                standard="einrichtungen",
            ),
            Gliederung(
                "einrichtungsart",
                "Art der Jugendhilfeeinrichtung",
                {
                    "insgesamt": ("Insgesamt", ""),
                    "hilfe_zur_erziehung": ("Hilfe z. Erziehung u. Hilfe f. junge Volljährige",),
                    "jugendarbeit": ("Jugendarbeit",),
                },
            ),
        ),
        bedeutungen=(
            Bedeutung(
                "jugendhilfe_einrichtungen_insgesamt",
                "Einrichtungen der Jugendhilfe",
                {"kennzahl": "einrichtungen", "einrichtungsart": "insgesamt"},
            ),
            Bedeutung(
                "jugendhilfe_plaetze_insgesamt",
                "Verfügbare Plätze",
                {"kennzahl": "plaetze", "einrichtungsart": "insgesamt"},
            ),
            Bedeutung(
                "jugendhilfe_personal_insgesamt",
                "Tätige Personen",
                {"kennzahl": "personen", "einrichtungsart": "insgesamt"},
            ),
        ),
        hinweis="Die Statistik 22542 ist die der Einrichtungen der Jugendhilfe ohne "
        "Kindertageseinrichtungen, nicht die Kindertagespflege (die steht in 22543).",
    ),
    Katalogeintrag(
        code="21111-01-03-4",
        codes=("21111-01-03-4", "21111-01-03-5"),
        statistik="21111",
        titel="Allgemeinbildende Schulen: Schulen, Schülerinnen und Schüler nach Schularten",
        gliederungen=(SCHULART, SCHULMERKMAL, SCHUELERGRUPPE),
        bedeutungen=_SCHUELER,
        indikatoren=("foerderschulbesuchsquote",),
        hinweis="Gezählt am Ort der Schule; Förderschulen heißen in älteren Jahrgängen "
        "„Sonderschulen/Förderschulen“.",
    ),
    Katalogeintrag(
        code="21111-02-06-4",
        codes=("21111-02-06-4", "21111-02-06-5", "21111-02-06-4-B"),
        statistik="21111",
        titel="Absolvierende/Abgehende (früher: Absolventen/Abgänger) allgemeinbildender Schulen "
        "nach Abschlussart und Geschlecht",
        gliederungen=(ABSCHLUSS, GESCHLECHT),
        bedeutungen=_ABGAENGER,
        indikatoren=(
            "ohne_abschluss_anteil",
            "ohne_abschluss_quotensumme",
            "anteil_hochschulreife",
        ),
        hinweis="Beschriftung 2017 „ohne/mit Hauptschulabschluss“, „mit Mittlerem Abschluss“; "
        "ab etwa 2024 „ohne Ersten/mit Erstem/mit Mittlerem Schulabschluss“.",
    ),
    Katalogeintrag(
        code="21121-01-02-4",
        codes=("21121-01-02-4", "21121-01-02-5", "21121-01-01-4", "21121-02-02-4"),
        statistik="21121",
        titel="Berufliche Schulen: Schülerinnen und Schüler nach Schularten und Geschlecht",
        gliederungen=(BERUFSSCHULART, GESCHLECHT),
        bedeutungen=_BERUFSSCHUELER,
        indikatoren=(),
        hinweis="Die Sektoren der iABE (Übergangsbereich, Berufsausbildung, …) sind nicht "
        "dasselbe wie Schularten; die iABE-Indikatoren lassen sich daraus nur annähern.",
        geprueft=False,
    ),
    Katalogeintrag(
        code="22811-02-02-4",
        codes=("22811-02-02-4", "22811-02-02-5", "22811-01-02-4"),
        statistik="22811",
        titel="Regelleistungsberechtigte nach dem SGB II, Stichtag 31.12.",
        gliederungen=(SGB2_PERSONEN, SGB2_LEISTUNG, SGB2_GRUPPE),
        bedeutungen=_SGB2,
        indikatoren=("sgb2_quote_unter_15",),
    ),
    Katalogeintrag(
        code="13211-02-05-4",
        codes=("13211-02-05-4", "13211-01-03-4", "13211-02-05-5"),
        statistik="13211",
        titel="Arbeitslose nach ausgewählten Personengruppen, Jahresdurchschnitt",
        gliederungen=(ARBEITSLOSE_GRUPPE,),
        bedeutungen=_ARBEITSLOSE,
        indikatoren=(),
        hinweis="Für den Kontext „Soziale Lage“; das Register hat (noch) keinen "
        "Arbeitslosen-Indikator.",
        geprueft=False,
    ),
    Katalogeintrag(
        code="AI003-2",
        codes=("AI003-1", "AI003-2", "AI003-3"),
        statistik="AI003",
        titel="Regionalatlas Deutschland, Indikatoren des Themenbereichs „Bildung“",
        gliederungen=(ATLAS_BILDUNG,),
        bedeutungen=_ATLAS,
        indikatoren=(
            "betreuungsquote_u3",
            "betreuungsquote_3_6",
            "ohne_abschluss_anteil",
            "anteil_hochschulreife",
        ),
        einheit="Prozent",
        hinweis="Veröffentlichte Quoten zum Vergleich (Prozent); die Zählwerte stehen in den "
        "Quelltabellen 22543, 12411 und 21111.",
    ),
)
"""Alle Tabellen, die bimo kennt."""


# --------------------------------------------------------------------------
# Erkennen
# --------------------------------------------------------------------------


def eintrag(code: str) -> Katalogeintrag | None:
    """Der Katalogeintrag zu einem Tabellencode (auch ``-5``, ``-B``); sonst ``None``."""
    code = str(code or "").strip()
    for kandidat in (code, code.removesuffix("-B")):
        for e in KATALOG:
            if kandidat in e.codes:
                return e
    return None


def _breakdown_columns(tabelle: pd.DataFrame) -> list[str]:
    merkmale = tabelle.attrs.get("merkmale")
    if merkmale:
        return [c for c in merkmale if c in tabelle.columns]
    return [c for c in tabelle.columns if c not in (*_GRUNDSPALTEN, "bedeutung")]


def _values(tabelle: pd.DataFrame, spalte: str) -> dict[str, str]:
    """Vereinheitlichte Beschriftung → Beschriftung wie in der Datei."""
    return {normiere(w): str(w) for w in pd.unique(tabelle[spalte].astype("string").fillna(""))}


def zuordnung(tabelle: pd.DataFrame, katalogeintrag: Katalogeintrag) -> dict[str, str]:
    """Welche Spalte der Langform welche Gliederung trägt: ``{"abschluss": "schulabschluss", …}``.

    Erkannt an den Einträgen, nicht am Spaltennamen: Eine Spalte gehört zu der Gliederung,
    deren kennzeichnende Beschriftungen (ohne „Insgesamt“) sie am häufigsten enthält.
    """
    spalten = {c: set(_values(tabelle, c)) for c in _breakdown_columns(tabelle)}
    paare = []
    for g in katalogeintrag.gliederungen:
        kennzeichen = g.kennzeichnend()
        for spalte, werte in spalten.items():
            treffer = len(werte & kennzeichen)
            if treffer:
                paare.append((treffer, -len(werte - kennzeichen - _GESAMT), g.schluessel, spalte))
    ergebnis: dict[str, str] = {}
    for _, _, g, spalte in sorted(paare, reverse=True):
        if g not in ergebnis and spalte not in ergebnis.values():
            ergebnis[g] = spalte
    return ergebnis


def _content_score(tabelle: pd.DataFrame, e: Katalogeintrag) -> int:
    """Wie viele Gliederungen des Eintrags die Tabelle erkennbar enthält."""
    return len(zuordnung(tabelle, e))


def erkenne(tabelle: pd.DataFrame) -> Katalogeintrag | None:
    """Der Katalogeintrag einer gelesenen Tabelle (:func:`~bimo.daten.lese_regionalstatistik`).

    Der Reihe nach: am Tabellencode in ``attrs["tabelle"]`` (auch ``-5``/``-B``); beim
    Flatfile an der Statistik (``attrs["statistik"]``) und den Wertmerkmalen; sonst – für
    unbekannte Codes oder Varianten – an den Beschriftungen der Merkmale (die Statistik muss
    dann passen, wenn sie bekannt ist). Gibt ``None`` zurück, wenn nichts passt.
    """
    attrs = tabelle.attrs
    gefunden = eintrag(attrs.get("tabelle") or "")
    if gefunden is not None:
        return gefunden
    statistik = attrs.get("statistik") or _statistik_aus_code(attrs.get("tabelle"))
    kandidaten = [e for e in KATALOG if not statistik or e.statistik == statistik]
    wertcodes = set(attrs.get("wertmerkmale") or {})
    mit_code = [e for e in kandidaten if wertcodes & set(e.wertmerkmale)]
    if len(mit_code) == 1:
        return mit_code[0]
    kandidaten = mit_code or kandidaten
    bewertet = [(_content_score(tabelle, e), -i, e) for i, e in enumerate(kandidaten)]
    bewertet = [b for b in bewertet if b[0] >= min(2, len(b[2].gliederungen))]
    if not bewertet:
        return None
    return max(bewertet, key=lambda b: b[:2])[2]


def _statistik_aus_code(code: object) -> str | None:
    treffer = re.match(r"[A-Z]{2}\d{3}|\d{5}", str(code or ""))
    return treffer.group() if treffer else None


# --------------------------------------------------------------------------
# Auswählen
# --------------------------------------------------------------------------


def _ort(tabelle: pd.DataFrame) -> str:
    datei = tabelle.attrs.get("datei") or "(ohne Datei)"
    code = tabelle.attrs.get("tabelle") or "ohne Tabellencode"
    return f"Die Datei {datei} (Tabelle {code})"


def _gesehen(tabelle: pd.DataFrame, spalten: Sequence[str]) -> str:
    teile = []
    for spalte in spalten:
        werte = [w for w in pd.unique(tabelle[spalte].astype("string").fillna("")) if w]
        liste = ", ".join(f"„{w}“" for w in werte[:25]) + (", …" if len(werte) > 25 else "")
        teile.append(f"{spalte}: {liste or '(leer)'}")
    return "; ".join(teile) if teile else "keine Merkmalsspalten"


def waehle(
    tabelle: pd.DataFrame,
    bedeutung: str,
    katalogeintrag: Katalogeintrag | None = None,
    **filter: object,
) -> pd.DataFrame:
    """Die Zeilen einer Tabelle, die eine Bedeutung tragen – über Synonyme, nie über Spaltennamen.

    Args:
        tabelle: eine mit :func:`~bimo.daten.lese_regionalstatistik` gelesene Tabelle.
        bedeutung: der Schlüssel einer Bedeutung des Katalogeintrags, z. B.
            ``"abgaenger_ohne_ersten_abschluss_insgesamt"``, ``"bevoelkerung_unter_3_insgesamt"``,
            ``"kinder_tagesbetreuung_unter_3_insgesamt"`` (Liste: ``eintrag.bedeutungen``).
        katalogeintrag: der Eintrag; ohne Angabe erkennt :func:`erkenne` ihn.
        **filter: Gliederung = Ausprägung, um die Bedeutung zu ändern (``geschlecht="weiblich"``,
            Kurzname oder Beschriftung), oder Grundspalte = Wert bzw. Liste von Werten
            (``jahr=2015``, ``ebene="Kreis"``, ``ags=[...]``).

    Returns:
        Eine Langform mit ``ags``, ``name``, ``ebene``, ``stufe``, ``zeit``, ``jahr``,
        ``bedeutung``, je Gliederung des Eintrags einer Spalte mit der Beschriftung aus der
        Datei (Spaltenname = Schlüssel der Gliederung, z. B. ``abschluss``, ``geschlecht``),
        ``einheit``, ``wert`` und ``zeichen`` – gleich gebaut für jeden Jahrgang der Tabelle.
        Je Gebiet und Zeit genau eine Zeile.

    Raises:
        DatenFehler: Die Tabelle steht nicht im Katalog, die Bedeutung ist unbekannt, oder eine
            Beschriftung lässt sich nicht zuordnen. Die Meldung nennt Datei, Tabelle, die
            gesuchte Beschriftung und die Beschriftungen, die in der Datei stehen.
    """
    e = katalogeintrag or erkenne(tabelle)
    if e is None:
        raise DatenFehler(
            f"{_ort(tabelle)} steht nicht im Tabellenkatalog von bimo, und ihre Beschriftungen "
            "passen zu keiner bekannten Tabelle. Gesehen: "
            f"{_gesehen(tabelle, _breakdown_columns(tabelle))}."
        )
    b = e.bedeutung(bedeutung)
    auswahl = {g.schluessel: g.standard for g in e.gliederungen}
    auswahl.update(b.auswahl)
    zeilenfilter: dict[str, object] = {}
    for schluessel, wert in filter.items():
        g = e.gliederung(schluessel)
        if g is not None:
            auspraegung = g.auspraegung_zu(str(wert))
            if auspraegung is None:
                raise DatenFehler(
                    f"Die Gliederung {g.titel} der Tabelle {e.code} kennt „{wert}“ nicht; "
                    f"bekannt sind: {', '.join(g.auspraegungen)}."
                )
            auswahl[schluessel] = auspraegung
        elif schluessel in _GRUNDSPALTEN and schluessel in tabelle.columns:
            zeilenfilter[schluessel] = wert
        else:
            erlaubt = ", ".join([g.schluessel for g in e.gliederungen] + list(_GRUNDSPALTEN[:6]))
            raise DatenFehler(
                f"Unbekannter Filter „{schluessel}“ für {e.code}; erlaubt sind: {erlaubt}."
            )
    return _select(tabelle, e, b, auswahl, zeilenfilter)


def _select(
    tabelle: pd.DataFrame,
    e: Katalogeintrag,
    b: Bedeutung,
    auswahl: Mapping[str, str | None],
    zeilenfilter: Mapping[str, object],
) -> pd.DataFrame:
    spalten = _breakdown_columns(tabelle)
    zuordnen = zuordnung(tabelle, e)
    maske = pd.Series(True, index=tabelle.index)
    for spalte, wert in zeilenfilter.items():
        werte = wert if isinstance(wert, (list, tuple, set, frozenset)) else [wert]
        maske &= tabelle[spalte].isin(list(werte))
    for g in e.gliederungen:
        auspraegung = auswahl.get(g.schluessel)
        spalte = zuordnen.get(g.schluessel)
        if spalte is None:
            if auspraegung is not None and auspraegung == g.standard:
                continue
            gesucht = (
                " oder ".join(f"„{s}“" for s in g.auspraegungen[auspraegung or ""][:3])
                if auspraegung
                else ""
            )
            raise DatenFehler(
                f"{_ort(tabelle)}: für „{b.titel}“ fehlt die Gliederung {g.titel}"
                f"{' mit ' + gesucht if gesucht else ''} – keine Spalte enthält eine bekannte "
                f"Beschriftung. Gesehen: {_gesehen(tabelle, spalten)}."
            )
        normiert = tabelle[spalte].astype("string").fillna("").map(normiere)
        passend = normiert.isin(g.synonyme(auspraegung))
        if not (passend & maske).any():
            gesucht = " oder ".join(f"„{s}“" for s in g.auspraegungen[auspraegung] if s) or "(leer)"
            raise DatenFehler(
                f"{_ort(tabelle)}: für „{b.titel}“ findet bimo in der Gliederung {g.titel} "
                f"(Spalte {spalte}) keine Beschriftung {gesucht}. Gesehen: "
                f"{_gesehen(tabelle[maske], [spalte])}. Ist es ein neuer Jahrgang mit neuer "
                "Beschriftung, gehört sie als Synonym in den Katalog (bimo.daten.katalog)."
            )
        maske &= passend
    for spalte in spalten:
        if spalte in zuordnen.values():
            continue
        werte = pd.unique(tabelle.loc[maske, spalte].astype("string").fillna(""))
        if len(werte) <= 1:
            continue
        gesamt = [w for w in werte if _ist_gesamt(normiere(w))]
        if len(gesamt) != 1:
            raise DatenFehler(
                f"{_ort(tabelle)}: „{b.titel}“ ist nicht eindeutig – die Spalte {spalte} "
                f"unterscheidet noch {', '.join(f'„{w}“' for w in werte)}, und der Katalog "
                f"kennt diese Gliederung für die Tabelle {e.code} nicht."
            )
        maske &= tabelle[spalte].astype("string").fillna("") == gesamt[0]
    auszug = tabelle[maske]
    doppelt = auszug.duplicated(subset=["ags", "zeit"], keep=False)
    if doppelt.any():
        beispiel = auszug[doppelt].iloc[0]
        raise DatenFehler(
            f"{_ort(tabelle)}: „{b.titel}“ ergibt für {beispiel['ags']} ({beispiel['name']}) und "
            f"{beispiel['zeit'] or 'ohne Zeit'} mehrere Werte; die Auswahl ist nicht eindeutig."
        )
    return _result(auszug, e, b, zuordnen)


def _result(
    auszug: pd.DataFrame, e: Katalogeintrag, b: Bedeutung, zuordnen: Mapping[str, str]
) -> pd.DataFrame:
    ergebnis = auszug[["ags", "name", "ebene", "stufe", "zeit", "jahr"]].copy()
    ergebnis["bedeutung"] = pd.array([b.schluessel] * len(auszug), dtype="string")
    for g in e.gliederungen:
        if g.schluessel in zuordnen:
            ergebnis[g.schluessel] = auszug[zuordnen[g.schluessel]].astype("string").to_numpy()
        else:
            standard = g.auspraegungen[g.standard][0] if g.standard else ""
            ergebnis[g.schluessel] = pd.array([standard] * len(auszug), dtype="string")
    for spalte in ("einheit", "wert", "zeichen"):
        ergebnis[spalte] = auszug[spalte].to_numpy()
    ergebnis["einheit"] = ergebnis["einheit"].astype("string")
    ergebnis["zeichen"] = ergebnis["zeichen"].astype("string")
    ergebnis = ergebnis.reset_index(drop=True)
    ergebnis.attrs = {**auszug.attrs, "bedeutung": b.schluessel, "katalog": e.code}
    return ergebnis
