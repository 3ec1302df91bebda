"""Plausibilitätsprüfung einer Tabelle im Langformat.

:func:`pruefe` sieht eine Tabelle durch und gibt einen :class:`Pruefbericht`
zurück – eine Liste aller Auffälligkeiten, keine Ausnahme. Geprüft werden:

- **Fehlende und ungültige Werte**: leer ohne Zeichen, keine Zahl, unendlich,
- **Negative Werte** in Anzahlen und Quoten,
- **Wertebereich**: Werte außerhalb erlaubter Grenzen (z. B. ein Alter von 130),
- **Doppelte Schlüssel**: dieselbe Kombination der Schlüsselspalten mehrmals,
- **Teilsummen**: die Teile einer Gliederung (z. B. ``geschlecht``) ergeben „Insgesamt“,
- **Gebietsschlüssel**: als Text gespeichert und von üblicher Länge,
- **Gebietssummen**: Gemeinden ergeben ihren Kreis, Kreise ihren Regierungsbezirk
  bzw. ihr Land,
- **Zeitreihenlücken** und **Zeitreihensprünge**,
- **Quoten über 100 %**.

Beispiel::

    bericht = pruefe(lade("kindertagesbetreuung"), name="Kindertagesbetreuung")
    bericht.ok                    # True, wenn kein Fehler gefunden wurde
    bericht.nur("Zeitreihe")      # nur Lücken und Sprünge
    bericht.tabelle               # alle Befunde als DataFrame
"""

from __future__ import annotations

import html
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import NamedTuple

import numpy as np
import pandas as pd

from bimo.fehler import DatenFehler
from bimo.kern.format import prozent, zahl

__all__ = ["PRUEFUNGEN", "SCHWEREN", "SPALTEN", "Pruefbericht", "pruefe"]

FEHLER, WARNUNG, HINWEIS = "Fehler", "Warnung", "Hinweis"
SCHWEREN = (FEHLER, WARNUNG, HINWEIS)
"""Die drei Schweregrade eines Befunds, vom schwersten zum leichtesten."""

NEGATIV = "Negative Werte"
BEREICH = "Wertebereich"
DUBLETTEN = "Doppelte Schlüssel"
TEILSUMMEN = "Teilsummen"
GEBIETSSUMMEN = "Gebietssummen"
GEBIETSSCHLUESSEL = "Gebietsschlüssel"
LUECKEN = "Zeitreihenlücken"
SPRUENGE = "Zeitreihensprünge"
QUOTEN = "Quoten über 100 %"
FEHLWERTE = "Fehlende und ungültige Werte"
PRUEFUNGEN = (
    FEHLWERTE,
    NEGATIV,
    BEREICH,
    DUBLETTEN,
    TEILSUMMEN,
    GEBIETSSCHLUESSEL,
    GEBIETSSUMMEN,
    LUECKEN,
    SPRUENGE,
    QUOTEN,
)
"""Namen aller Prüfungen in der Reihenfolge, in der :func:`pruefe` sie ausführt."""

SPALTEN = ("pruefung", "schwere", "ort", "spalte", "befund", "zeilen")
"""Spalten von :attr:`Pruefbericht.tabelle`."""

INSGESAMT = "Insgesamt"
_ANZEIGE = ("pruefung", "schwere", "ort", "befund")
_MAX_ANZEIGE = 50
_EBENEN = {2: "Land", 3: "Regierungsbezirk", 5: "Kreis", 8: "Gemeinde"}
_EBENEN_MEHRZAHL = {3: "Regierungsbezirke", 5: "Kreise", 8: "Gemeinden"}
_UEBLICHE_LAENGEN = {2, 3, 5, 8, 9, 12}  # Land, RB, Kreis, Gemeinde, Verband, ARS
_BUNDESGEBIET = "DG"  # Deutschland in der Regionaldatenbank
_RIESIG = 1e15


# ---------------------------------------------------------------------------
# The report
# ---------------------------------------------------------------------------


@dataclass(frozen=True, eq=False)
class Pruefbericht:
    """Ergebnis von :func:`pruefe`: alle Befunde einer Tabelle.

    ``tabelle`` hat eine Zeile je Befund mit den Spalten

    - ``pruefung`` – Name der Prüfung (siehe :data:`PRUEFUNGEN`),
    - ``schwere`` – „Fehler“, „Warnung“ oder „Hinweis“,
    - ``ort`` – die Schlüsselwerte als Text, z. B. ``"ags=17101, jahr=2019"``,
    - ``spalte`` – die betroffene Wertspalte (leer, wenn es um den Schlüssel geht),
    - ``befund`` – ein deutscher Satz mit den Zahlen,
    - ``zeilen`` – die Indexbezeichnungen der betroffenen Zeilen (für ``tabelle.loc``).

    ``ok`` ist wahr, wenn kein Befund ein Fehler ist; ``len(bericht)`` zählt alle Befunde;
    ``nur(...)`` wählt Befunde einer Prüfung oder eines Schweregrads aus; ``geprueft``
    nennt die Prüfungen, die gelaufen sind (z. B. fehlen die Teilsummen, wenn keine
    Spalte eine Kategorie „Insgesamt“ hat).
    """

    tabelle: pd.DataFrame
    name: str | None = None
    geprueft: tuple[str, ...] = field(default=PRUEFUNGEN)

    @property
    def ok(self) -> bool:
        """Wahr, wenn die Prüfung keinen Fehler fand (Warnungen und Hinweise sind erlaubt)."""
        return self.anzahl(FEHLER) == 0

    def __len__(self) -> int:
        return len(self.tabelle)

    def anzahl(self, schwere: str) -> int:
        """Zahl der Befunde eines Schweregrads, z. B. ``bericht.anzahl("Fehler")``."""
        _pruefe_schwere(schwere)
        return int((self.tabelle["schwere"] == schwere).sum())

    def nur(self, pruefung: str | None = None, *, schwere: str | None = None) -> Pruefbericht:
        """Ein Bericht mit den Befunden einer Prüfung und/oder eines Schweregrads.

        ``pruefung`` ist ein Name aus :data:`PRUEFUNGEN` oder ein Teil davon, ohne
        Rücksicht auf Groß- und Kleinschreibung: ``nur("Zeitreihe")`` zeigt Lücken und
        Sprünge, ``nur("summen")`` Teil- und Gebietssummen.
        """
        auswahl = pd.Series(True, index=self.tabelle.index)
        if pruefung is not None:
            namen = _matching_checks(pruefung)
            auswahl &= self.tabelle["pruefung"].isin(namen)
        if schwere is not None:
            _pruefe_schwere(schwere)
            auswahl &= self.tabelle["schwere"] == schwere
        teil = self.tabelle[auswahl].reset_index(drop=True)
        return Pruefbericht(teil, self.name, self.geprueft)

    @property
    def zusammenfassung(self) -> str:
        """Eine Zeile: „3 Fehler, 1 Warnung, 2 Hinweise in „Name““."""
        ort = f"„{self.name}“" if self.name else "der Tabelle"
        if len(self) == 0:
            return f"Keine Auffälligkeiten in {ort}"
        mehrzahl = {FEHLER: "Fehler", WARNUNG: "Warnungen", HINWEIS: "Hinweise"}
        teile = [
            f"{zahl(n)} {schwere if n == 1 else mehrzahl[schwere]}"
            for schwere in SCHWEREN
            if (n := self.anzahl(schwere))
        ]
        return f"{', '.join(teile)} in {ort}"

    def _anzeige(self) -> tuple[pd.DataFrame, str]:
        rest = len(self) - _MAX_ANZEIGE
        mehr = f"… und {zahl(rest)} weitere Befunde (alle in .tabelle)" if rest > 0 else ""
        return self.tabelle[list(_ANZEIGE)].head(_MAX_ANZEIGE), mehr

    def __repr__(self) -> str:
        zeilen = [self.zusammenfassung, f"Geprüft: {', '.join(self.geprueft)}"]
        if len(self):
            anzeige, mehr = self._anzeige()
            zeilen += ["", _text_table(anzeige)] + ([mehr] if mehr else [])
        return "\n".join(zeilen)

    def _repr_html_(self) -> str:
        teile = [
            f"<p><strong>{html.escape(self.zusammenfassung)}</strong><br>"
            f"<small>Geprüft: {html.escape(', '.join(self.geprueft))}</small></p>"
        ]
        if len(self):
            anzeige, mehr = self._anzeige()
            teile.append(
                anzeige.to_html(
                    index=False, escape=True, border=0, classes="bimo-tabelle bimo-pruefbericht"
                )
            )
            if mehr:
                teile.append(f"<p>{html.escape(mehr)}</p>")
        return "\n".join(teile)


