"""Gebietsstände vergleichbar machen: Daten mit einem Umstiegsschlüssel umschlüsseln.

Kreise und Gemeinden werden zusammengelegt, geteilt und neu benannt. Eine
Zeitreihe hat dann einen Bruch: Die Daten von 2015 nennen noch den Landkreis
Göttingen (``03152``) und den Landkreis Osterode am Harz (``03156``), die am
01.11.2016 zum neuen Landkreis Göttingen (``03159``) zusammengelegt wurden.
Ein **Umstiegsschlüssel** sagt, welcher Anteil eines alten Gebiets in welches
neue Gebiet geht; :func:`umschluesseln` bringt damit Daten auf den neuen
Gebietsstand.

Ein Umstiegsschlüssel ist eine Tabelle mit den Spalten

============ ==============================================================
``ags_alt``  Schlüssel des alten Gebiets (Text)
``ags_neu``  Schlüssel des neuen Gebiets (Text)
``anteil``   Anteil des alten Gebiets, der in das neue geht (1.0 bei einer
             vollständigen Zusammenlegung; die Anteile eines alten Gebiets
             ergeben zusammen 1)
``name_neu`` (wahlweise) Name des neuen Gebiets
============ ==============================================================

Beispiel::

    from bimo.daten.gebietsstand import umschluesseln, umstieg_goettingen_osterode

    bevoelkerung_2015 = lese_regionalstatistik("12411-01-01-4.csv")
    neu = umschluesseln(bevoelkerung_2015, umstieg_goettingen_osterode())

Bei geteilten Gebieten ist ein Anteil kleiner als 1 eine Schätzung (z. B. nach
der Bevölkerung); das Ergebnis ist dann nicht mehr ganzzahlig.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from bimo.daten.regionalstatistik import ebene_aus_ags
from bimo.fehler import DatenFehler

__all__ = [
    "UMSTIEG_GOETTINGEN_OSTERODE",
    "ZEICHEN_VORRANG",
    "umschluesseln",
    "umstieg_goettingen_osterode",
]

UMSTIEG_GOETTINGEN_OSTERODE = (
    ("03152", "03159", 1.0, "Göttingen, Landkreis"),
    ("03156", "03159", 1.0, "Göttingen, Landkreis"),
)
"""Zusammenlegung der Landkreise Göttingen und Osterode am Harz am 01.11.2016.

Je Eintrag: ``(ags_alt, ags_neu, anteil, name_neu)``.
"""

ZEICHEN_VORRANG = (".", "x", "/", "...", "…", "()", "s", "p", "r")
"""Welches Zeichen eine Summe erbt, wenn ihre Teile verschiedene tragen (vorne gewinnt).

