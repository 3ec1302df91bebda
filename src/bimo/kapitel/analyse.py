"""Analysieren und interpretieren: Vergleiche, Veränderungen, ähnliche Kommunen, Typen, Sätze.

Die Funktionen nehmen die Tabellen der Indikatoren (Spalten ``ags``, ``jahr``,
``zaehler``, ``nenner``, ``wert``, wie sie ``bimo.indikatoren`` liefert) und
antworten auf die Fragen der Auswertung:

- Wie hat sich ein Wert verändert? (:func:`veraenderung`, :func:`indexreihe`)
- Welche Kommunen sind vergleichbar? (:func:`aehnliche_kommunen`)
- Wie stark schwankt eine Quote von Jahr zu Jahr? (:func:`schwankung`)
- Welche Kreise ähneln sich in mehreren Merkmalen? (:func:`typisiere`)
- Was heißt das in einem Satz? (:func:`satz_vergleich`, :func:`satz_veraenderung`)
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from bimo import daten, indikatoren
from bimo.fehler import ParameterFehler
from bimo.kern import format as zahlformat
from bimo.kern.format import prozent, zahl

KONTEXTMERKMALE = ("sgb2_quote_unter_15", "anteil_nichtdeutsche")
"""Übliche Kontextindikatoren für die Suche nach ähnlichen Kommunen."""


def werte(kennung: str, *, land: bool = True) -> pd.DataFrame:
    """Ein Indikator aus dem Register für alle Kreise (und das Land), mit Namen und Kreistyp.

    Spalten: ``ags``, ``name``, ``art`` (Kreisfreie Stadt, Landkreis, Land), ``jahr``,
    ``zaehler``, ``nenner``, ``wert``.
    """
    tabelle = indikatoren.indikator(kennung).berechne(land=land)
    gebiete = daten.gebiete()[["ags", "name", "art"]]
    tabelle = tabelle.merge(gebiete, on="ags", how="left", validate="many_to_one")
    spalten = ["ags", "name", "art", "jahr", "zaehler", "nenner", "wert"]
    return tabelle[spalten].sort_values(["ags", "jahr"]).reset_index(drop=True)


def merkmale_breit(kennungen: Sequence[str], jahr: int) -> pd.DataFrame:
    """Mehrere Indikatoren eines Jahres nebeneinander: eine Zeile je Kreis (ohne Land),
    eine Spalte je Kennung, Index ``ags``."""
    spalten = {}
    for kennung in kennungen:
        t = indikatoren.indikator(kennung).berechne(land=False)
        t = t[t["jahr"] == jahr]
        if t.empty:
            raise ParameterFehler(f"Für „{kennung}“ gibt es keine Werte im Jahr {jahr}.")
        spalten[kennung] = t.set_index("ags")["wert"]
    return pd.DataFrame(spalten).sort_index()


def _wert(tabelle: pd.DataFrame, ags: str, jahr: int) -> float:
    zeile = tabelle[(tabelle["ags"] == ags) & (tabelle["jahr"] == jahr)]
    if zeile.empty:
        raise ParameterFehler(f"Für {ags} gibt es im Jahr {jahr} keinen Wert.")
    return float(zeile["wert"].iloc[0])


def veraenderung(
    tabelle: pd.DataFrame, ags: Sequence[str], jahr: int, spannen: Sequence[int] = (5, 10)
) -> pd.DataFrame:
    """Veränderung eines Prozentwerts über ``spannen`` Jahre bis ``jahr``, je Gebiet.

    Je Spanne zwei Spalten: die Differenz in **Prozentpunkten** (neu − alt) und die
    relative Veränderung in **Prozent** ((neu − alt) ÷ alt × 100). Fehlt das Ausgangsjahr,
    bleibt der Wert leer.
    """
    zeilen = []
    for schluessel in ags:
        neu = _wert(tabelle, schluessel, jahr)
        zeile = {"ags": schluessel, f"wert_{jahr}": neu}
        for spanne in spannen:
            try:
                alt = _wert(tabelle, schluessel, jahr - spanne)
            except ParameterFehler:
                alt = np.nan
            zeile[f"wert_{jahr - spanne}"] = alt
            zeile[f"prozentpunkte_{spanne}j"] = neu - alt
            zeile[f"prozent_{spanne}j"] = (neu - alt) / alt * 100 if alt else np.nan
        zeilen.append(zeile)
    return pd.DataFrame(zeilen)


def indexreihe(tabelle: pd.DataFrame, basisjahr: int) -> pd.DataFrame:
    """Ergänzt die Spalte ``index``: Wert je Gebiet geteilt durch den Wert im ``basisjahr``
    × 100 (Basisjahr = 100). Gebiete ohne Wert im Basisjahr fallen weg."""
    basis = tabelle[tabelle["jahr"] == basisjahr].set_index("ags")["wert"]
    if basis.empty:
        raise ParameterFehler(f"Im Basisjahr {basisjahr} gibt es keine Werte.")
    ergebnis = tabelle[tabelle["ags"].isin(basis.index)].copy()
    ergebnis["index"] = ergebnis["wert"] / ergebnis["ags"].map(basis) * 100
    return ergebnis.reset_index(drop=True)


def standardisiere(tabelle: pd.DataFrame) -> pd.DataFrame:
    """z-Standardisierung je Spalte: (Wert − Mittelwert) ÷ Standardabweichung.

    Die Standardabweichung ist die der Grundgesamtheit (durch n, nicht n − 1) – es
    sind alle Kreise, keine Stichprobe. Danach hat jede Spalte Mittelwert 0 und
    Standardabweichung 1; Merkmale in verschiedenen Einheiten werden vergleichbar.
    """
    streuung = tabelle.std(ddof=0)
    if (streuung == 0).any():
        konstant = ", ".join(map(str, streuung.index[streuung == 0]))
        raise ParameterFehler(f"Diese Merkmale haben überall denselben Wert: {konstant}.")
    return (tabelle - tabelle.mean()) / streuung


def aehnliche_kommunen(
    ags: str,
    jahr: int | None = None,
    merkmale: Sequence[str] = KONTEXTMERKMALE,
    anzahl: int = 3,
    *,
    tabelle: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Die ``anzahl`` Kreise, die Kreis ``ags`` in den ``merkmale`` am ähnlichsten sind.

    Die Merkmale werden über alle Kreise z-standardisiert (:func:`standardisiere`); die
    Ähnlichkeit ist der euklidische Abstand der standardisierten Werte (0 = gleich).
    Ohne ``tabelle`` werden die Merkmale als Indikator-Kennungen aus dem Register für
    ``jahr`` berechnet; mit ``tabelle`` (Index ``ags``, eine Spalte je Merkmal) wird mit
    ihr gerechnet.

    Gibt eine Tabelle mit ``ags``, ``name``, den Merkmalen und ``abstand`` zurück,
    aufsteigend nach Abstand (bei Gleichstand nach Schlüssel).
    """
    if tabelle is None:
        if jahr is None:
            raise ParameterFehler("Bitte ein Jahr angeben (oder eine eigene Tabelle).")
        tabelle = merkmale_breit(merkmale, jahr)
    else:
        fehlend = [m for m in merkmale if m not in tabelle.columns]
        if fehlend:
            raise ParameterFehler(f"Der Tabelle fehlen die Merkmale: {', '.join(fehlend)}.")
        tabelle = tabelle[list(merkmale)]
    if ags not in tabelle.index:
        raise ParameterFehler(f"Den Kreis „{ags}“ gibt es in der Tabelle nicht.")
    if anzahl < 1:
        raise ParameterFehler(f"Die Anzahl muss mindestens 1 sein, nicht {anzahl}.")
    z = standardisiere(tabelle.astype(float))
    abstand = np.sqrt(((z - z.loc[ags]) ** 2).sum(axis=1))
    ergebnis = tabelle.copy()
    ergebnis["abstand"] = abstand
    ergebnis = ergebnis.drop(index=ags).rename_axis("ags").reset_index()
    ergebnis = ergebnis.sort_values(["abstand", "ags"], kind="stable").head(anzahl)
    namen = daten.gebiete().set_index("ags")["name"]
    ergebnis.insert(1, "name", ergebnis["ags"].map(namen))
    return ergebnis.reset_index(drop=True)