def _pruefe_schwere(schwere: str) -> None:
    if schwere not in SCHWEREN:
        raise DatenFehler(
            f"Unbekannter Schweregrad „{schwere}“. Erlaubt sind: {', '.join(SCHWEREN)}."
        )


def _matching_checks(pruefung: str) -> list[str]:
    namen = [p for p in PRUEFUNGEN if str(pruefung).casefold() in p.casefold()]
    if not namen:
        raise DatenFehler(
            f"Keine Prüfung heißt „{pruefung}“. Vorhanden sind: {', '.join(PRUEFUNGEN)}."
        )
    return namen


def _text_table(tabelle: pd.DataFrame) -> str:
    """Left-aligned plain-text table (the last column is not padded)."""
    spalten = list(tabelle.columns)
    zeilen = [spalten] + [[str(w) for w in zeile] for zeile in tabelle.itertuples(index=False)]
    breiten = [max(len(z[i]) for z in zeilen) for i in range(len(spalten) - 1)]
    return "\n".join(
        "  ".join([z[i].ljust(b) for i, b in enumerate(breiten)] + [z[-1]]).rstrip() for z in zeilen
    )


# ---------------------------------------------------------------------------
# Entry point
# ---------------------------------------------------------------------------


def pruefe(
    tabelle: pd.DataFrame,
    *,
    schluessel: Sequence[str] | None = None,
    wert: str | Sequence[str] | None = None,
    zeit: str | None = None,
    gebiet: str | None = None,
    zeichen: str | None = None,
    summen: Mapping[str, str] | None = None,
    teile: Mapping[str, Sequence[str]] | None = None,
    hierarchie: bool = True,
    quoten: Mapping[str, str | None] | Sequence[str] | None = None,
    zeitreihe: bool = True,
    sprung: float | None = 0.25,
    sprung_mindestens: float = 0,
    toleranz: float = 0,
    negativ_erlaubt: bool = False,
    bereiche: Mapping[str, tuple[float | None, float | None]] | None = None,
    name: str | None = None,
) -> Pruefbericht:
    """Prüft eine Tabelle im Langformat auf Plausibilität und gibt einen Bericht zurück.

    Auffällige Daten lösen nie eine Ausnahme aus: Jeder Befund steht als Zeile im
    :class:`Pruefbericht`. Nur falsche Argumente (z. B. eine genannte Spalte fehlt)
    führen zu einem :class:`~bimo.fehler.DatenFehler`.

    Parameter:

    - ``schluessel``: Spalten, die eine Zeile eindeutig bestimmen. Vorgabe: alle Spalten
      außer den Wertspalten und der Zeichenspalte.
    - ``wert``: Wertspalte(n). Vorgabe: ``wert`` und – in Indikatortabellen – ``zaehler``
      und ``nenner``.
    - ``zeit``: Zeitspalte für die Zeitreihenprüfung. Vorgabe: ``jahr``, falls vorhanden.
      Lücken werden nur bei ganzen Jahreszahlen gesucht (zweijährliche Daten wie 2019,
      2021, 2023 haben keine Lücken); Sprünge bei jeder sortierbaren Zeitangabe.
    - ``gebiet``: Spalte mit den Gebietsschlüsseln (AGS als Text). Vorgabe: ``ags``,
      falls vorhanden.
    - ``zeichen``: Spalte mit Zeichen für fehlende Werte (``.``, ``x``, ``-`` …). Vorgabe:
      ``zeichen``, falls vorhanden. Ein leerer Wert mit Zeichen ist kein Befund.
    - ``summen``: Gliederungsspalte → Summenkategorie, z. B. ``{"geschlecht":
      "Insgesamt"}``; die übrigen Kategorien müssen die Summe ergeben. Vorgabe: jede
      Schlüsselspalte mit der Kategorie „Insgesamt“; ``{}`` schaltet die Prüfung ab.
    - ``teile``: Gliederungsspalte → Kategorien, die zusammen die Summe bilden (wenn nicht
      alle anderen Kategorien Teile sind, z. B. bei „darunter“-Zeilen).
    - ``hierarchie``: Gebietssummen prüfen (Gemeinden → Kreis → Regierungsbezirk → Land),
      wo beide Ebenen in der Tabelle stehen.
    - ``quoten``: Spalten mit Quoten in Prozent → ``None`` (über 100 % ist ein Fehler) oder
      eine Erklärung, warum über 100 % möglich ist (dann nur ein Hinweis mit dieser
      Erklärung). Eine Liste von Spaltennamen steht für lauter ``None``. In
      Indikatortabellen (mit ``zaehler`` und ``nenner``) gilt ``wert`` als Quote.
      Quoten werden nicht summiert.
    - ``zeitreihe``: Lücken und Sprünge in Zeitreihen prüfen.
    - ``sprung``: relative Änderung von einem Jahr zum nächsten, ab der ein Wert als Sprung
      gilt (``0.25`` = 25 %); ``None`` schaltet nur die Sprungprüfung ab. Ein Sprung hin
      und zurück (Ausreißer, oft ein Tippfehler) ist eine Warnung, ein bleibender Sprung
      (Zeitreihenbruch) ein Hinweis. Sprünge von null aus werden nicht bewertet.
    - ``sprung_mindestens``: ein Sprung zählt nur, wenn sich der Wert auch absolut um
      mehr als diesen Betrag ändert – kleine Zahlen schwanken von Jahr zu Jahr stark
      (z. B. ``20`` für Anzahlen von Kindern; Vorgabe ``0``).
    - ``toleranz``: erlaubte Abweichung bei Summen, z. B. ``5`` bei gerundeten Daten.
    - ``negativ_erlaubt``: ``True`` für Salden und Veränderungen, die negativ sein dürfen.
    - ``bereiche``: erlaubte Grenzen je Spalte (Schlüssel oder Wert), z. B.
      ``{"alter": (0, 90)}``; ``None`` als Grenze heißt offen.
    - ``name``: Name der Tabelle für die Zusammenfassung des Berichts.

    Beispiel::

        pruefe(lade("kindertagesbetreuung"), name="Kindertagesbetreuung")
        pruefe(indikator("betreuungsquote_3_6").berechne(),
               quoten={"wert": "Kinder werden am Ort der Betreuung gezählt …"})
    """
    if not isinstance(tabelle, pd.DataFrame):
        raise DatenFehler(
            f"pruefe erwartet eine Tabelle (pandas.DataFrame), nicht {type(tabelle).__name__}."
        )
    ctx = _Context.build(
        tabelle,
        schluessel=schluessel,
        wert=wert,
        zeit=zeit,
        gebiet=gebiet,
        zeichen=zeichen,
        summen=summen,
        teile=teile,
        quoten=quoten,
        sprung=sprung,
        sprung_mindestens=sprung_mindestens,
        toleranz=toleranz,
        bereiche=bereiche,
    )
    checks = [(FEHLWERTE, _check_missing)]
    if not negativ_erlaubt:
        checks.append((NEGATIV, _check_negative))
    if ctx.ranges:
        checks.append((BEREICH, _check_ranges))
    checks.append((DUBLETTEN, _check_duplicates))
    if ctx.totals:
        checks.append((TEILSUMMEN, _check_part_sums))
    if ctx.region:
        checks.append((GEBIETSSCHLUESSEL, _check_region_codes))
        if hierarchie:
            checks.append((GEBIETSSUMMEN, _check_region_sums))
    if ctx.time and zeitreihe:
        checks.append((LUECKEN, _check_gaps))
        if sprung is not None:
            checks.append((SPRUENGE, _check_jumps))
    if ctx.quotas:
        checks.append((QUOTEN, _check_quotas))
    with np.errstate(all="ignore"):  # extreme numbers become findings, not warnings
        befunde = [b for _, check in checks for b in check(ctx)]
    return Pruefbericht(_report_table(befunde), name, tuple(n for n, _ in checks))