Geheimhaltung (``.``) geht vor: Wäre die Summe sichtbar, ließe sich der geheime
Teil aus ihr und den übrigen Teilen zurückrechnen. ``-`` (echte Null) zählt als 0
und überträgt sich nur, wenn alle Teile ``-`` sind.
"""

_BESCHREIBEND = ("name", "ebene", "stufe")


def umstieg_goettingen_osterode() -> pd.DataFrame:
    """Der Umstiegsschlüssel für die Kreisreform in Südniedersachsen (01.11.2016).

    Die Landkreise Göttingen (``03152``) und Osterode am Harz (``03156``) gehen
    vollständig im neuen Landkreis Göttingen (``03159``) auf.
    """
    schluessel = pd.DataFrame(
        UMSTIEG_GOETTINGEN_OSTERODE, columns=["ags_alt", "ags_neu", "anteil", "name_neu"]
    )
    for spalte in ("ags_alt", "ags_neu", "name_neu"):
        schluessel[spalte] = schluessel[spalte].astype("string")
    schluessel.attrs["gueltig_ab"] = "01.11.2016"
    return schluessel


def umschluesseln(
    tabelle: pd.DataFrame,
    schluessel: pd.DataFrame,
    *,
    spalte: str = "ags",
    wert: str = "wert",
) -> pd.DataFrame:
    """Bringt eine Tabelle in Langform mit einem Umstiegsschlüssel auf den neuen Gebietsstand.

    Jeder Wert eines alten Gebiets geht mit seinem ``anteil`` in das neue Gebiet;
    die Werte je neuem Gebiet (und je Zeit und Gliederung) werden summiert. Gebiete,
    die der Schlüssel nicht nennt, bleiben, wie sie sind. Das passt für Anzahlen,
    nicht für Quoten oder Mittelwerte – diese aus umgeschlüsselten Zählern und
    Nennern neu berechnen.

    Zeichen (Spalte ``zeichen``, wenn vorhanden): ``-`` zählt als 0. Fehlt ein Teil
    (``.``, ``x``, ``/``, ``...`` oder ein leerer Wert), fehlt die Summe; sie erbt
    das vorrangige Zeichen nach :data:`ZEICHEN_VORRANG`, ein Kennzeichen wie ``p``
    ebenso. Sind alle Teile ``-``, ist die Summe ``-``.

    Args:
        tabelle: Langform mit der Schlüsselspalte ``spalte`` und der Wertspalte ``wert``;
            alle übrigen Spalten außer ``name``, ``ebene``, ``stufe`` und ``zeichen``
            gelten als Gliederung (Zeit, Merkmale, Einheit).
        schluessel: Umstiegsschlüssel mit ``ags_alt``, ``ags_neu``, ``anteil`` und
            wahlweise ``name_neu``.
        spalte: Name der Spalte mit dem Gebietsschlüssel.
        wert: Name der Spalte mit den Zahlen.

    Returns:
        Eine neue Tabelle mit denselben Spalten; ``name`` (und ``ebene``) der neuen
        Gebiete kommen aus ``name_neu`` bzw. aus einer Zeile der Tabelle, die den
        neuen Schlüssel schon trägt.

    Raises:
        DatenFehler: Spalten fehlen, Schlüssel sind keine Texte oder die Anteile eines
            alten Gebiets ergeben nicht 1.
    """
    _check_table(tabelle, spalte, wert)
    key = _check_key(schluessel)
    teile = _distribute(tabelle, key, spalte, wert)
    gruppen = [c for c in tabelle.columns if c not in (wert, "zeichen", *_BESCHREIBEND)]
    summen = _sum_parts(teile, gruppen, wert, "zeichen" in tabelle.columns)
    ergebnis = _describe(summen, tabelle, key, spalte)
    ergebnis = ergebnis[list(tabelle.columns)].reset_index(drop=True)
    for name, typ in tabelle.dtypes.items():
        if name != wert and not pd.api.types.is_object_dtype(typ):
            try:
                ergebnis[name] = ergebnis[name].astype(typ)
            except (TypeError, ValueError):
                pass  # z. B. eine Stufe, die für ein neues Gebiet fehlt: Typ bleibt offen
    ergebnis.attrs = dict(tabelle.attrs)
    return ergebnis


def _check_table(tabelle: pd.DataFrame, spalte: str, wert: str) -> None:
    fehlend = [s for s in (spalte, wert) if s not in tabelle.columns]
    if fehlend:
        raise DatenFehler(f"Der Tabelle fehlen die Spalten: {', '.join(fehlend)}.")
    if not all(isinstance(a, str) for a in tabelle[spalte]):
        raise DatenFehler(
            f'Die Spalte {spalte} muss Gebietsschlüssel als Text enthalten (z. B. "03152").'
        )


def _check_key(schluessel: pd.DataFrame) -> pd.DataFrame:
    fehlend = [s for s in ("ags_alt", "ags_neu", "anteil") if s not in schluessel.columns]
    if fehlend:
        raise DatenFehler(f"Dem Umstiegsschlüssel fehlen die Spalten: {', '.join(fehlend)}.")
    key = schluessel.copy()
    for spalte in ("ags_alt", "ags_neu"):
        if not all(isinstance(a, str) for a in key[spalte]):
            raise DatenFehler(
                f"Die Spalte {spalte} des Umstiegsschlüssels muss Text enthalten (z. B. "
                '"03152"), keine Zahlen.'
            )
    key["anteil"] = pd.to_numeric(key["anteil"], errors="coerce")
    if key["anteil"].isna().any() or (key["anteil"] < 0).any() or (key["anteil"] > 1).any():
        raise DatenFehler("Jeder Anteil im Umstiegsschlüssel muss eine Zahl von 0 bis 1 sein.")
    summen = key.groupby("ags_alt")["anteil"].sum()
    falsch = summen[~np.isclose(summen, 1.0)]
    if len(falsch):
        summe = f"{falsch.iloc[0]:g}".replace(".", ",")
        raise DatenFehler(
            f"Die Anteile des alten Gebiets {falsch.index[0]} ergeben {summe} statt 1."
        )
    if key.duplicated(["ags_alt", "ags_neu"]).any():
        raise DatenFehler("Der Umstiegsschlüssel nennt ein Paar ags_alt → ags_neu doppelt.")
    return key


def _distribute(tabelle: pd.DataFrame, key: pd.DataFrame, spalte: str, wert: str) -> pd.DataFrame:
    """Je alter Zeile eine Zeile je neuem Gebiet, der Wert mal Anteil."""
    teile = tabelle.assign(_zeile=np.arange(len(tabelle)), _alt=tabelle[spalte].astype(str))
    zuordnung = pd.DataFrame(
        {
            "_alt": key["ags_alt"].astype(str),
            "_neu": key["ags_neu"].astype(str),
            "_anteil": key["anteil"].astype(float),
        }
    )
    teile = teile.merge(zuordnung, how="left", on="_alt", sort=False)
    teile[spalte] = teile["_neu"].fillna(teile["_alt"])
    anteil = teile["_anteil"].fillna(1.0)
    zahlen = pd.to_numeric(teile[wert], errors="coerce")
    if "zeichen" in teile:
        zahlen = zahlen.mask(teile["zeichen"].fillna("").astype(str) == "-", 0.0)
    teile[wert] = zahlen * anteil
    return teile.sort_values("_zeile", kind="stable")


def _sum_parts(
    teile: pd.DataFrame, gruppen: list[str], wert: str, mit_zeichen: bool
) -> pd.DataFrame:
    """Summe je Gruppe; fehlt ein Teil, fehlt die Summe und erbt das vorrangige Zeichen."""
    zeichen = teile["zeichen"].fillna("").astype(str) if mit_zeichen else pd.Series("", teile.index)
    rang = zeichen.map({z: i for i, z in enumerate(ZEICHEN_VORRANG)})
    teile = teile.assign(
        _fehlt=teile[wert].isna(),
        _rang=rang.fillna(len(ZEICHEN_VORRANG)).astype(int),
        _strich=zeichen == "-",
    )
    summen = (
        teile.groupby(gruppen, sort=False, dropna=False)
        .agg(
            **{
                wert: (wert, "sum"),
                "_fehlt": ("_fehlt", "any"),
                "_zeilen": ("_zeile", "min"),
                "_rang": ("_rang", "min"),
                "_strich": ("_strich", "all"),
            }
        )
        .reset_index()
    )
    summen.loc[summen["_fehlt"], wert] = np.nan
    vorrang = np.array([*ZEICHEN_VORRANG, ""], dtype=object)
    summen["zeichen"] = np.where(summen["_strich"], "-", vorrang[summen["_rang"].to_numpy()])
    return summen.sort_values("_zeilen", kind="stable")


def _describe(
    summen: pd.DataFrame, tabelle: pd.DataFrame, key: pd.DataFrame, spalte: str
) -> pd.DataFrame:
    """Ergänzt Name, Ebene und Stufe der Gebiete nach dem Umschlüsseln."""
    vorhanden = [c for c in _BESCHREIBEND if c in tabelle.columns]
    if not vorhanden:
        return summen
    bekannt = tabelle.assign(_ags=tabelle[spalte].astype(str)).drop_duplicates("_ags")
    bekannt = bekannt.set_index("_ags")[vorhanden]
    ergebnis = summen.join(bekannt, on=spalte)
    for neu, gruppe in key.groupby(key["ags_neu"].astype(str)):
        if neu in bekannt.index:
            continue  # das neue Gebiet steht schon in der Tabelle: seine Angaben gelten
        zeilen = ergebnis[spalte] == neu
        alt = bekannt.reindex(gruppe["ags_alt"].astype(str)).dropna(how="all")
        if "name" in vorhanden:
            namen = gruppe["name_neu"] if "name_neu" in gruppe else pd.Series(dtype=object)
            ergebnis.loc[zeilen, "name"] = namen.iloc[0] if len(namen) else pd.NA
        if "stufe" in vorhanden and len(alt):
            ergebnis.loc[zeilen, "stufe"] = alt["stufe"].iloc[0]
        if "ebene" in vorhanden:
            ergebnis.loc[zeilen, "ebene"] = ebene_aus_ags(neu)
    return ergebnis