def schwankung(tabelle: pd.DataFrame, ags: Sequence[str]) -> pd.DataFrame:
    """Wie stark springt eine Quote von Jahr zu Jahr? Je Gebiet die mittlere Fallzahl
    (Zähler), die mittlere absolute Veränderung zum Vorjahr und die größte, beide in
    Prozentpunkten."""
    zeilen = []
    for schluessel in ags:
        teil = tabelle[tabelle["ags"] == schluessel].sort_values("jahr")
        if teil.empty:
            raise ParameterFehler(f"Für {schluessel} gibt es keine Werte.")
        spruenge = teil["wert"].diff().abs().dropna()
        zeilen.append(
            {
                "ags": schluessel,
                "mittlere_fallzahl": float(teil["zaehler"].mean()),
                "mittlerer_sprung": float(spruenge.mean()),
                "groesster_sprung": float(spruenge.max()),
            }
        )
    return pd.DataFrame(zeilen)


def raenge(tabelle: pd.DataFrame, jahr: int, *, absteigend: bool = True) -> pd.DataFrame:
    """Rangplätze der Kreise (ohne Land) in einem Jahr; Rang 1 = höchster Wert
    (``absteigend=False``: niedrigster). Dazu der Abstand zum nächsten Rang in Prozentpunkten."""
    t = tabelle[(tabelle["jahr"] == jahr) & (tabelle["ags"] != daten.LAND_AGS)]
    t = t.sort_values("wert", ascending=not absteigend, kind="stable").reset_index(drop=True)
    t.insert(0, "rang", range(1, len(t) + 1))
    t["abstand_zum_naechsten"] = t["wert"].diff(-1).abs()
    return t