# ---------------------------------------------------------------------------
# Arguments and working data
# ---------------------------------------------------------------------------


class _Finding(NamedTuple):
    pruefung: str
    schwere: str
    ort: str
    spalte: str
    befund: str
    zeilen: tuple


def _report_table(befunde: list[_Finding]) -> pd.DataFrame:
    tabelle = pd.DataFrame(befunde, columns=list(SPALTEN))
    rang = tabelle["schwere"].map({s: i for i, s in enumerate(SCHWEREN)})
    reihenfolge = tabelle["pruefung"].map({p: i for i, p in enumerate(PRUEFUNGEN)})
    ordnung = pd.DataFrame({"r": rang, "p": reihenfolge}).sort_values(["r", "p"], kind="stable")
    return tabelle.loc[ordnung.index].reset_index(drop=True)


@dataclass
class _Context:
    """Validated arguments plus the working copy of the table (RangeIndex = positions)."""

    data: pd.DataFrame  # keys and numeric value columns
    raw: pd.DataFrame  # the caller's table with a RangeIndex
    labels: pd.Index  # the caller's index labels, by position
    keys: list[str]
    values: list[str]
    quotas: dict[str, str | None]
    time: str | None
    region: str | None
    has_sign: np.ndarray
    totals: dict[str, tuple[str, list | None]]
    jump: float | None
    jump_minimum: float
    tolerance: float
    ranges: dict[str, tuple[float | None, float | None]]
    _arrays: dict[str, np.ndarray] = field(default_factory=dict)

    @property
    def counts(self) -> list[str]:
        """Value columns that can be summed (everything but quotas)."""
        return [v for v in self.values if v not in self.quotas]

    @cached_property
    def unique(self) -> pd.DataFrame:
        """Data without repeated keys (the first row wins) for sums and time series."""
        if not self.keys:
            return self.data
        return self.data[~self.data.duplicated(self.keys, keep="first")]

    def rows(self, positions: Iterable[int]) -> tuple:
        return tuple(self.labels.take(sorted(positions)).tolist())

    def where(self, position: int, columns: Sequence[str] | None = None) -> str:
        spalten = self.keys if columns is None else columns
        return _where(spalten, [self.cell(position, s) for s in spalten])

    def cell(self, position: int, spalte: str) -> object:
        """One value of the working data (fast: columns are cached as arrays)."""
        if spalte not in self._arrays:
            self._arrays[spalte] = self.data[spalte].to_numpy(dtype=object)
        return self._arrays[spalte][position]

    def row_finding(self, pruefung: str, pos: int, spalte: str, befund: str) -> _Finding:
        """An error about a single row."""
        return _Finding(pruefung, FEHLER, self.where(pos), spalte, befund, self.rows([pos]))

    def sum_finding(self, pruefung: str, m: _Mismatch, spalte: str, befund: str) -> _Finding:
        """An error about a total and its parts (the total row names the place)."""
        zeilen = self.rows([m.total_pos, *m.part_pos])
        return _Finding(pruefung, FEHLER, self.where(m.total_pos), spalte, befund, zeilen)

    def column_note(self, spalte: str) -> str:
        return f" (Spalte {spalte})" if len(self.values) > 1 else ""

    @classmethod
    def build(cls, tabelle: pd.DataFrame, **args) -> _Context:
        spalten = [str(s) for s in tabelle.columns]
        raw = tabelle.reset_index(drop=True)
        raw.columns = spalten
        quoten = _quota_argument(args["quoten"], spalten)
        werte = _value_columns(args["wert"], spalten)
        if args["quoten"] is None and {"zaehler", "nenner"} <= set(werte) and "wert" in werte:
            quoten = {"wert": None}
        werte += [q for q in quoten if q not in werte]
        zeichen = _optional_column(args["zeichen"], "zeichen", spalten, "Zeichenspalte")
        keys = _key_columns(args["schluessel"], spalten, werte, zeichen)
        zeit = _optional_column(args["zeit"], "jahr", keys, "Zeitspalte", spalten)
        region = _optional_column(args["gebiet"], "ags", keys, "Gebietsspalte", spalten)
        data = raw[keys].copy()
        for w in werte:
            data[w] = pd.to_numeric(raw[w], errors="coerce").to_numpy(dtype=float, na_value=np.nan)
        return cls(
            data=data,
            raw=raw,
            labels=tabelle.index,
            keys=keys,
            values=werte,
            quotas=quoten,
            time=zeit,
            region=region,
            has_sign=_sign_mask(raw, zeichen),
            totals=_total_argument(args["summen"], args["teile"], raw, keys, zeit, region),
            jump=_jump_argument(args["sprung"]),
            jump_minimum=_tolerance_argument(args["sprung_mindestens"], "sprung_mindestens"),
            tolerance=_tolerance_argument(args["toleranz"], "toleranz"),
            ranges=_range_argument(args["bereiche"], spalten),
        )


