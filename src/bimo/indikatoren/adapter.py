"""Echte Exporte der Regionaldatenbank (gelesen mit :func:`bimo.daten.lese_regionalstatistik`)
in die ordentliche Form der Indikatoren bringen.

Die Adapter wählen Werte über **Bedeutungen** des Tabellenkatalogs
(:mod:`bimo.daten.katalog`), nie über einen erzeugten Spaltennamen (``merkmal_2``,
``schulabschluss``) oder eine Spaltenposition: „Abgänger ohne Ersten Schulabschluss,
insgesamt“ findet der Katalog in der Datei von 2017 („ohne Hauptschulabschluss“) wie in der
von 2026 („ohne Ersten Schulabschluss“). Passt keine Beschriftung, gibt es einen
:class:`~bimo.fehler.DatenFehler`, der Datei, Tabelle und Beschriftung nennt.

:data:`ADAPTER` sagt, welche Tabelle des Katalogs in welche Tabelle des Registers
(``Indikator.tabellen``) geht.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence

import pandas as pd

from bimo.daten import katalog
from bimo.fehler import DatenFehler

__all__ = [
    "ADAPTER",
    "abgaenger_aus_regionalstatistik",
    "bevoelkerung_aus_regionalstatistik",
    "kita_aus_regionalstatistik",
    "kita_einrichtungen_aus_regionalstatistik",
    "sgb2_aus_regionalstatistik",
]

Ebenen = str | Sequence[str]


# --- Hilfen: über den Katalog auswählen ------------------------------------------------------


def _ort(tabelle: pd.DataFrame) -> str:
    datei = tabelle.attrs.get("datei") or "(ohne Datei)"
    code = tabelle.attrs.get("tabelle") or "ohne Tabellencode"
    return f"Die Datei {datei} (Tabelle {code})"


def _eintrag(tabelle: pd.DataFrame, code: str) -> katalog.Katalogeintrag:
    """Der Katalogeintrag der Tabelle; passt sie nicht zu ``code``, eine deutsche Meldung."""
    gefunden = katalog.erkenne(tabelle)
    erwartet = katalog.eintrag(code)
    if gefunden is None or erwartet is None or gefunden.code != erwartet.code:
        erkannt = f"erkannt als {gefunden.code}" if gefunden else "nicht im Tabellenkatalog"
        raise DatenFehler(
            f"{_ort(tabelle)} ist keine Tabelle {code} ({erwartet.titel if erwartet else code}); "
            f"sie ist {erkannt}."
        )
    return gefunden


def _nur_ebenen(tabelle: pd.DataFrame, ebene: Ebenen) -> pd.DataFrame:
    ebenen = [ebene] if isinstance(ebene, str) else list(ebene)
    auszug = tabelle[tabelle["ebene"].isin(ebenen)]
    auszug.attrs = dict(tabelle.attrs)
    return auszug


def _merkmalsspalten(tabelle: pd.DataFrame) -> list[str]:
    merkmale = tabelle.attrs.get("merkmale") or {}
    return [c for c in merkmale if c in tabelle.columns]


def _waehle(
    tabelle: pd.DataFrame,
    bedeutung: str,
    e: katalog.Katalogeintrag,
    ebene: Ebenen,
) -> pd.DataFrame:
    """:func:`bimo.daten.katalog.waehle` auf den Ebenen ``ebene`` – schnell auch für große Dateien.

    Der Katalog entscheidet auf den verschiedenen Beschriftungskombinationen (wenige Dutzend
    statt hunderttausender Zeilen); die gewählten Kombinationen werden dann aus der ganzen
    Tabelle genommen. Ergebnis: ``ags, name, ebene, jahr, zeit, wert, zeichen``.
    """
    auszug = _nur_ebenen(tabelle, ebene)
    spalten = _merkmalsspalten(auszug)
    if not spalten:
        raise DatenFehler(
            f"{_ort(tabelle)} hat keine Merkmalsspalten; „{e.bedeutung(bedeutung).titel}“ lässt "
            "sich darin nicht finden."
        )
    kombis = auszug[spalten].drop_duplicates().reset_index(drop=True)
    klein = kombis.assign(
        ags=[f"{i:05d}" for i in range(len(kombis))],
        name="",
        ebene="Kreis",
        stufe=0,
        zeit="",
        jahr=0,
        einheit="",
        wert=0.0,
        zeichen="",
    )
    klein.attrs = dict(tabelle.attrs)
    gewaehlt = katalog.waehle(klein, bedeutung, e)
    treffer = kombis.iloc[[int(a) for a in gewaehlt["ags"]]]
    ergebnis = auszug.merge(treffer, on=spalten, how="inner")
    doppelt = ergebnis.duplicated(subset=["ags", "zeit", "jahr"], keep=False)
    if doppelt.any():
        z = ergebnis[doppelt].iloc[0]
        raise DatenFehler(
            f"{_ort(tabelle)}: „{e.bedeutung(bedeutung).titel}“ ergibt für {z['ags']} "
            f"({z['name']}) und {z['zeit'] or 'ohne Zeit'} mehrere Werte."
        )
    ergebnis = ergebnis[["ags", "name", "ebene", "zeit", "jahr", "wert", "zeichen"]]
    return ergebnis.reset_index(drop=True)


def _ohne_jahr(tabelle: pd.DataFrame, t: pd.DataFrame) -> None:
    if len(t) and t["jahr"].isna().any():
        raise DatenFehler(
            f"{_ort(tabelle)} nennt für einen Teil der Werte kein Jahr (weder in der Zeile noch "
            "im Kopf oder in einer Titelzeile „Stichtag: …“)."
        )


# --- Bevölkerung ------------------------------------------------------------------------------

_GRENZEN = (
    (re.compile(r"(?:(\d+) bis )?unter (\d+) jahre?n?"), lambda m: (int(m[1] or 0), int(m[2]))),
    (
        re.compile(r"(\d+) (?:jahre? )?(?:und (?:mehr|älter)|u\.? ?m\.?)(?: jahre?)?"),
        lambda m: (int(m[1]), math.inf),
    ),
)


def _altersgrenzen(text: str) -> tuple[int, float] | None:
    """„unter 3 Jahre“ → (0, 3), „3 bis unter 6 Jahre“ → (3, 6), „75 Jahre und mehr“ → (75, ∞)."""
    norm = katalog.normiere(text)
    for muster, grenzen in _GRENZEN:
        if treffer := muster.fullmatch(norm):
            return grenzen(treffer)
    return None


def bevoelkerung_aus_regionalstatistik(
    tabelle: pd.DataFrame, *, ebene: Ebenen = "Kreis"
) -> pd.DataFrame:
    """Bevölkerung nach Altersgruppen (12411-02-03-4, auch ``-5``/``-B``) → Spalten
    ``ags, jahr, alter, alter_bis, wert``.

    Genommen werden Geschlecht „Insgesamt“ und alle Altersgruppen (ohne die Summe);
    ``alter`` ist das erste Jahr der Gruppe, ``alter_bis`` das erste danach. Welche Spalte
    Alter und Geschlecht trägt, erkennt der Katalog an den Beschriftungen.
    """
    e = _eintrag(tabelle, "12411-02-03-4")
    auszug = _nur_ebenen(tabelle, ebene)
    spalten = katalog.zuordnung(auszug, e)
    if "alter" not in spalten:
        raise DatenFehler(
            f"{_ort(tabelle)}: keine Spalte trägt Altersgruppen, die der Katalog kennt (z. B. "
            "„unter 3 Jahre“)."
        )
    alter_g = e.gliederung("alter")
    t = auszug
    if "geschlecht" in spalten:
        insgesamt = katalog.GESCHLECHT.synonyme("insgesamt")
        t = t[
            t[spalten["geschlecht"]]
            .astype("string")
            .fillna("")
            .map(katalog.normiere)
            .isin(insgesamt)
        ]
    grenzen: dict[str, tuple[int, float]] = {}
    for text in pd.unique(t[spalten["alter"]].astype("string").fillna("")):
        if alter_g.auspraegung_zu(text) == "insgesamt":
            continue
        g = _altersgrenzen(text)
        if g is None:
            raise DatenFehler(
                f"{_ort(tabelle)}: die Altersgruppe „{text}“ ist nicht lesbar (erwartet z. B. "
                "„unter 3 Jahre“, „3 bis unter 6 Jahre“, „75 Jahre und mehr“)."
            )
        grenzen[text] = g
    t = t[t[spalten["alter"]].isin(list(grenzen))]
    _ohne_jahr(tabelle, t)
    gruppe = t[spalten["alter"]].astype(str)
    return pd.DataFrame(
        {
            "ags": t["ags"],
            "jahr": t["jahr"],
            "alter": gruppe.map(lambda g: grenzen[g][0]),
            "alter_bis": gruppe.map(lambda g: grenzen[g][1]),
            "wert": t["wert"],
        }
    ).reset_index(drop=True)


# --- Kindertagesbetreuung ---------------------------------------------------------------------

_KITA_ALTER = {"unter_3": "unter 3", "3_bis_6": "3 bis unter 6", "6_bis_14": "6 bis unter 14"}
_BETREUUNGSART = {
    "insgesamt": "Insgesamt (ohne Doppelzählungen)",
    "tageseinrichtung": "Kindertageseinrichtung",
    "tagespflege": "Kindertagespflege",
}


def kita_aus_regionalstatistik(
    tabelle: pd.DataFrame, *, ebene: Ebenen = "Kreis", betreuungsart: str = "insgesamt"
) -> pd.DataFrame:
    """Kinder in Tagesbetreuung (22543-01-02-4) → ``ags, jahr, altersgruppe, betreuungsart, wert``.

    Vorgabe ist „Insgesamt (ohne Doppelzählungen)“: Kinder, die eine Einrichtung und
    zusätzlich Tagespflege besuchen, zählen dort einmal. Einrichtung und Tagespflege zu
    addieren zählte sie doppelt. ``betreuungsart="tageseinrichtung"`` nimmt nur die Kinder in
    Tageseinrichtungen (für Kinder je Einrichtung).
    """
    e = _eintrag(tabelle, "22543-01-02-4")
    teile, fehler = [], []
    for alter, gruppe in _KITA_ALTER.items():
        try:
            t = _waehle(tabelle, f"kinder_tagesbetreuung_{alter}_{betreuungsart}", e, ebene)
        except DatenFehler as f:  # nicht jede Datei hat jede Altersgruppe
            fehler.append(f)
            continue
        teile.append(t.assign(altersgruppe=gruppe))
    if not teile:
        raise fehler[0]
    t = pd.concat(teile, ignore_index=True)
    _ohne_jahr(tabelle, t)
    return pd.DataFrame(
        {
            "ags": t["ags"],
            "jahr": t["jahr"],
            "altersgruppe": t["altersgruppe"],
            "betreuungsart": _BETREUUNGSART[betreuungsart],
            "wert": t["wert"],
        }
    ).reset_index(drop=True)


def kita_einrichtungen_aus_regionalstatistik(
    tabelle: pd.DataFrame, *, ebene: Ebenen = "Kreis"
) -> pd.DataFrame:
    """Tageseinrichtungen für Kinder (22541-01-04-4, Stichtag 01.03.) → ``ags, jahr, wert``."""
    e = _eintrag(tabelle, "22541-01-04-4")
    t = _waehle(tabelle, "kita_einrichtungen_insgesamt", e, ebene)
    _ohne_jahr(tabelle, t)
    return t[["ags", "jahr", "wert"]].reset_index(drop=True)


# --- Schulen ----------------------------------------------------------------------------------

_ABSCHLUESSE = {
    "abgaenger_insgesamt": "Insgesamt",
    "abgaenger_ohne_ersten_abschluss_insgesamt": "ohne Ersten Schulabschluss",
    "abgaenger_mit_erstem_abschluss_insgesamt": "Erster Schulabschluss",
    "abgaenger_mit_mittlerem_abschluss_insgesamt": "Mittlerer Schulabschluss",
    "abgaenger_mit_fachhochschulreife_insgesamt": "Fachhochschulreife",
    "abgaenger_mit_hochschulreife_insgesamt": "Allgemeine Hochschulreife",
}
_NICHT_IN_JEDER_DATEI = {"Fachhochschulreife"}


def abgaenger_aus_regionalstatistik(
    tabelle: pd.DataFrame, *, ebene: Ebenen = "Kreis"
) -> pd.DataFrame:
    """Absolvierende und Abgehende (21111-02-06-4) → ``ags, jahr, abschluss, wert``.

    Die Abschlüsse bekommen die heutigen Namen („ohne Hauptschulabschluss“ → „ohne Ersten
    Schulabschluss“); die Zeile „Insgesamt“ bleibt als Nenner (Teilzahlen sind oft geheim),
    die „dar.“-Spalte (schulischer Teil der Fachhochschulreife) fällt weg, Geschlecht ist
    „Insgesamt“. Gewählt wird über den Katalog: Beschriftungen von 2017 und 2026 gehen.
    """
    e = _eintrag(tabelle, "21111-02-06-4")
    teile = []
    for bedeutung, abschluss in _ABSCHLUESSE.items():
        try:
            t = _waehle(tabelle, bedeutung, e, ebene)
        except DatenFehler:
            if abschluss in _NICHT_IN_JEDER_DATEI:
                continue  # Musterland weist die Fachhochschulreife nicht aus
            raise
        teile.append(t.assign(abschluss=abschluss))
    t = pd.concat(teile, ignore_index=True)
    _ohne_jahr(tabelle, t)
    return t[["ags", "jahr", "abschluss", "wert"]].reset_index(drop=True)


# --- Soziale Lage -----------------------------------------------------------------------------


def sgb2_aus_regionalstatistik(tabelle: pd.DataFrame, *, ebene: Ebenen = "Kreis") -> pd.DataFrame:
    """Nicht erwerbsfähige Leistungsberechtigte nach dem SGB II unter 15 Jahren (22811-02-02-4,
    Stichtag 31.12.) → ``ags, jahr, wert`` – der Zähler der SGB-II-Quote unter 15."""
    e = _eintrag(tabelle, "22811-02-02-4")
    t = _waehle(tabelle, "sgb2_nicht_erwerbsfaehige_unter_15", e, ebene)
    _ohne_jahr(tabelle, t)
    return t[["ags", "jahr", "wert"]].reset_index(drop=True)


# --- Welche Tabelle wohin -------------------------------------------------------------------

ADAPTER: dict[str, tuple[str, Callable[..., pd.DataFrame]]] = {
    "12411-02-03-4": ("bevoelkerung", bevoelkerung_aus_regionalstatistik),
    "22543-01-02-4": ("kindertagesbetreuung", kita_aus_regionalstatistik),
    "21111-02-06-4": ("abgaenger", abgaenger_aus_regionalstatistik),
    "22541-01-04-4": ("kita_einrichtungen", kita_einrichtungen_aus_regionalstatistik),
    "22811-02-02-4": ("sgb2", sgb2_aus_regionalstatistik),
}
"""Katalogcode (Haupt-Code des Eintrags) → (Tabelle im Register, Adapter)."""


# --- Register ------------------------------------------------------------------------------

_HINWEIS_UEBER_100 = (
    "Kinder werden am Ort der Betreuung gezählt, die Bevölkerung am Wohnort: Betreuen "
    "Einrichtungen einer Stadt viele Kinder aus dem Umland, kann die Quote über 100 % liegen."
)


def amtliche_tabellen(kennung: str) -> dict[str, tuple[str, ...]]:
    """Je Tabelle des Registers, mit der ``kennung`` rechnet: die Tabellencodes der
    Regionaldatenbank, aus denen ``bimo berichte --daten`` sie liest (leer: keine amtliche
    Kreistabelle; die Zahlen kommen aus kommunalen oder eigenen Quellen)."""
    from bimo.indikatoren.register import indikator

    ind = indikator(kennung)
    tabellen = list(ind.tabellen)
    if kennung == "kinder_je_kita":  # Kinder in Einrichtungen, nicht in Tagespflege
        tabellen = ["kindertagesbetreuung", "kita_einrichtungen"]
    if kennung == "anteil_nichtdeutsche":  # braucht die Staatsangehörigkeit (kein Adapter)
        return {"bevoelkerung nach Staatsangehörigkeit": ()}
    return {t: tuple(code for code, (rolle, _) in ADAPTER.items() if rolle == t) for t in tabellen}