def typisiere(tabelle: pd.DataFrame, namen: dict[str, str] | None = None) -> pd.DataFrame:
    """Einfache Typisierung über den Median: Jedes Merkmal (Spalte) wird in „hoch“ (über
    dem Median der Kreise) und „niedrig“ geteilt; der Typ ist die Kombination.

    ``namen`` ordnet Spalten lesbare Bezeichnungen zu. Gibt je Kreis (Index ``ags``) die
    Merkmale, je Merkmal die Stufe und die Spalte ``typ`` zurück.
    """
    namen = namen or {}
    ergebnis = tabelle.copy()
    teile = []
    for spalte in tabelle.columns:
        stufe = np.where(tabelle[spalte] > tabelle[spalte].median(), "hoch", "niedrig")
        ergebnis[f"stufe_{spalte}"] = stufe
        teile.append(
            pd.Series(stufe, index=tabelle.index).map(
                lambda s, sp=spalte: f"{namen.get(sp, sp)} {s}"
            )
        )
    ergebnis["typ"] = pd.concat(teile, axis=1).agg(", ".join, axis=1)
    return ergebnis


def formatiere(
    tabelle: pd.DataFrame, stellen: dict[str, int], prozentspalten: Sequence[str] = ()
) -> pd.DataFrame:
    """Zahlenspalten deutsch formatiert (1.234,5; 12,3 %) für die Anzeige; fehlende Werte
    erscheinen als „.“. Nur die Spalten in ``stellen`` werden formatiert."""
    text = tabelle.copy()
    for spalte, n in stellen.items():
        fmt = prozent if spalte in prozentspalten else zahl
        text[spalte] = [fmt(w, n) if pd.notna(w) else fmt(None) for w in tabelle[spalte]]
    return text


def satz_vergleich(
    name: str,
    wert: float,
    referenz_name: str,
    referenz_wert: float,
    *,
    stellen: int = 1,
    einheit: str = "%",
) -> str:
    """Ein Satz, der einen Wert mit einer Referenz vergleicht, in Prozentpunkten.

    Beispiel: ``satz_vergleich("Talgrund", 31.2, "dem Land", 35.3)`` ergibt
    „Talgrund liegt mit 31,2 % um 4,1 Prozentpunkte unter dem Land (35,3 %).“
    """

    def fmt(w: float) -> str:
        return zahlformat.wert(w, einheit, stellen)

    differenz = wert - referenz_wert
    if zahl(abs(differenz), stellen) == zahl(0, stellen):
        return f"{name} liegt mit {fmt(wert)} gleichauf mit {referenz_name} ({fmt(referenz_wert)})."
    abstand = zahlformat.abstand(differenz, einheit, stellen)
    return (
        f"{name} liegt mit {fmt(wert)} um {abstand} {'über' if differenz > 0 else 'unter'} "
        f"{referenz_name} ({fmt(referenz_wert)})."
    )


def satz_veraenderung(
    name: str, wert_alt: float, jahr_alt: int, wert_neu: float, jahr_neu: int, *, stellen: int = 1
) -> str:
    """Ein Satz über die Veränderung einer Quote: in Prozentpunkten und relativ in Prozent.

    Beispiel: ``satz_veraenderung("Talgrund", 40.0, 2014, 44.0, 2024)`` ergibt „In Talgrund
    stieg der Wert von 40,0 % (2014) auf 44,0 % (2024): um 4,0 Prozentpunkte oder 10,0 %.“
    """
    differenz = wert_neu - wert_alt
    if zahl(abs(differenz), stellen) == zahl(0, stellen):
        return (
            f"In {name} blieb der Wert von {jahr_alt} ({prozent(wert_alt, stellen)}) bis "
            f"{jahr_neu} ({prozent(wert_neu, stellen)}) nahezu gleich."
        )
    verb = "stieg" if differenz > 0 else "sank"
    relativ = abs(differenz) / wert_alt * 100
    return (
        f"In {name} {verb} der Wert von {prozent(wert_alt, stellen)} ({jahr_alt}) auf "
        f"{prozent(wert_neu, stellen)} ({jahr_neu}): um {zahl(abs(differenz), stellen)} "
        f"Prozentpunkte oder {prozent(relativ, stellen)}."
    )