def _missing_column(spalte: object, spalten: Sequence[str], rolle: str) -> DatenFehler:
    vorhanden = ", ".join(spalten) or "(keine)"
    return DatenFehler(
        f"Die {rolle} „{spalte}“ fehlt in der Tabelle. Vorhandene Spalten: {vorhanden}."
    )


def _as_list(angabe: str | Iterable[str]) -> list[str]:
    return [angabe] if isinstance(angabe, str) else list(angabe)


def _value_columns(wert: str | Sequence[str] | None, spalten: list[str]) -> list[str]:
    if wert is None:
        if "wert" not in spalten:
            raise _missing_column("wert", spalten, "Wertspalte")
        return ["wert"] + [s for s in ("zaehler", "nenner") if s in spalten]
    werte = _as_list(wert)
    if not werte:
        raise DatenFehler("Geben Sie mindestens eine Wertspalte an (Argument wert).")
    for w in werte:
        if w not in spalten:
            raise _missing_column(w, spalten, "Wertspalte")
    return list(dict.fromkeys(werte))


def _quota_argument(quoten: object, spalten: list[str]) -> dict[str, str | None]:
    if quoten is None:
        return {}
    if isinstance(quoten, Mapping):
        ergebnis = dict(quoten)
    elif isinstance(quoten, str):
        ergebnis = {quoten: None}
    else:
        ergebnis = dict.fromkeys(quoten)
    for spalte, erklaerung in ergebnis.items():
        if spalte not in spalten:
            raise _missing_column(spalte, spalten, "Quotenspalte")
        if erklaerung is not None and not isinstance(erklaerung, str):
            raise DatenFehler(
                f"quoten[„{spalte}“] muss None (höchstens 100 %) oder ein erklärender Text "
                f"sein, nicht {erklaerung!r}."
            )
    return ergebnis


def _optional_column(
    angabe: str | None,
    vorgabe: str,
    erlaubt: Sequence[str],
    rolle: str,
    spalten: Sequence[str] | None = None,
) -> str | None:
    """An explicit column must exist (among ``erlaubt``); the default is used if present."""
    if angabe is None:
        return vorgabe if vorgabe in erlaubt else None
    if angabe not in (spalten or erlaubt):
        raise _missing_column(angabe, spalten or erlaubt, rolle)
    if angabe not in erlaubt:
        raise DatenFehler(
            f"Die {rolle} „{angabe}“ muss zu den Schlüsselspalten gehören ({', '.join(erlaubt)})."
        )
    return angabe


def _key_columns(
    schluessel: Sequence[str] | None, spalten: list[str], werte: list[str], zeichen: str | None
) -> list[str]:
    if schluessel is None:
        return [s for s in spalten if s not in werte and s != zeichen]
    keys = list(dict.fromkeys(_as_list(schluessel)))
    for k in keys:
        if k not in spalten:
            raise _missing_column(k, spalten, "Schlüsselspalte")
        if k in werte:
            raise DatenFehler(
                f"Die Spalte „{k}“ kann nicht zugleich Schlüssel und Wertspalte sein."
            )
    return keys


def _total_argument(
    summen: Mapping[str, str] | None,
    teile: Mapping[str, Sequence[str]] | None,
    raw: pd.DataFrame,
    keys: list[str],
    zeit: str | None,
    region: str | None,
) -> dict[str, tuple[str, list | None]]:
    """Map category column -> (total category, parts or None for 'all others')."""
    if summen is None:
        kandidaten = [k for k in keys if k not in (zeit, region)]
        summen = {k: INSGESAMT for k in kandidaten if (raw[k] == INSGESAMT).any()}
    teile = dict(teile or {})
    for spalte in teile:
        if spalte not in summen:
            raise DatenFehler(
                f"teile nennt die Spalte „{spalte}“, summen aber nicht; geben Sie in summen "
                "die Summenkategorie dieser Spalte an."
            )
    ergebnis = {}
    for spalte, gesamt in summen.items():
        if spalte not in keys:
            raise _missing_column(spalte, keys, "Gliederungsspalte (unter den Schlüsseln)")
        vorhanden = set(raw[spalte].dropna().tolist())
        gesucht = [gesamt, *_as_list(teile.get(spalte, []))]
        for kategorie in gesucht:
            if kategorie not in vorhanden:
                beispiele = ", ".join(f"„{v}“" for v in sorted(map(str, vorhanden))[:10])
                raise DatenFehler(
                    f"Die Spalte „{spalte}“ enthält keine Kategorie „{kategorie}“. "
                    f"Vorhanden sind z. B.: {beispiele}."
                )
        ergebnis[spalte] = (gesamt, _as_list(teile[spalte]) if spalte in teile else None)
    return ergebnis


def _jump_argument(sprung: float | None) -> float | None:
    gueltig = isinstance(sprung, int | float) and not isinstance(sprung, bool) and sprung > 0
    if sprung is not None and not gueltig:
        raise DatenFehler(f"sprung muss eine positive Zahl sein (0.25 = 25 %), nicht {sprung!r}.")
    return sprung


def _tolerance_argument(wert: float, name: str) -> float:
    if isinstance(wert, bool) or not (isinstance(wert, int | float) and wert >= 0):
        raise DatenFehler(f"{name} muss eine Zahl ab 0 sein, nicht {wert!r}.")
    return float(wert)


def _range_argument(bereiche: Mapping | None, spalten: list[str]) -> dict:
    ergebnis = dict(bereiche or {})
    for spalte, grenzen in ergebnis.items():
        if spalte not in spalten:
            raise _missing_column(spalte, spalten, "Spalte aus bereiche")
        if not (isinstance(grenzen, tuple | list) and len(grenzen) == 2):
            raise DatenFehler(
                f"bereiche[„{spalte}“] muss ein Paar (kleinster, größter Wert) sein, z. B. "
                f"(0, 90), nicht {grenzen!r}."
            )
        ergebnis[spalte] = tuple(grenzen)
    return ergebnis


