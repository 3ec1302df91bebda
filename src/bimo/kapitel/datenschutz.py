"""Bausteine für das Kapitel „Datenschutz und statistische Geheimhaltung“.

Die Funktionen holen echte Musterland-Tabellen in die Form, die
:mod:`bimo.geheimhaltung` erwartet, und fassen Ergebnisse zusammen, damit die
Notebooks mit kurzen Aufrufen auskommen.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from bimo import daten
from bimo.fehler import GeheimhaltungsFehler
from bimo.geheimhaltung import (
    INSGESAMT,
    MINDESTFALLZAHL,
    cellkey,
    k_anonymitaet,
    l_diversitaet,
    sperre_tabelle,
)

ALTERSGRUPPEN = ("unter 3", "3 bis unter 6")
UEBRIGE = "Übrige Gemeinden"


def kita_gemeinden(kreis: str = "17255", jahr: int = 2024) -> pd.DataFrame:
    """Betreute Kinder je Gemeinde (Zeilen, mit Namen) und Altersgruppe (Spalten).

    Nur die inneren Zellen; die Summen ergänzt :func:`~bimo.geheimhaltung.sperre_tabelle`.
    """
    gemeinden = daten.lade("kindertagesbetreuung_gemeinden")
    auswahl = gemeinden[(gemeinden["ags"].str[:5] == kreis) & (gemeinden["jahr"] == jahr)]
    if auswahl.empty:
        raise daten.DatenFehler(f"Für den Kreis {kreis} gibt es {jahr} keine Gemeindedaten.")
    namen = daten.gebiete().set_index("ags")["name"]
    tabelle = auswahl.pivot_table(
        index="ags", columns="altersgruppe", values="wert", aggfunc="sum"
    ).reindex(columns=list(ALTERSGRUPPEN))
    tabelle.index = [namen.get(a, a) for a in tabelle.index]
    tabelle.index.name = "Gemeinde"
    tabelle.columns.name = "Altersgruppe"
    return tabelle.fillna(0).astype(int)


def kita_kleine_gemeinden(kreis: str = "17255", jahr: int = 2024, anzahl: int = 5) -> pd.DataFrame:
    """Die ``anzahl`` kleinsten Gemeinden eines Kreises, der Rest als „Übrige Gemeinden“.

    So bleibt die Tabelle klein, und ihre Summe ist weiterhin die Kreissumme.
    """
    tabelle = kita_gemeinden(kreis, jahr)
    if anzahl < 1 or anzahl >= len(tabelle):
        raise GeheimhaltungsFehler(
            f"„anzahl“ muss zwischen 1 und {len(tabelle) - 1} liegen, nicht {anzahl}."
        )
    klein = tabelle.sum(axis=1).sort_values(kind="stable").index[:anzahl]
    rest = tabelle.drop(index=klein).sum().rename(UEBRIGE)
    ergebnis = pd.concat([tabelle.loc[sorted(klein)], rest.to_frame().T])
    ergebnis.index.name = "Gemeinde"
    ergebnis.columns.name = "Altersgruppe"
    return ergebnis.astype(int)


def informationsverlust(
    tabelle: pd.DataFrame, schwellen: tuple[int, ...] | range = (3, 5, 10)
) -> pd.DataFrame:
    """Was eine Sperrung bei verschiedenen Mindestfallzahlen kostet.

    Je Schwelle: gesperrte Zellen insgesamt (primär, sekundär), Anteil der
    gesperrten inneren Zellen, Anteil des Gesamtwerts, der in gesperrten inneren
    Zellen steckt, und die Zeilen, von denen keine innere Zahl sichtbar bleibt.
    """
    zeilen = []
    for t in schwellen:
        s = sperre_tabelle(tabelle, int(t))
        innen = s.gesperrt.loc[list(tabelle.index), list(tabelle.columns)]
        werte = tabelle.to_numpy()
        ganz_weg = [str(z) for z in tabelle.index if bool(innen.loc[z].all())]
        zeilen.append(
            {
                "Mindestfallzahl": int(t),
                "gesperrt": s.anzahl_gesperrt,
                "primär": int(s.primaer.to_numpy().sum()),
                "sekundär": s.anzahl_sekundaer,
                "Anteil Zellen": float(innen.to_numpy().mean() * 100),
                "Anteil Wert": float(werte[innen.to_numpy()].sum() / werte.sum() * 100),
                "ganz gesperrt": ", ".join(ganz_weg) if ganz_weg else "–",
            }
        )
    return pd.DataFrame(zeilen).set_index("Mindestfallzahl")


def gegenbeispiel_zwei_je_zeile() -> tuple[pd.DataFrame, pd.DataFrame]:
    """Eine Tabelle, in der jede Zeile und Spalte mindestens zwei gesperrte Zellen hat – und
    trotzdem lässt sich die kleine Zahl exakt zurückrechnen.

    Die Sperren bilden zwei Blöcke (Zeilen A/B × Spalten 1/2 und Zeilen C/D ×
    Spalten 3/4), die nur über die kleine Zelle (A, 3) verbunden sind. Zieht man
    die Zeilensummen A und B von den Spaltensummen 1 und 2 ab, bleibt genau diese
    Zelle übrig. Die Zahlen sind ausgedacht, um das Prinzip zu zeigen.
    Rückgabe: (innere Tabelle, Sperrmaske der inneren Zellen).
    """
    tabelle = pd.DataFrame(
        [[12, 7, 2, 9], [8, 15, 11, 6], [10, 9, 14, 4], [6, 13, 5, 11]],
        index=["Zeile A", "Zeile B", "Zeile C", "Zeile D"],
        columns=["Spalte 1", "Spalte 2", "Spalte 3", "Spalte 4"],
    )
    maske = pd.DataFrame(False, index=tabelle.index, columns=tabelle.columns)
    for z, sp in [
        ("Zeile A", "Spalte 1"), ("Zeile A", "Spalte 2"), ("Zeile A", "Spalte 3"),
        ("Zeile B", "Spalte 1"), ("Zeile B", "Spalte 2"),
        ("Zeile C", "Spalte 3"), ("Zeile C", "Spalte 4"),
        ("Zeile D", "Spalte 3"), ("Zeile D", "Spalte 4"),
    ]:  # fmt: skip
        maske.loc[z, sp] = True
    return tabelle, maske


def sperren_je_zeile_und_spalte(maske: pd.DataFrame) -> tuple[int, int]:
    """Kleinste Zahl gesperrter Zellen in einer Zeile bzw. Spalte (nur gesperrte Zeilen/Spalten)."""
    zeilen = maske.sum(axis=1)
    spalten = maske.sum(axis=0)
    return int(zeilen[zeilen > 0].min()), int(spalten[spalten > 0].min())


SCHLUESSELMERKMALE = (
    "sozialraum",
    "schule",
    "klassenstufe",
    "geschlecht",
    "geburtsjahr",
    "staatsangehoerigkeit",
    "familiensprache",
    "foerderschwerpunkt",
)


KLEINE_SOZIALRAEUME = "kleine Sozialräume"


def schuelerdaten_verallgemeinert(mindestgroesse: int = 100) -> pd.DataFrame:
    """Die synthetischen Schülerdaten mit drei vergröberten Merkmalen dazu.

    ``sozialraum_zusammengefasst``: Sozialräume mit weniger als ``mindestgroesse``
    Datensätzen werden zu „kleine Sozialräume“ zusammengefasst;
    ``geburtsjahrgruppe``: das Geburtsjahr in zwei Gruppen, geteilt beim mittleren
    der vorkommenden Jahrgänge (z. B. „bis 2015“ und „ab 2016“);
    ``foerderbedarf``: „ja“, wenn ein Förderschwerpunkt eingetragen ist, sonst „nein“.
    """
    df = daten.lade("schuelerdaten").copy()
    jahre = sorted(df["geburtsjahr"].unique())
    mitte = jahre[len(jahre) // 2]
    df["geburtsjahrgruppe"] = np.where(df["geburtsjahr"] < mitte, f"bis {mitte - 1}", f"ab {mitte}")
    groesse = df["sozialraum"].map(df["sozialraum"].value_counts())
    df["sozialraum_zusammengefasst"] = np.where(
        groesse < mindestgroesse, KLEINE_SOZIALRAEUME, df["sozialraum"]
    )
    df["foerderbedarf"] = np.where(df["foerderschwerpunkt"] == "keiner", "nein", "ja")
    return df


def einmaligkeit(df: pd.DataFrame, schluessel: list[str] | tuple[str, ...]) -> dict[str, int]:
    """Kennzahlen der k-Anonymität: Datensätze, Gruppen, fk = 1, fk = 2, kleinstes fk."""
    fk = k_anonymitaet(df, list(schluessel))
    gruppen = df[list(schluessel)].drop_duplicates().shape[0]
    return {
        "Datensätze": len(df),
        "Kombinationen": int(gruppen),
        "einmalig (fk = 1)": int((fk == 1).sum()),
        "fk = 2": int((fk == 2).sum()),
        "kleinstes fk": int(fk.min()),
    }


def einmaligkeit_je_auswahl(df: pd.DataFrame, auswahlen: dict[str, list[str]]) -> pd.DataFrame:
    """:func:`einmaligkeit` für mehrere benannte Sätze von Schlüsselmerkmalen."""
    return pd.DataFrame({name: einmaligkeit(df, s) for name, s in auswahlen.items()}).T


def l_diversitaet_uebersicht(df: pd.DataFrame, schluessel: list[str], sensibel: str) -> pd.Series:
    """Wie viele Datensätze haben l = 1, 2, …: bei l = 1 verrät die Gruppe den sensiblen Wert."""
    l_werte = l_diversitaet(df, schluessel, sensibel)
    return l_werte.value_counts().sort_index().rename("Datensätze")


def cellkey_daten(saat: int = 17) -> pd.DataFrame:
    """Schülerdaten mit einem festen Zufallsschlüssel je Datensatz (Spalte ``schluessel``)."""
    df = daten.lade("schuelerdaten").copy()
    df["schluessel"] = cellkey.datensatz_schluessel(len(df), saat)
    return df


def cellkey_vergleich(
    df: pd.DataFrame,
    zeilen: str,
    spalten: str,
    zeilenauswahl: list | None = None,
    **parameter,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Originaltabelle und Cell-Key-Tabelle (mit Summen) nebeneinander.

    ``zeilenauswahl`` begrenzt die Zeilen (z. B. einige Sozialräume); die Summen
    beziehen sich dann auf diese Auswahl. ``parameter`` gehen an
    :func:`bimo.geheimhaltung.cellkey.ueberlagere` (``d_max``, ``varianz``, ``js``).
    """
    if zeilenauswahl is not None:
        df = df[df[zeilen].isin(zeilenauswahl)]
    df = df.sort_values([zeilen, spalten], kind="stable")
    original = pd.crosstab(df[zeilen], df[spalten], margins=True, margins_name=INSGESAMT)
    original.index.name, original.columns.name = zeilen, spalten
    ueberlagert = cellkey.cellkey_tabelle(df, zeilen, spalten, **parameter)
    ueberlagert = ueberlagert.rename(
        index={"Insgesamt": INSGESAMT}, columns={"Insgesamt": INSGESAMT}
    )
    ueberlagert = ueberlagert.reindex(index=original.index, columns=original.columns)
    ueberlagert.index.name, ueberlagert.columns.name = zeilen, spalten
    return original, ueberlagert