def gruppenquote(tabelle: pd.DataFrame, ags: Sequence[str], name: str) -> pd.DataFrame:
    """Die Quote einer Gruppe von Kreisen je Jahr: Summe der Zähler ÷ Summe der Nenner
    × 100 (wie beim Land; nicht der Mittelwert der Kreisquoten). ``name`` steht in den
    Spalten ``ags`` und ``name``."""
    teil = tabelle[tabelle["ags"].isin(list(ags))]
    if teil.empty:
        raise ParameterFehler("Keiner der Kreise der Gruppe ist in der Tabelle.")
    summe = teil.groupby("jahr", as_index=False)[["zaehler", "nenner"]].sum()
    summe["wert"] = summe["zaehler"] / summe["nenner"] * 100
    summe.insert(0, "ags", name)
    summe.insert(1, "name", name)
    return summe


def vergleich(
    tabelle: pd.DataFrame, ags: str, jahr: int, gruppen: dict[str, Sequence[str]]
) -> pd.DataFrame:
    """Ein Kreis, das Land und Vergleichsgruppen in einem Jahr nebeneinander.

    ``gruppen`` ordnet einem Namen die Schlüssel der Kreise zu. Spalten: ``vergleich``,
    ``jahr``, ``zaehler``, ``nenner``, ``wert`` und ``differenz_pp`` (Kreis minus Vergleich,
    in Prozentpunkten).
    """
    eigen = tabelle[(tabelle["ags"] == ags) & (tabelle["jahr"] == jahr)]
    land = tabelle[(tabelle["ags"] == daten.LAND_AGS) & (tabelle["jahr"] == jahr)]
    if eigen.empty:
        raise ParameterFehler(f"Für {ags} gibt es im Jahr {jahr} keinen Wert.")
    namen = daten.gebiete().set_index("ags")["name"]
    zeilen = [eigen.assign(vergleich=namen[ags])]
    if not land.empty:
        zeilen.append(land.assign(vergleich=namen[daten.LAND_AGS]))
    for name, mitglieder in gruppen.items():
        g = gruppenquote(tabelle, mitglieder, name)
        zeilen.append(g[g["jahr"] == jahr].assign(vergleich=name))
    spalten = ["vergleich", "jahr", "zaehler", "nenner", "wert"]
    ergebnis = pd.concat(zeilen, ignore_index=True)[spalten]
    ergebnis["differenz_pp"] = float(eigen["wert"].iloc[0]) - ergebnis["wert"]
    return ergebnis


def indexgrafik(
    tabelle: pd.DataFrame, basisjahr: int, *, titel: str, quelle: str, referenz: str | None = None
):  # noqa: ANN201 – bimo.grafik.Grafik
    """Zeitreihe als Index (Basisjahr = 100) im bimo-Stil, mit ganzzahliger y-Achse.

    ``tabelle`` braucht die Spalten ``name``, ``jahr``, ``ags`` und ``wert``; ``referenz`` ist
    der Name der Bezugsreihe (z. B. „Musterland“), gestrichelt gezeichnet.
    """
    from matplotlib.ticker import MaxNLocator

    from bimo import grafik

    bild = grafik.zeitreihe(
        indexreihe(tabelle, basisjahr),
        y="index",
        titel=titel,
        quelle=quelle,
        referenz=referenz,
        einheit="",
        y_ab_null=False,
    )
    bild.figur.axes[0].yaxis.set_major_locator(MaxNLocator(integer=True))
    return bild


def vergleich_anzeige(tabelle: pd.DataFrame, *, mit_differenz: bool = True) -> pd.DataFrame:
    """Eine Tabelle aus :func:`vergleich` veröffentlichungsfertig: durch die Geheimhaltung
    (``bimo.geheimhaltung.schuetze_quoten``), deutsch formatiert, gesperrte Werte als „.“."""
    from bimo import geheimhaltung

    geschuetzt = geheimhaltung.schuetze_quoten(
        tabelle.drop(columns="differenz_pp"), gebiet="vergleich", gruppe="jahr"
    )
    text = geschuetzt.anzeige(stellen={"wert": 1}, prozentspalten=("wert",))
    if mit_differenz:
        gesperrt = geschuetzt.gesperrt["wert"].to_numpy()
        text["differenz_pp"] = [
            zahl(None) if sperre else zahl(wert, 1)
            for wert, sperre in zip(tabelle["differenz_pp"], gesperrt, strict=True)
        ]
    return text