def _sign_mask(raw: pd.DataFrame, zeichen: str | None) -> np.ndarray:
    if zeichen is None:
        return np.zeros(len(raw), dtype=bool)
    text = raw[zeichen].astype("string").str.strip()
    return (text.notna() & (text != "")).fillna(False).to_numpy(dtype=bool)


# ---------------------------------------------------------------------------
# Text helpers
# ---------------------------------------------------------------------------


def _text(wert: object) -> str:
    if wert is None or (not isinstance(wert, str) and pd.isna(wert)):
        return "leer"
    if isinstance(wert, float | np.floating) and float(wert).is_integer():
        return str(int(wert))
    if isinstance(wert, pd.Timestamp) and wert == wert.normalize():
        return wert.strftime("%d.%m.%Y")
    return str(wert)


def _where(spalten: Sequence[str], werte: Sequence[object]) -> str:
    return ", ".join(f"{s}={_text(w)}" for s, w in zip(spalten, werte, strict=True))


def _number(wert: float) -> str:
    """German number: integers without decimals, others with up to two."""
    if math.isnan(wert):
        return "leer"
    if math.isinf(wert):
        return "unendlich" if wert > 0 else "minus unendlich"
    if abs(wert) >= _RIESIG:  # beyond what German formatting with all digits can show
        return f"{wert:.3e}".replace(".", ",")
    if float(wert).is_integer():
        return zahl(wert)
    text = zahl(wert, 2)
    return text.rstrip("0").rstrip(",") if "," in text else text


def _percent(wert: float, stellen: int = 1) -> str:
    if abs(wert) >= _RIESIG:
        return f"{_number(wert)}\u00a0%"
    return prozent(wert, stellen)


def _signed(wert: float) -> str:
    return ("+" if wert > 0 else "") + _number(wert)


def _change(relativ: float) -> str:
    return ("+" if relativ > 0 else "") + _percent(relativ * 100, 0)


def _enumeration(teile: Sequence[str]) -> str:
    teile = list(teile)
    return teile[0] if len(teile) == 1 else f"{', '.join(teile[:-1])} und {teile[-1]}"


def _years(jahre: Iterable[int]) -> str:
    jahre = sorted(jahre)
    wort = "das Jahr" if len(jahre) == 1 else "die Jahre"
    return f"{wort} {_enumeration([str(j) for j in jahre])}"


# ---------------------------------------------------------------------------
# Checks on single rows
# ---------------------------------------------------------------------------


def _check_missing(ctx: _Context) -> list[_Finding]:
    befunde = []
    for spalte in ctx.values:
        werte = ctx.data[spalte].to_numpy()
        roh = ctx.raw[spalte]
        leer = roh.isna().to_numpy()
        if not pd.api.types.is_numeric_dtype(roh):
            text = roh.astype("string").str.strip()
            leer = (text.isna() | (text == "")).fillna(True).to_numpy(dtype=bool)
        for pos in np.flatnonzero(np.isnan(werte) & ~leer):
            befunde.append(_invalid_finding(ctx, pos, spalte, str(roh.iat[pos]).strip()))
        for pos in np.flatnonzero(np.isnan(werte) & leer & ~ctx.has_sign):
            befund = (
                f"Der Wert{ctx.column_note(spalte)} fehlt, und kein Zeichen sagt, warum "
                "(z. B. „.“ unbekannt/geheim, „-“ genau null)."
            )
            befunde.append(ctx.row_finding(FEHLWERTE, pos, spalte, befund))
        for pos in np.flatnonzero(np.isinf(werte)):
            befund = (
                f"Der Wert{ctx.column_note(spalte)} ist unendlich ({_number(werte[pos])}) – "
                "vermutlich eine Division durch null."
            )
            befunde.append(ctx.row_finding(FEHLWERTE, pos, spalte, befund))
    return befunde


def _invalid_finding(ctx: _Context, pos: int, spalte: str, text: str) -> _Finding:
    befund = f"Der Wert „{text}“{ctx.column_note(spalte)} ist keine Zahl."
    if text in {"-", "–", ".", "x", "/", "...", "…", "X"}:
        befund += " Zeichen gehören in eine eigene Spalte (zeichen); der Wert bleibt leer."
    elif "," in text:
        befund += ' Mit Dezimalkomma eingelesen? (pd.read_csv(..., decimal=","))'
    return ctx.row_finding(FEHLWERTE, pos, spalte, befund)


def _check_negative(ctx: _Context) -> list[_Finding]:
    befunde = []
    for spalte in ctx.values:
        werte = ctx.data[spalte].to_numpy()
        for pos in np.flatnonzero(werte < 0):
            befund = (
                f"Der Wert {_number(werte[pos])}{ctx.column_note(spalte)} ist negativ; "
                "Anzahlen und Quoten können nicht negativ sein (Vorzeichenfehler?)."
            )
            befunde.append(ctx.row_finding(NEGATIV, pos, spalte, befund))
    return befunde


def _check_ranges(ctx: _Context) -> list[_Finding]:
    befunde = []
    for spalte, (unten, oben) in ctx.ranges.items():
        werte = pd.to_numeric(ctx.raw[spalte], errors="coerce").to_numpy(float, na_value=np.nan)
        ausserhalb = np.zeros(len(werte), dtype=bool)
        if unten is not None:
            ausserhalb |= werte < unten
        if oben is not None:
            ausserhalb |= werte > oben
        grenzen = _range_text(unten, oben)
        for pos in np.flatnonzero(ausserhalb):
            befund = f"{spalte}={_number(werte[pos])} liegt außerhalb des Bereichs {grenzen}."
            befunde.append(ctx.row_finding(BEREICH, pos, spalte, befund))
    return befunde


def _range_text(unten: float | None, oben: float | None) -> str:
    if unten is None:
        return f"bis {_number(oben)}"
    if oben is None:
        return f"ab {_number(unten)}"
    return f"von {_number(unten)} bis {_number(oben)}"


def _check_duplicates(ctx: _Context) -> list[_Finding]:
    if not ctx.keys:
        return []
    doppelt = ctx.data[ctx.data.duplicated(ctx.keys, keep=False)]
    ids = _group_ids(doppelt[ctx.keys])
    gruppen = [doppelt.index[p].tolist() for p in ids.groupby(ids).indices.values()]
    return [_duplicate_finding(ctx, positionen) for positionen in sorted(gruppen, key=min)]


def _duplicate_finding(ctx: _Context, positionen: list[int]) -> _Finding:
    zeilen = ctx.rows(positionen)
    gleich = len(ctx.raw.loc[positionen].astype(str).drop_duplicates()) == 1
    werte = [_values_text(ctx, p) for p in positionen]
    wo = f"(Zeilen {_enumeration([str(z) for z in zeilen])})"
    if gleich:
        befund = (
            f"Die Zeile steht {len(positionen)}-mal in der Tabelle {wo}, jedes Mal mit "
            f"{werte[0]} – eine Dublette; eine Zeile genügt."
        )
    else:
        befund = (
            f"Der Schlüssel steht {len(positionen)}-mal in der Tabelle {wo}, mit "
            f"verschiedenen Werten: {'; '.join(werte)} – welcher stimmt?"
        )
    return _Finding(DUBLETTEN, FEHLER, ctx.where(positionen[0]), "", befund, zeilen)


