"""Ein Monitoring aufbauen: Lebenslauf-Überblick, Kernfragen, Datenlage, Aktualisierung.

- :func:`lebenslauf_ueberblick` zeigt für einen Kreis je Themenfeld einen Indikator
  mit dem Wert des Landes – ein erster Blick entlang des Lebenslaufs.
- :data:`KERNFRAGEN` übersetzt Kernfragen eines Auftrags in Themenfeld und Indikatoren
  (der Kern, der die Frage beantwortet, und der Kontext, der ihn lesbar macht).
- :func:`verfuegbarkeit` listet je Musterland-Tabelle Jahre, Ebenen und Vollständigkeit.
- :func:`aktualisierungskalender` sagt je Indikator, zu welchem Stichtag Zähler und
  Nenner gezählt werden und welcher Stichtag als nächster fällig ist.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import pandas as pd

from bimo import daten, indikatoren
from bimo.fehler import ParameterFehler
from bimo.kern.darstellung import Tabelle, Text
from bimo.kern.format import zahl

VERTRETER = {
    "Rahmenbedingungen/Demografie": "jugendquotient",
    "Frühkindliche Bildung": "betreuungsquote_u3",
    "Allgemeinbildende Schulen": "ohne_abschluss_anteil",
    "Berufliche Bildung": "anteil_uebergangsbereich",
    "Weiterbildung": "vhs_belegungen_je_1000",
    "Soziale Lage": "sgb2_quote_unter_15",
}
"""Je Themenfeld ein Indikator für den Überblick entlang des Lebenslaufs."""


def _kreis(ags: str) -> str:
    kreise = daten.kreise()
    if not isinstance(ags, str) or ags not in set(kreise["ags"]):
        bekannt = ", ".join(
            f"{a} ({n})" for a, n in zip(kreise["ags"], kreise["name"], strict=True)
        )
        raise ParameterFehler(f"„{ags}“ ist kein Kreis von Musterland. Bekannt sind: {bekannt}.")
    return str(kreise.loc[kreise["ags"] == ags, "name"].iloc[0])


def lebenslauf_ueberblick(
    ags: str, jahr: int, kennungen: dict[str, str] | None = None
) -> pd.DataFrame:
    """Je Themenfeld ein Indikator für einen Kreis im Vergleich mit dem Land.

    Gibt eine Tabelle mit den Spalten ``Themenfeld``, ``Indikator``, ``Einheit``, ``Kreis``
    und ``Land`` zurück (Werte ungerundet; fehlt ein Wert für ``jahr``, steht dort NaN).
    ``kennungen`` (Themenfeld → Kennung) ersetzt die Vorgabe :data:`VERTRETER`.
    """
    _kreis(ags)
    zeilen = []
    for feld, kennung in (kennungen or VERTRETER).items():
        ind = indikatoren.indikator(kennung)
        werte = ind.berechne()
        im_jahr = werte[werte["jahr"] == jahr].set_index("ags")["wert"]
        zeilen.append(
            {
                "Themenfeld": feld,
                "Indikator": ind.name,
                "Einheit": ind.einheit,
                "Kreis": float(im_jahr.get(ags, float("nan"))),
                "Land": float(im_jahr.get(daten.LAND_AGS, float("nan"))),
            }
        )
    return pd.DataFrame(zeilen)


def anzeige(
    tabelle: pd.DataFrame, spalten: tuple[str, ...] = ("Kreis", "Land"), stellen: int = 1
) -> Tabelle:
    """Die Tabelle zum Zeigen: ``spalten`` deutsch formatiert (1.234,5), fehlend als „.“."""
    text = tabelle.copy()
    for spalte in spalten:
        text[spalte] = [zahl(w, stellen) for w in tabelle[spalte]]
    return Tabelle(text)


def lebenslauf_saetze(tabelle: pd.DataFrame, name: str) -> Text:
    """Je Zeile des Überblicks ein Satz: liegt der Kreis über, unter oder gleichauf mit dem Land?

    „Gleichauf“ heißt: auf eine Nachkommastelle gerundet gleich. Über oder unter ist kein
    Urteil – was ein hoher Wert bedeutet, sagt die Lesart im Steckbrief.
    """
    saetze = []
    for _, z in tabelle.iterrows():
        kreis, land = round(z["Kreis"], 1), round(z["Land"], 1)
        if pd.isna(kreis) or pd.isna(land):
            lage = "ohne Wert für den Vergleich"
        elif kreis == land:
            lage = "gleichauf mit dem Land"
        else:
            lage = f"{'über' if kreis > land else 'unter'} dem Land"
        saetze.append(
            f"- **{z['Themenfeld']}** – {z['Indikator']}: {name} {zahl(z['Kreis'], 1)}, "
            f"Land {zahl(z['Land'], 1)} ({lage})."
        )
    return Text("\n".join(saetze))


def register_tabelle(kennungen: tuple[str, ...] | None = None) -> pd.DataFrame:
    """Die Indikatoren des Registers (oder nur ``kennungen``) mit Themenfeld und Stichtagen."""
    auswahl = kennungen or tuple(indikatoren.REGISTER)
    return pd.DataFrame(
        [
            {
                "Themenfeld": ind.themenfeld,
                "Indikator": ind.name,
                "Kennung": ind.kennung,
                "Stichtag": ind.stichtag,
                "Nenner": ind.nenner,
            }
            for ind in (indikatoren.indikator(k) for k in auswahl)
        ]
    )


# --- Kernfragen ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Kernfrage:
    """Eine Kernfrage eines Auftrags, übersetzt in Indikatoren des Registers.

    ``kern``: Indikatoren, die die Frage direkt beantworten; ``kontext``: Indikatoren, die
    den Kern lesbar machen (Größe der Zielgruppe, Einflüsse, Bezugsgrößen);
    ``warum_nicht``: gezielte Hinweise, warum naheliegende andere Indikatoren nicht passen.
    """

    kennung: str
    frage: str
    ags: str
    themenfeld: str
    kern: tuple[str, ...]
    kontext: tuple[str, ...]
    problemdruck: str
    steuerung: str
    warum_nicht: dict[str, str] = field(default_factory=dict)

    @property
    def passende(self) -> tuple[str, ...]:
        """Alle Indikatoren, die zur Frage gehören (Kern und Kontext)."""
        return self.kern + self.kontext


KERNFRAGEN: dict[str, Kernfrage] = {
    k.kennung: k
    for k in (
        Kernfrage(
            kennung="krippe_talgrund",
            frage="Reicht das Betreuungsangebot für unter Dreijährige im Landkreis Talgrund?",
            ags="17252",
            themenfeld="Frühkindliche Bildung",
            kern=("betreuungsquote_u3",),
            kontext=("anteil_unter_18", "kinder_je_kita"),
            problemdruck="Eltern und Gemeinden melden fehlende Krippenplätze.",
            steuerung="Jugendhilfeplanung: Wo und wie viele Plätze sind auszubauen?",
            warum_nicht={
                "betreuungsquote_3_6": "Sie misst die Drei- bis unter Sechsjährigen – die "
                "Frage gilt den unter Dreijährigen.",
                "sgb2_quote_unter_15": "Sie beschreibt die soziale Lage der Familien, nicht "
                "das Angebot an Plätzen; für die Frage nach dem Angebot ist sie ein Umweg.",
            },
        ),
        Kernfrage(
            kennung="abschluss_musterstadt",
            frage="Verlassen in Musterstadt mehr Jugendliche die Schule ohne Abschluss als "
            "im Land?",
            ags="17101",
            themenfeld="Allgemeinbildende Schulen",
            kern=("ohne_abschluss_anteil", "ohne_abschluss_quotensumme"),
            kontext=("foerderschulbesuchsquote", "sgb2_quote_unter_15"),
            problemdruck="Schulen und Jugendberufshilfe berichten von Jugendlichen ohne Anschluss.",
            steuerung="Wo setzen Angebote am Übergang Schule–Beruf an?",
            warum_nicht={
                "anteil_hochschulreife": "Sie zeigt das obere Ende der Abschlüsse; wie viele "
                "ohne Abschluss gehen, folgt daraus nicht.",
                "uebergangsquote_gymnasium": "Sie beschreibt den Übergang nach Klasse 4, "
                "Jahre vor dem Abschluss.",
            },
        ),
        Kernfrage(
            kennung="uebergang_kornboden",
            frage="Gelingt im Landkreis Kornboden der Übergang von der Schule in eine Ausbildung?",
            ags="17253",
            themenfeld="Berufliche Bildung",
            kern=("anteil_uebergangsbereich",),
            kontext=("ohne_abschluss_anteil", "anteil_unter_18"),
            problemdruck="Betriebe finden keine Auszubildenden, zugleich stecken Jugendliche "
            "in Warteschleifen.",
            steuerung="Abstimmung von Jobcenter, Schulen und Kammern am Übergang.",
            warum_nicht={
                "anteil_studienanfaenger": "Studienanfänger zählen am Hochschulort; für einen "
                "Kreis ohne Hochschule sagt der Wert wenig über die eigene Jugend.",
                "vhs_unterrichtsstunden_je_1000": "Die Volkshochschule ist Weiterbildung, nicht "
                "der Übergang in die Ausbildung.",
            },
        ),
        Kernfrage(
            kennung="vhs_hafenstedt",
            frage="Erreicht die Volkshochschule in Hafenstedt die Bevölkerung?",
            ags="17102",
            themenfeld="Weiterbildung",
            kern=("vhs_belegungen_je_1000", "vhs_unterrichtsstunden_je_1000"),
            kontext=("altenquotient", "anteil_nichtdeutsche"),
            problemdruck="Der Stadtrat fragt, ob sich der Zuschuss für die VHS lohnt.",
            steuerung="Programmplanung der VHS und Zuschuss im Haushalt.",
            warum_nicht={
                "anteil_hochschulreife": "Sie beschreibt Schulabschlüsse der Jugend, nicht die "
                "Nutzung der Weiterbildung durch Erwachsene.",
            },
        ),
    )
}
"""Kernfragen zu Musterland: Frage → Themenfeld → Kern- und Kontextindikatoren."""


def kernfrage(kennung: str) -> Kernfrage:
    """Holt eine Kernfrage aus :data:`KERNFRAGEN`."""
    try:
        return KERNFRAGEN[kennung]
    except (KeyError, TypeError):
        bekannt = ", ".join(sorted(KERNFRAGEN))
        raise ParameterFehler(
            f"Unbekannte Kernfrage „{kennung}“. Bekannt sind: {bekannt}."
        ) from None


def kernfragen_tabelle() -> pd.DataFrame:
    """Alle Kernfragen mit Themenfeld, Problemdruck und Steuerungszweck."""
    return pd.DataFrame(
        [
            {
                "Kernfrage": k.frage,
                "Themenfeld": k.themenfeld,
                "Problemdruck": k.problemdruck,
                "Wofür die Daten?": k.steuerung,
            }
            for k in KERNFRAGEN.values()
        ]
    )


def uebersetze(kennung: str) -> pd.DataFrame:
    """Übersetzt eine Kernfrage in Indikatoren: Rolle, Themenfeld, Einheit, Stichtag, Quelle."""
    k = kernfrage(kennung)
    zeilen = []
    for rolle, kennungen in (("Kern", k.kern), ("Kontext", k.kontext)):
        for kenn in kennungen:
            ind = indikatoren.indikator(kenn)
            zeilen.append(
                {
                    "Rolle": rolle,
                    "Indikator": ind.name,
                    "Kennung": ind.kennung,
                    "Themenfeld": ind.themenfeld,
                    "Einheit": ind.einheit,
                    "Stichtag": ind.stichtag,
                }
            )
    return pd.DataFrame(zeilen)


def erster_datencheck(kennung: str, jahr: int | None = None) -> pd.DataFrame:
    """Der Kernindikator einer Kernfrage für alle Kreise und das Land in einem Jahr.

    Gibt ``ags``, ``name``, ``jahr``, ``zaehler``, ``nenner`` und ``wert`` zurück (ohne
    ``jahr``: das neueste Jahr mit Werten). Vor dem Zeigen durch ``bimo.geheimhaltung``.
    """
    k = kernfrage(kennung)
    werte = indikatoren.indikator(k.kern[0]).berechne()
    jahr = int(werte["jahr"].max()) if jahr is None else jahr
    auswahl = werte[werte["jahr"] == jahr]
    if auswahl.empty:
        raise ParameterFehler(f"Für „{k.kern[0]}“ gibt es im Jahr {jahr} keine Werte.")
    return daten.mit_namen(auswahl.sort_values("ags").reset_index(drop=True))


# --- Datenlage -----------------------------------------------------------------------------

_EBENE = {2: "Land", 3: "Regierungsbezirk", 5: "Kreis", 8: "Gemeinde"}


def _spanne(jahre: list[int]) -> str:
    """[2012, 2013, 2014, 2016] → „2012–2014, 2016“."""
    teile: list[str] = []
    start = vorher = None
    for j in [*sorted(jahre), None]:
        if start is None:
            start = vorher = j
        elif j is not None and j == vorher + 1:
            vorher = j
        else:
            teile.append(str(start) if start == vorher else f"{start}–{vorher}")
            start = vorher = j
    return ", ".join(teile)


def verfuegbarkeit() -> pd.DataFrame:
    """Welche Musterland-Tabellen gibt es für welche Jahre und Ebenen?

    Je Tabelle mit Zeitbezug: ``Tabelle``, ``Stichtag``, ``Jahre`` (als Spannen),
    ``Lücken`` (fehlende Jahre), ``Ebene``, ``Gebiete im letzten Jahr`` und ``vollständig``
    („ja“, wenn alle Gebiete der Tabelle auch im neuesten Jahr vorkommen, sonst „nein“).
    """
    zeilen = []
    for name, tab in daten.TABELLEN.items():
        tabelle = daten.lade(name)
        if "jahr" not in tabelle.columns:
            continue
        schluessel = "ags" if "ags" in tabelle.columns else tabelle.columns[0]
        jahre = sorted(int(j) for j in tabelle["jahr"].dropna().unique())
        letztes = jahre[-1]
        gebiete = tabelle[schluessel].nunique()
        im_letzten = tabelle.loc[tabelle["jahr"] == letztes, schluessel].nunique()
        if schluessel == "ags":
            ebene = ", ".join(
                sorted({_EBENE.get(len(a), "?") for a in tabelle["ags"].dropna().unique()})
            )
        else:
            ebene = schluessel.capitalize()
        zeilen.append(
            {
                "Tabelle": name,
                "Stichtag": tab.stichtag,
                "Jahre": _spanne(jahre),
                "Lücken": _spanne(sorted(set(range(jahre[0], letztes + 1)) - set(jahre))) or "–",
                "Ebene": ebene,
                "letztes Jahr": letztes,
                "Gebiete im letzten Jahr": f"{im_letzten} von {gebiete}",
                "vollständig": "ja" if im_letzten == gebiete else "nein",
            }
        )
    return pd.DataFrame(zeilen)


# --- Aktualisierung ------------------------------------------------------------------------


def _nenner_bezug(ind: indikatoren.Indikator) -> str:
    """„Vorjahr“, „gleiches Jahr“ oder „wie Zähler“: woher der Nenner eines Indikators stammt."""
    if "des Vorjahres" in ind.nenner:
        return "Vorjahr"
    if "31.12." in ind.nenner and ind.stichtag != "31.12.":
        return "gleiches Jahr"
    return "wie Zähler"


def _datum(stichtag: str, jahr: int) -> str:
    """„01.03.“ und 2025 → „01.03.2025“; andere Stichtage („Schuljahresbeginn“) mit Jahr."""
    if re.fullmatch(r"\d{2}\.\d{2}\.", stichtag):
        return f"{stichtag}{jahr}"
    if stichtag == "Schuljahresbeginn":
        return f"Schuljahresbeginn {jahr} (Schuljahr {jahr}/{str(jahr + 1)[-2:]})"
    if stichtag == "Schuljahresende":
        return f"Schuljahresende {jahr} (Schuljahr {jahr - 1}/{str(jahr)[-2:]})"
    return f"{stichtag} {jahr}"


def stichtage(kennung: str, jahr: int) -> tuple[str, str]:
    """Stichtag des Zählers und des Nenners für den Wert eines Indikators im Jahr ``jahr``.

    Die Betreuungsquote 2025 etwa zählt die Kinder am 01.03.2025 und teilt durch die
    Bevölkerung am 31.12.2024.
    """
    ind = indikatoren.indikator(kennung)
    zaehler = _datum(ind.stichtag, jahr)
    bezug = _nenner_bezug(ind)
    if bezug == "Vorjahr":
        return zaehler, f"31.12.{jahr - 1}"
    if bezug == "gleiches Jahr":
        return zaehler, f"31.12.{jahr}"
    return zaehler, zaehler


def aktualisierungskalender() -> pd.DataFrame:
    """Je Indikator: Quelle, Stichtage, neuester Stand in Musterland und der nächste Termin.

    ``neuestes Jahr`` ist das letzte Jahr, für das alle Kreise einen Wert haben;
    ``nächster Zähler`` und ``Nenner dazu`` nennen die Stichtage des nächsten Werts.
    Sortiert nach dem Stichtag, damit gleiche Termine zusammenstehen.
    """
    kreise = set(daten.kreise()["ags"])
    zeilen = []
    for ind in indikatoren.REGISTER.values():
        werte = ind.berechne(land=False).dropna(subset=["wert"])
        vollstaendig = werte.groupby("jahr")["ags"].apply(lambda a: kreise <= set(a))
        neuestes = int(vollstaendig[vollstaendig].index.max())
        zaehler, nenner = stichtage(ind.kennung, neuestes + 1)
        zeilen.append(
            {
                "Indikator": ind.name,
                "Kennung": ind.kennung,
                "Quelle": ind.quelle,
                "Stichtag": ind.stichtag,
                "Nenner": _nenner_bezug(ind),
                "neuestes Jahr": neuestes,
                "nächster Zähler": zaehler,
                "Nenner dazu": nenner,
            }
        )
    tabelle = pd.DataFrame(zeilen)
    return tabelle.sort_values(["Stichtag", "Kennung"], kind="stable").reset_index(drop=True)