def summenabweichung(tabelle: pd.DataFrame) -> pd.Series:
    """Je Zeile: Wert der Summenspalte minus Summe der inneren Zellen (0 = passt)."""
    innen = tabelle.drop(columns=INSGESAMT)
    return (tabelle[INSGESAMT] - innen.sum(axis=1)).rename("Summe minus Teile")


STADT = "Stadt insgesamt"


def sozialraum_veroeffentlichung(
    jahr: int = 2024,
    merkmale: tuple[str, ...] = (
        "einschueler_untersucht",
        "einschueler_sprachfoerderbedarf",
        "viertklaessler",
        "uebergaenge_gymnasium",
    ),
    mindestfallzahl: int = MINDESTFALLZAHL,
):
    """Fallzahlen je Sozialraum mit Stadtsumme, geschützt über den Veröffentlichungsweg.

    Je Merkmal ist die Zeile „Stadt insgesamt“ die Summe der Sozialräume; gesperrt wird
    primär und – damit nichts aus der Stadtsumme zurückgerechnet werden kann – sekundär
    (:func:`bimo.geheimhaltung.schuetze_anzahlen`). Rückgabe: die ``Veroeffentlichung``.
    """
    from bimo.geheimhaltung import schuetze_anzahlen

    sr = daten.lade("sozialraum_daten")
    auswahl = sr[(sr["jahr"] == jahr) & sr["merkmal"].isin(list(merkmale))]
    if auswahl.empty:
        raise daten.DatenFehler(f"Für {jahr} gibt es keine Sozialraumdaten zu diesen Merkmalen.")
    auswahl = auswahl[["sozialraum", "merkmal", "wert"]].astype({"wert": int})
    summe = auswahl.groupby("merkmal", as_index=False)["wert"].sum().assign(sozialraum=STADT)
    lang = pd.concat([auswahl, summe], ignore_index=True)
    lang = lang.sort_values(["merkmal", "sozialraum"], kind="stable").reset_index(drop=True)
    return schuetze_anzahlen(
        lang,
        gebiet="sozialraum",
        gruppe="merkmal",
        summenzeile=STADT,
        mindestfallzahl=mindestfallzahl,
    )


def sozialraum_breit(veroeffentlichung) -> pd.DataFrame:
    """Die Anzeige einer Sozialraum-Veröffentlichung breit: Sozialräume × Merkmale."""
    text = veroeffentlichung.anzeige()
    breit = text.pivot(index="sozialraum", columns="merkmal", values="wert")
    ordnung = [s for s in breit.index if s != STADT] + [STADT]
    breit = breit.reindex(ordnung)
    breit.columns.name = None
    return breit


def einzelfall_beispiel() -> pd.DataFrame:
    """Das Einzelfall-Beispiel (K2 aus den Testfällen von sdcTable): vier Kitas, eine Spalte.

    Kita a: 1 Kind, b: 2, c: 1, d: 0; zusammen 4. Die Zahlen sind ausgedacht.
    """
    return pd.DataFrame({"Kinder": [1, 2, 1, 0]}, index=["Kita a", "Kita b", "Kita c", "Kita d"])


def ohne_summenspalte(anzeige: pd.DataFrame) -> pd.DataFrame:
    """Lässt bei einspaltigen Tabellen die doppelte Spalte „Insgesamt“ weg."""
    return anzeige.drop(columns=INSGESAMT)