def _values_text(ctx: _Context, pos: int) -> str:
    if len(ctx.values) == 1:
        return f"Wert {_number(ctx.cell(pos, ctx.values[0]))}"
    return ", ".join(f"{s} {_number(ctx.cell(pos, s))}" for s in ctx.values)


# ---------------------------------------------------------------------------
# Sums: categories and regional hierarchy
# ---------------------------------------------------------------------------


def _group_ids(gruppen: pd.DataFrame) -> pd.Series:
    """Number the groups of equal rows (missing values form groups of their own)."""
    if gruppen.shape[1] == 0:
        return pd.Series(0, index=gruppen.index)
    nummeriert = gruppen.set_axis(range(gruppen.shape[1]), axis=1)
    return nummeriert.groupby(list(nummeriert.columns), dropna=False, sort=False).ngroup()


class _Mismatch(NamedTuple):
    total_pos: int
    part_pos: list[int]
    total: float
    parts: float


def _sum_mismatches(
    gruppen: pd.DataFrame, ist_summe: pd.Series, werte: pd.Series, toleranz: float
) -> list[_Mismatch]:
    """Groups (rows of ``gruppen`` with equal values) whose parts do not add up to the total.

    All three arguments share one index (positions); each group holds at most one total.
    Groups with a missing value, without a total or without parts are skipped.
    """
    ids = _group_ids(gruppen)
    teile, teil_ids = werte[~ist_summe], ids[~ist_summe]
    summe = teile.groupby(teil_ids).sum()
    unvollstaendig = (~np.isfinite(teile)).groupby(teil_ids).any()
    positionen = teile.groupby(teil_ids).indices
    summen = pd.Series(werte[ist_summe].to_numpy(), index=ids[ist_summe].to_numpy())
    summen_pos = pd.Series(werte[ist_summe].index.to_numpy(), index=ids[ist_summe].to_numpy())
    gemeinsam = summen.index.intersection(summe.index)
    gesamt, teilsumme = summen[gemeinsam], summe[gemeinsam]
    grenze = toleranz + 1e-9 * np.maximum(1.0, gesamt.abs())
    falsch = (
        ~unvollstaendig[gemeinsam] & np.isfinite(gesamt) & ((teilsumme - gesamt).abs() > grenze)
    )
    ergebnis = [
        _Mismatch(int(summen_pos[i]), teile.index[positionen[i]].tolist(), gesamt[i], teilsumme[i])
        for i in falsch[falsch].index
    ]
    return sorted(ergebnis, key=lambda m: m.total_pos)


def _check_part_sums(ctx: _Context) -> list[_Finding]:
    daten = ctx.unique
    befunde = []
    for spalte, (gesamt, teile) in ctx.totals.items():
        ist_summe = daten[spalte] == gesamt
        ist_teil = daten[spalte].isin(teile) if teile is not None else daten[spalte].notna()
        auswahl = daten[ist_summe | (ist_teil & ~ist_summe)]
        gruppen = auswahl[[k for k in ctx.keys if k != spalte]]
        for wert in ctx.counts:
            abweichungen = _sum_mismatches(
                gruppen, ist_summe[auswahl.index], auswahl[wert], ctx.tolerance
            )
            befunde += [_part_sum_finding(ctx, spalte, gesamt, wert, m) for m in abweichungen]
    return befunde


def _part_sum_finding(ctx: _Context, spalte: str, gesamt: str, wert: str, m: _Mismatch) -> _Finding:
    namen = sorted({_text(ctx.cell(p, spalte)) for p in m.part_pos})
    if len(namen) == 1:
        teile = f"Der einzige Teil {spalte}={namen[0]} hat {_number(m.parts)}"
    else:
        liste = f" ({_enumeration(namen)})" if len(namen) <= 4 else ""
        teile = f"Die {len(namen)} Teile von {spalte}{liste} ergeben zusammen {_number(m.parts)}"
    befund = (
        f"{teile}, „{gesamt}“ ist {_number(m.total)}{ctx.column_note(wert)}: Differenz "
        f"{_signed(m.parts - m.total)}."
    )
    return ctx.sum_finding(TEILSUMMEN, m, wert, befund)


def _region_codes(ctx: _Context) -> pd.Series:
    """Region codes of the unique rows as text (numbers are converted)."""
    codes = ctx.unique[ctx.region]
    if pd.api.types.is_numeric_dtype(codes):
        codes = codes.map(_text)
    return codes.astype("string").str.strip()


def _check_region_codes(ctx: _Context) -> list[_Finding]:
    spalte = ctx.region
    befunde = []
    if pd.api.types.is_numeric_dtype(ctx.raw[spalte]):
        befund = (
            f"Die Gebietsschlüssel in „{spalte}“ sind als Zahl gespeichert; führende Nullen "
            f'gehen so verloren (01001 wird 1001). Beim Einlesen dtype={{"{spalte}": str}} '
            "angeben."
        )
        befunde.append(_Finding(GEBIETSSCHLUESSEL, WARNUNG, f"Spalte {spalte}", "", befund, ()))
    codes = _region_codes(ctx)
    ziffern = codes.str.fullmatch(r"\d+").fillna(False)
    ueblich = codes.str.len().isin(_UEBLICHE_LAENGEN).fillna(False)
    ungewoehnlich = codes.notna() & (codes != _BUNDESGEBIET) & ~(ziffern & ueblich)
    for code in sorted(set(codes[ungewoehnlich.to_numpy(dtype=bool)].tolist())):
        positionen = codes.index[(codes == code).fillna(False).to_numpy(dtype=bool)]
        befund = (
            f"Der Gebietsschlüssel „{code}“ hat {len(code)} Zeichen; üblich sind 2 (Land), "
            "3 (Regierungsbezirk), 5 (Kreis) oder 8 Ziffern (Gemeinde). Fehlt eine führende "
            "Null?"
        )
        ort = f"{spalte}={code}"
        befunde.append(_Finding(GEBIETSSCHLUESSEL, WARNUNG, ort, "", befund, ctx.rows(positionen)))
    return befunde


