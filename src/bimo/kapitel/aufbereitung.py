"""Daten aufbereiten: Schlüssel, Zeichen, Gebietsstand, Korrekturen und Vergleiche.

Kleine Bausteine für das Kapitel „Daten aufbereiten“ und „Indikatoren auswählen“:

- :func:`ags_teile` zerlegt Gebietsschlüssel in Land, Regierungsbezirk, Kreis, Gemeinde,
- :func:`zahlen_mit_zeichen` liest eine Textspalte mit Zeichen (``-``, ``.``, ``x`` …),
- :func:`kreisschluessel` und :func:`auf_heutigen_gebietsstand` bringen Musterland-Tabellen
  über die Kreisreform 2019 hinweg auf den heutigen Gebietsstand,
- :func:`wert_an` liest und :func:`korrigiere` ändert genau einen Wert (mit Grund),
- :func:`vergleiche` zeigt, worin sich zwei Tabellen unterscheiden,
- :func:`rangvergleich` stellt die Rangfolgen zweier Indikatoren nebeneinander.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from bimo import daten
from bimo.fehler import DatenFehler

__all__ = [
    "FEHLEND",
    "NULL",
    "Vergleich",
    "ags_teile",
    "auf_heutigen_gebietsstand",
    "korrigiere",
    "kreisschluessel",
    "rangvergleich",
    "vergleiche",
    "wert_an",
    "zahlen_mit_zeichen",
]

NULL = ("-",)
"""Zeichen, die für eine echte Null stehen („nichts vorhanden“)."""

FEHLEND = (".", "x", "/", "...", "…")
"""Zeichen, die für einen fehlenden Wert stehen (geheim, unbekannt, gesperrt, später, unsicher)."""

_EBENE = {2: "Land", 3: "Regierungsbezirk", 5: "Kreis", 8: "Gemeinde"}


def ags_teile(schluessel: Iterable[object]) -> pd.DataFrame:
    """Zerlegt Gebietsschlüssel (AGS) in ihre Teile.

    Der 8-stellige AGS besteht aus Land (2 Stellen), Regierungsbezirk (1), Kreis (2) und
    Gemeinde (3); kürzere Schlüssel hören früher auf (Land 2, Regierungsbezirk 3, Kreis 5
    Stellen). Ein Schlüssel, der keine Ziffernfolge üblicher Länge ist (z. B. eine Zahl,
    der die führende Null fehlt), bekommt die Ebene „ungültig“.
    """
    zeilen = []
    for wert in schluessel:
        text = str(wert)
        gueltig = isinstance(wert, str) and text.isdigit() and len(text) in _EBENE
        zeilen.append(
            {
                "ags": text,
                "ebene": _EBENE[len(text)] if gueltig else "ungültig",
                "land": text[:2] if gueltig else "",
                "regierungsbezirk": text[2:3] if gueltig else "",
                "kreis": text[3:5] if gueltig else "",
                "gemeinde": text[5:8] if gueltig else "",
            }
        )
    return pd.DataFrame(
        zeilen, columns=["ags", "ebene", "land", "regierungsbezirk", "kreis", "gemeinde"]
    )


def zahlen_mit_zeichen(texte: Iterable[object]) -> pd.DataFrame:
    """Liest Zellen einer Tabelle der amtlichen Statistik: Zahl oder Zeichen.

    Gibt eine Tabelle mit ``text`` (die Zelle, wie sie war), ``wert`` (Zahl; ``-`` wird 0,
    ``.``, ``x``, ``/``, ``...`` werden fehlend) und ``zeichen`` (das Zeichen oder leer)
    zurück. Zahlen dürfen deutsch geschrieben sein (``1.234`` oder ``12,5``).
    """
    zeilen = []
    for zelle in texte:
        text = "" if zelle is None else str(zelle).strip()
        if text in NULL:
            zeilen.append((text, 0.0, text))
        elif text in FEHLEND or text == "":
            zeilen.append((text, np.nan, text))
        else:
            zahl = pd.to_numeric(text.replace(".", "").replace(",", "."), errors="coerce")
            zeilen.append((text, float(zahl), "" if pd.notna(zahl) else "?"))
    return pd.DataFrame(zeilen, columns=["text", "wert", "zeichen"])


def kreisschluessel() -> pd.DataFrame:
    """Der Umstiegsschlüssel der Musterland-Kreise (Reform 2019: 17154 + 17156 → 17159).

    Aus ``gebietsreform.csv`` nur die Zeilen der Kreise (5-stellige Schlüssel), mit den
    Spalten ``ags_alt``, ``ags_neu``, ``anteil`` und ``name_neu``.
    """
    schluessel = daten.lade("gebietsreform")
    kreise = schluessel[schluessel["ags_alt"].str.len() == 5]
    return kreise[["ags_alt", "ags_neu", "anteil", "name_neu"]].reset_index(drop=True)


def auf_heutigen_gebietsstand(
    tabelle: pd.DataFrame, schluessel: Sequence[str] | None = None
) -> pd.DataFrame:
    """Bringt eine Musterland-Tabelle mit Kreisen auf den heutigen Gebietsstand.

    Die alten Kreise werden mit :func:`kreisschluessel` und :func:`bimo.daten.umschluesseln`
    zusammengeführt. Sind danach alle Werte ganze Zahlen, bleibt ``wert`` ganzzahlig.
    Mit ``schluessel`` (Spalten, die eine Zeile bestimmen) wird danach sortiert.
    Nur für Anzahlen: Quoten aus den umgeschlüsselten Zählern und Nennern neu berechnen.
    """
    ergebnis = daten.umschluesseln(tabelle, kreisschluessel())
    werte = ergebnis["wert"]
    if pd.api.types.is_integer_dtype(tabelle["wert"]) and werte.notna().all():
        if np.allclose(werte, werte.round()):
            ergebnis["wert"] = werte.round().astype(tabelle["wert"].dtype)
    if schluessel is not None:
        ergebnis = ergebnis.sort_values(list(schluessel), kind="stable")
    return ergebnis.reset_index(drop=True)


def _treffer(tabelle: pd.DataFrame, ort: Mapping[str, object]) -> tuple[pd.Series, str]:
    fehlend = [s for s in ort if s not in tabelle.columns]
    if fehlend:
        raise DatenFehler(f"Die Tabelle hat keine Spalte {', '.join(fehlend)}.")
    treffer = pd.Series(True, index=tabelle.index)
    for spalte, soll in ort.items():
        treffer &= tabelle[spalte] == soll
    beschreibung = ", ".join(f"{s}={w}" for s, w in ort.items())
    if treffer.sum() != 1:
        raise DatenFehler(
            f"„{beschreibung}“ trifft {int(treffer.sum())} Zeilen; gemeint sein muss genau eine."
        )
    return treffer, beschreibung


def wert_an(tabelle: pd.DataFrame, ort: Mapping[str, object]) -> float:
    """Der ``wert`` der einen Zeile, die ``ort`` bestimmt, z. B. ``{"ags": "17253"}``."""
    treffer, _ = _treffer(tabelle, ort)
    return tabelle.loc[treffer, "wert"].iloc[0]


def korrigiere(
    tabelle: pd.DataFrame, ort: Mapping[str, object], wert: float, grund: str
) -> pd.DataFrame:
    """Setzt in genau einer Zeile (bestimmt durch ``ort``) den ``wert`` neu.

    ``ort`` nennt Spalten und Werte, z. B. ``{"ags": "17253", "jahr": 2017}``. Trifft
    ``ort`` keine oder mehrere Zeilen, ist das ein :class:`~bimo.fehler.DatenFehler` –
    so wird nie versehentlich mehr korrigiert als gewollt. Die Korrektur steht danach mit
    altem und neuem Wert und dem ``grund`` in ``tabelle.attrs["korrekturen"]``.
    """
    treffer, beschreibung = _treffer(tabelle, ort)
    ergebnis = tabelle.copy()
    alt = ergebnis.loc[treffer, "wert"].iloc[0]
    ergebnis.loc[treffer, "wert"] = wert
    protokoll = list(tabelle.attrs.get("korrekturen", []))
    protokoll.append({"ort": beschreibung, "alt": alt, "neu": wert, "grund": grund})
    ergebnis.attrs["korrekturen"] = protokoll
    return ergebnis


@dataclass(frozen=True)
class Vergleich:
    """Ergebnis von :func:`vergleiche`: Zeilen nur links, nur rechts, mit anderem Wert."""

    nur_links: pd.DataFrame
    nur_rechts: pd.DataFrame
    verschieden: pd.DataFrame
    namen: tuple[str, str]

    @property
    def gleich(self) -> bool:
        """Wahr, wenn beide Tabellen dieselben Zeilen mit denselben Werten haben."""
        return self.nur_links.empty and self.nur_rechts.empty and self.verschieden.empty

    def __repr__(self) -> str:
        links, rechts = self.namen
        if self.gleich:
            return f"„{links}“ und „{rechts}“ sind gleich: dieselben Zeilen, dieselben Werte."
        return (
            f"„{links}“ und „{rechts}“ unterscheiden sich: {len(self.nur_links)} Zeilen nur "
            f"in „{links}“, {len(self.nur_rechts)} Zeilen nur in „{rechts}“, "
            f"{len(self.verschieden)} Zeilen mit anderem Wert."
        )


def vergleiche(
    links: pd.DataFrame,
    rechts: pd.DataFrame,
    schluessel: Sequence[str],
    *,
    wert: str = "wert",
    namen: tuple[str, str] = ("links", "rechts"),
) -> Vergleich:
    """Vergleicht zwei Tabellen Zeile für Zeile über die ``schluessel``-Spalten.

    Reihenfolge der Zeilen und Zahlentyp (``5`` oder ``5.0``) spielen keine Rolle.
    """
    spalten = [*schluessel, wert]
    for name, tabelle in zip(namen, (links, rechts), strict=True):
        fehlend = [s for s in spalten if s not in tabelle.columns]
        if fehlend:
            raise DatenFehler(f"Der Tabelle „{name}“ fehlen die Spalten {', '.join(fehlend)}.")
    zusammen = links[spalten].merge(
        rechts[spalten], on=list(schluessel), how="outer", suffixes=("_l", "_r"), indicator=True
    )
    nur_links = zusammen[zusammen["_merge"] == "left_only"]
    nur_rechts = zusammen[zusammen["_merge"] == "right_only"]
    beide = zusammen[zusammen["_merge"] == "both"]
    wl, wr = beide[f"{wert}_l"].astype(float), beide[f"{wert}_r"].astype(float)
    anders = ~(np.isclose(wl, wr) | (wl.isna() & wr.isna()))
    verschieden = beide[anders].rename(
        columns={f"{wert}_l": f"{wert} ({namen[0]})", f"{wert}_r": f"{wert} ({namen[1]})"}
    )
    return Vergleich(
        nur_links[[*schluessel, f"{wert}_l"]].rename(columns={f"{wert}_l": wert}),
        nur_rechts[[*schluessel, f"{wert}_r"]].rename(columns={f"{wert}_r": wert}),
        verschieden.drop(columns="_merge"),
        namen,
    )


def rangvergleich(
    erste: pd.DataFrame, zweite: pd.DataFrame, jahr: int, namen: tuple[str, str]
) -> pd.DataFrame:
    """Stellt zwei Indikatoren eines Jahres mit ihren Rängen nebeneinander.

    Beide Tabellen haben ``ags``, ``jahr`` und ``wert`` (wie ``Indikator.berechne()``); das
    Land (``ags`` = 17) bleibt außen vor. Rang 1 ist der höchste Wert. Die Spalte
    ``rangwechsel`` sagt, um wie viele Plätze ein Kreis in der zweiten Rangfolge anders steht.
    Sortiert nach dem Rang im ersten Indikator.
    """
    teile = []
    for name, tabelle in zip(namen, (erste, zweite), strict=True):
        t = tabelle[(tabelle["jahr"] == jahr) & (tabelle["ags"] != daten.LAND_AGS)]
        if t.empty:
            raise DatenFehler(f"Für „{name}“ gibt es keine Werte im Jahr {jahr}.")
        t = t[["ags", "wert"]].rename(columns={"wert": name})
        t[f"Rang {name}"] = t[name].rank(ascending=False, method="min").astype(int)
        teile.append(t)
    tabelle = daten.mit_namen(teile[0].merge(teile[1], on="ags", how="inner"))
    tabelle["rangwechsel"] = tabelle[f"Rang {namen[1]}"] - tabelle[f"Rang {namen[0]}"]
    return tabelle.sort_values([f"Rang {namen[0]}", "ags"]).reset_index(drop=True)