def _check_region_sums(ctx: _Context) -> list[_Finding]:
    daten = ctx.unique
    codes = _region_codes(ctx).fillna("")
    laengen = codes.str.len().where(codes.str.fullmatch(r"\d+").fillna(False), 0).astype(int)
    ebenen = sorted(set(laengen) & set(_EBENEN))
    andere = [k for k in ctx.keys if k != ctx.region]
    befunde = []
    for oben in ebenen:
        zuordnung = _child_level_by_parent(codes, laengen, oben, ebenen)
        for unten in sorted(set(zuordnung.values())):
            eltern = [c for c, e in zuordnung.items() if e == unten]
            ist_summe = (laengen == oben) & codes.isin(eltern)
            ist_teil = (laengen == unten) & codes.str[:oben].isin(eltern)
            auswahl = daten[ist_summe | ist_teil]
            gruppen = auswahl[andere].assign(**{"\0eltern": codes[auswahl.index].str[:oben]})
            for wert in ctx.counts:
                abweichungen = _sum_mismatches(
                    gruppen, ist_summe[auswahl.index], auswahl[wert], ctx.tolerance
                )
                befunde += [_region_sum_finding(ctx, oben, unten, wert, m) for m in abweichungen]
    return befunde


def _child_level_by_parent(
    codes: pd.Series, laengen: pd.Series, oben: int, ebenen: list[int]
) -> dict[str, int]:
    """For each parent code: the next finer level that has rows below it."""
    eltern = set(codes[laengen == oben].tolist())
    zuordnung: dict[str, int] = {}
    for unten in (e for e in ebenen if e > oben):
        mit_kindern = set(codes[laengen == unten].str[:oben].tolist())
        for code in sorted((eltern & mit_kindern) - set(zuordnung)):
            zuordnung[code] = unten
    return zuordnung


def _region_sum_finding(ctx: _Context, oben: int, unten: int, wert: str, m: _Mismatch) -> _Finding:
    code = _text(ctx.cell(m.total_pos, ctx.region))
    if len(m.part_pos) == 1:
        kind = _text(ctx.cell(m.part_pos[0], ctx.region))
        teile = f"Darunter steht nur {_EBENEN[unten]} {kind} mit {_number(m.parts)}"
    else:
        mehrzahl = _EBENEN_MEHRZAHL[unten]
        teile = f"Die {len(m.part_pos)} {mehrzahl} ergeben zusammen {_number(m.parts)}"
    befund = (
        f"{teile}, {_EBENEN[oben]} {code} hat {_number(m.total)}{ctx.column_note(wert)}: "
        f"Differenz {_signed(m.parts - m.total)}."
    )
    return ctx.sum_finding(GEBIETSSUMMEN, m, wert, befund)


# ---------------------------------------------------------------------------
# Time series
# ---------------------------------------------------------------------------


def _series_keys(ctx: _Context) -> list[str]:
    return [k for k in ctx.keys if k != ctx.time]


def _integer_years(ctx: _Context) -> pd.Series | None:
    """The years as integers, or None if the time column is not a plain year."""
    zeit = ctx.unique[ctx.time]
    if pd.api.types.is_datetime64_any_dtype(zeit) or pd.api.types.is_timedelta64_dtype(zeit):
        return None
    jahre = pd.to_numeric(zeit, errors="coerce")
    if jahre.isna().any() or not (jahre == jahre.round()).all():
        return None
    return jahre.astype("int64")


def _missing_years(da: set[int], schritt: int) -> set[int]:
    return set(range(min(da), max(da) + 1, schritt)) - da


def _check_gaps(ctx: _Context) -> list[_Finding]:
    jahre = _integer_years(ctx)
    if jahre is None or jahre.nunique() < 2:
        return []
    schritt = int(np.gcd.reduce(np.diff(np.sort(jahre.unique()))))
    reihen = _series_keys(ctx)
    if not reihen:
        return _whole_table_gap(jahre, schritt)
    befunde, fehlt_im_gebiet = [], {}
    if ctx.region:
        befunde, fehlt_im_gebiet = _region_gaps(ctx, jahre, schritt)
    if reihen != [ctx.region]:
        befunde += _series_gaps(ctx, jahre, schritt, reihen, fehlt_im_gebiet)
    return befunde


def _region_gaps(
    ctx: _Context, jahre: pd.Series, schritt: int
) -> tuple[list[_Finding], dict[object, set[int]]]:
    """Years missing for a whole region, and regions whose series is shorter than the table."""
    befunde, fehlt_im_gebiet = [], {}
    erstes, letztes = int(jahre.min()), int(jahre.max())
    for zeilen in jahre.groupby(_group_ids(ctx.unique[[ctx.region]])).indices.values():
        da = set(jahre.iloc[zeilen].tolist())
        code = ctx.cell(jahre.index[zeilen[0]], ctx.region)
        ort = _where([ctx.region], [code])
        fehlt = _missing_years(da, schritt)
        if fehlt:
            fehlt_im_gebiet[code] = fehlt
            befund = f"Für {ort} fehlt {_years(fehlt)} ganz (Daten von {min(da)} bis {max(da)})."
            befunde.append(_Finding(LUECKEN, WARNUNG, ort, "", befund, ()))
        if min(da) > erstes or max(da) < letztes:
            befund = _short_series(ort, min(da), max(da), erstes, letztes)
            befunde.append(_Finding(LUECKEN, HINWEIS, ort, "", befund, ()))
    return befunde, fehlt_im_gebiet


def _short_series(ort: str, von: int, bis: int, erstes: int, letztes: int) -> str:
    teile = []
    if von > erstes:
        teile.append(f"beginnt erst {von}")
    if bis < letztes:
        teile.append(f"endet schon {bis}")
    return (
        f"Die Zeitreihe von {ort} {' und '.join(teile)}, die Tabelle reicht von {erstes} bis "
        f"{letztes} – ein neuer oder aufgelöster Gebietsschlüssel (Gebietsreform)?"
    )


def _series_gaps(
    ctx: _Context,
    jahre: pd.Series,
    schritt: int,
    reihen: list[str],
    fehlt_im_gebiet: dict[object, set[int]],
) -> list[_Finding]:
    """Years missing inside a single series (not already missing for its whole region)."""
    gruppen = jahre.groupby(_group_ids(ctx.unique[reihen]))
    kennzahlen = pd.DataFrame({"n": gruppen.nunique(), "von": gruppen.min(), "bis": gruppen.max()})
    luecke = kennzahlen["n"] < (kennzahlen["bis"] - kennzahlen["von"]) // schritt + 1
    positionen = gruppen.indices
    befunde = []
    for gruppe in kennzahlen.index[luecke]:
        zeilen = jahre.index[positionen[gruppe]]
        werte = [ctx.cell(zeilen[0], k) for k in reihen]
        gebiet = ctx.cell(zeilen[0], ctx.region) if ctx.region else None
        da = set(jahre[zeilen].tolist())
        fehlt = _missing_years(da, schritt) - fehlt_im_gebiet.get(gebiet, set())
        if fehlt:
            befund = f"In der Zeitreihe fehlt {_years(fehlt)} (Daten von {min(da)} bis {max(da)})."
            befunde.append(_Finding(LUECKEN, WARNUNG, _where(reihen, werte), "", befund, ()))
    return befunde


def _whole_table_gap(jahre: pd.Series, schritt: int) -> list[_Finding]:
    da = set(jahre.tolist())
    fehlt = _missing_years(da, schritt)
    if not fehlt:
        return []
    befund = f"In der Tabelle fehlt {_years(fehlt)} (Daten von {min(da)} bis {max(da)})."
    return [_Finding(LUECKEN, WARNUNG, "ganze Tabelle", "", befund, ())]


class _Jump(NamedTuple):
    pos: int
    alt: float
    vorjahr: object
    outlier: bool
    naechstes_jahr: object
    naechster_wert: float


def _check_jumps(ctx: _Context) -> list[_Finding]:
    reihen = _series_keys(ctx)
    return [
        _jump_finding(ctx, spalte, sprung, reihen)
        for spalte in ctx.values
        for sprung in _find_jumps(ctx, spalte, reihen)
    ]


def _find_jumps(ctx: _Context, spalte: str, reihen: list[str]) -> list[_Jump]:
    """Changes above ``ctx.jump`` against the previous year.

    An outlier jumps away and, the next year, back to about the old value; its return
    is not reported a second time.
    """
    daten = ctx.unique[np.isfinite(ctx.unique[spalte])]
    ordnung = pd.DataFrame(
        {"reihe": _group_ids(daten[reihen]), "zeit": _time_order(daten[ctx.time])}
    )
    ordnung = ordnung.sort_values(["reihe", "zeit"], kind="stable")
    daten, ids = daten.loc[ordnung.index], ordnung["reihe"]
    wert, jahr = daten[spalte], daten[ctx.time]
    vorher, nachher = wert.groupby(ids).shift(1), wert.groupby(ids).shift(-1)
    grenze = np.maximum(ctx.jump * vorher.abs(), ctx.jump_minimum)
    sprung = vorher.notna() & (vorher != 0) & ((wert - vorher).abs() > grenze)
    zurueck = (nachher - wert).abs() > np.maximum(ctx.jump * wert.abs(), ctx.jump_minimum)
    gegenlaeufig = np.sign(nachher - wert) == -np.sign(wert - vorher)
    wie_vorher = (nachher - vorher).abs() <= grenze
    ausreisser = sprung & nachher.notna() & zurueck & gegenlaeufig & wie_vorher
    rueckkehr = ausreisser.astype(float).groupby(ids).shift(1).fillna(0).astype(bool)
    vorjahr, naechstes = jahr.groupby(ids).shift(1), jahr.groupby(ids).shift(-1)
    gefunden = [
        _Jump(p, vorher[p], vorjahr[p], bool(ausreisser[p]), naechstes[p], nachher[p])
        for p in daten.index[(sprung & ~rueckkehr).to_numpy(dtype=bool)]
    ]
    return sorted(gefunden, key=lambda s: s.pos)


def _time_order(zeit: pd.Series) -> pd.Series:
    """Sortable time: numbers (years, dates) where possible, else text (e.g. '2019/20')."""
    zahlen = pd.to_numeric(zeit, errors="coerce")
    return zahlen if zahlen.notna().all() else zeit.astype(str)


def _jump_finding(ctx: _Context, spalte: str, s: _Jump, reihen: list[str]) -> _Finding:
    neu = ctx.cell(s.pos, spalte)
    jahr = _text(ctx.cell(s.pos, ctx.time))
    aenderung = (
        f"von {_number(s.alt)} ({_text(s.vorjahr)}) auf {_number(neu)} "
        f"({jahr}, {_change((neu - s.alt) / abs(s.alt))})"
    )
    if s.outlier:
        befund = (
            f"Der Wert{ctx.column_note(spalte)} springt {aenderung} und "
            f"{_text(s.naechstes_jahr)} zurück auf {_number(s.naechster_wert)} – ein Tippfehler?"
        )
        schwere = WARNUNG
    else:
        grenze = max(ctx.jump * abs(neu), ctx.jump_minimum)
        bleibt = pd.notna(s.naechster_wert) and abs(s.naechster_wert - neu) <= grenze
        befund = (
            f"Der Wert{ctx.column_note(spalte)} ändert sich {aenderung}"
            + (" und bleibt danach auf dieser Höhe" if bleibt else "")
            + " – ein Bruch in der Zeitreihe (Gebietsreform, neue Zählweise)?"
        )
        schwere = HINWEIS
    ort = ctx.where(s.pos, [*reihen, ctx.time])
    return _Finding(SPRUENGE, schwere, ort, spalte, befund, ctx.rows([s.pos]))


# ---------------------------------------------------------------------------
# Quotas
# ---------------------------------------------------------------------------


def _check_quotas(ctx: _Context) -> list[_Finding]:
    reihen = [k for k in ctx.keys if k != ctx.time] if ctx.time else list(ctx.keys)
    befunde = []
    for spalte, erklaerung in ctx.quotas.items():
        daten = ctx.unique
        ueber = daten[(np.isfinite(daten[spalte]) & (daten[spalte] > 100 + 1e-9)).to_numpy()]
        if ueber.empty:
            continue
        for _, gruppe in ueber.groupby(_group_ids(ueber[reihen]), sort=False):
            befunde.append(_quota_finding(ctx, spalte, erklaerung, gruppe, reihen))
    return befunde


def _quota_finding(
    ctx: _Context, spalte: str, erklaerung: str | None, gruppe: pd.DataFrame, reihen: list[str]
) -> _Finding:
    ort = ctx.where(gruppe.index[0], reihen) if reihen else "ganze Tabelle"
    text = f"Die Quote{ctx.column_note(spalte)} liegt {_quota_years(ctx, spalte, gruppe)}."
    if erklaerung is None:
        text += (
            " Eine Quote kann hier nicht über 100 % liegen. Ist es doch möglich, erklären Sie "
            f'es mit quoten={{"{spalte}": "Begründung"}}.'
        )
        return _Finding(QUOTEN, FEHLER, ort, spalte, text, ctx.rows(gruppe.index))
    befund = f"{text} Möglich: {erklaerung}"
    return _Finding(QUOTEN, HINWEIS, ort, spalte, befund, ctx.rows(gruppe.index))


def _quota_years(ctx: _Context, spalte: str, gruppe: pd.DataFrame) -> str:
    """'über 100 %: 104,0 % (2019)' – or a summary when many years are above 100 %."""
    werte = gruppe[spalte]
    if ctx.time is None:
        return f"über 100 %: {', '.join(_percent(w) for w in werte)}"
    jahre = gruppe[ctx.time]
    if len(gruppe) <= 3:
        stellen = ", ".join(
            f"{_percent(w)} ({_text(j)})" for j, w in zip(jahre, werte, strict=True)
        )
        return f"über 100 %: {stellen}"
    hoechst = werte.idxmax()
    return (
        f"in {len(gruppe)} Jahren über 100 % ({_text(jahre.min())} bis {_text(jahre.max())}), "
        f"höchstens {_percent(werte[hoechst])} ({_text(jahre[hoechst])})"
    )
