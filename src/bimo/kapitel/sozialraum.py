"""Sozialraumanalyse und Sozialindex für die Sozialräume von Musterstadt.

Jeder Schritt ist eine eigene, nachprüfbare Funktion:

1. :func:`kennzahlen` – Quoten je Sozialraum aus den Zählwerten (mit Zähler und Nenner).
2. :func:`sozialindex` – Indikatoren wählen, Richtung festlegen, z-standardisieren,
   gewichten (gleich, Expertengewichte oder Hauptkomponente), Statussumme bilden,
   Klassen (Hamburger Art) und Stufen (NRW-Art) zuordnen. Das Ergebnis
   (:class:`Sozialindex`) hält jeden Zwischenschritt fest.
3. :func:`sensitivitaet` und :func:`klassenwechsel` – Wie stabil ist die Einteilung,
   wenn ein Indikator fehlt oder doppelt zählt?
4. :func:`typisierung` und :func:`stabilitaet` – Sozialraumtypen mit k-means oder
   hierarchisch (Ward), Silhouette und Stabilität über Startwerte (ARI).
5. :func:`bildungsvergleich`, :func:`korrelationen`, :func:`schulsozialindex`,
   :func:`praeventionskette` – der Index neben Bildungsdaten.
6. :func:`veroeffentliche_quote`, :func:`index_anzeige`, :func:`karte_klassen`,
   :func:`karten_indikatoren` – veröffentlichen und zeigen, kleine Zahlen geschützt.

**Richtung:** Die Statussumme wächst mit der Belastung (+ = mehr Belastung). Die
Klassen benennen den sozialen *Status* (wie das Hamburger Sozialmonitoring):
„hoch“ = wenig Belastung … „sehr niedrig“ = höchste Belastung. Die Stufen laufen
wie beim NRW-Schulsozialindex: 1 = geringste … 9 = höchste Belastung.

**Kleine Sozialräume:** Zwei Sozialräume von Musterstadt sind fast unbewohnt. Ihre
Quoten beruhen auf wenigen Menschen; ein einziges Kind verschiebt sie um Prozentpunkte.
:func:`kennzahlen` markiert Sozialräume mit weniger als :data:`MINDEST_EINWOHNER`
Einwohnern in der Spalte ``kleinraum``; :func:`sozialindex` und :func:`typisierung`
bewerten sie nicht (Wert fehlt, in Tabellen „.“). Die Schwelle ist eine Festlegung
dieses Werkstattbuchs, keine amtliche Regel.
"""

from __future__ import annotations

import itertools
import textwrap
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from bimo import daten
from bimo.fehler import DatenFehler, ParameterFehler
from bimo.kern.format import GEHEIM, zahl

__all__ = [
    "BEZEICHNUNG",
    "BILDUNGSINDIKATOREN",
    "KLASSEN",
    "MINDEST_EINWOHNER",
    "MINDEST_SCHUELER",
    "QUOTEN",
    "RICHTUNG",
    "STADT",
    "Sozialindex",
    "Typisierung",
    "bildungsvergleich",
    "index_anzeige",
    "karte_klassen",
    "karten_indikatoren",
    "kennzahlen",
    "klassenwechsel",
    "korrelationen",
    "neu_berechnen",
    "praeventionskette",
    "praeventionskette_anzeige",
    "schulsozialindex",
    "sensitivitaet",
    "sozialindex",
    "stabilitaet",
    "stadtwerte",
    "geschuetzte_quoten",
    "schulsozialindex_anzeige",
    "typen_vergleich",
    "standardisiere",
    "typisierung",
    "veroeffentliche_quote",
]

STADT = "Musterstadt"
"""Name der Stadt; in Veröffentlichungen die Summenzeile über den Sozialräumen."""
STADT_AGS = "17101"
"""Kreisschlüssel von Musterstadt (kreisfreie Stadt) für gesamtstädtische Indikatoren."""

MINDEST_EINWOHNER = 1000
"""Sozialräume mit weniger Einwohnern bekommen keinen Indexwert (Festlegung des Werkstattbuchs)."""

MINDEST_SCHUELER = 20
"""Schulen mit weniger Kindern in ``schuelerdaten`` bekommen keinen Schulsozialindex."""

QUOTEN: dict[str, tuple[str, str]] = {
    "sgb2_quote_unter_15": ("sgb2_unter_15", "einwohner_unter_15"),
    "anteil_migrationshintergrund": ("einwohner_mit_migrationshintergrund", "einwohner"),
    "anteil_alleinerziehend": ("haushalte_alleinerziehend", "haushalte_mit_kindern"),
    "sprachfoerderbedarf": ("einschueler_sprachfoerderbedarf", "einschueler_untersucht"),
    "uebergewicht": ("einschueler_uebergewicht", "einschueler_untersucht"),
    "uebergangsquote_gymnasium": ("uebergaenge_gymnasium", "viertklaessler"),
}
"""Quote → (Zählerspalte, Nennerspalte); die Spalten heißen wie die Merkmale in
``sozialraum_daten``. Jede Quote ist Zähler / Nenner · 100 (Prozent)."""

BEZEICHNUNG: dict[str, str] = {
    "sgb2_quote_unter_15": "SGB-II-Quote der unter 15-Jährigen",
    "anteil_migrationshintergrund": "Anteil der Einwohner mit Migrationshintergrund",
    "anteil_alleinerziehend": "Anteil Alleinerziehender an den Haushalten mit Kindern",
    "sprachfoerderbedarf": "Einschüler mit Sprachförderbedarf",
    "uebergewicht": "Einschüler mit Übergewicht",
    "uebergangsquote_gymnasium": "Übergangsquote auf das Gymnasium",
}
"""Deutsche Bezeichnungen der Quoten für Tabellen und Grafiken."""

RICHTUNG: dict[str, int] = {
    "sgb2_quote_unter_15": 1,
    "anteil_migrationshintergrund": 1,
    "anteil_alleinerziehend": 1,
}
"""Die Indikatoren des Standard-Sozialindex und ihre Richtung: +1 heißt, ein höherer Wert
bedeutet *mehr* Belastung; −1, ein höherer Wert bedeutet *weniger* Belastung.

Nur Merkmale der sozialen Lage – keine Bildungsergebnisse, damit man den Index
anschließend mit Bildungsergebnissen vergleichen kann (sonst Zirkelschluss)."""

BILDUNGSINDIKATOREN: dict[str, int] = {
    "sprachfoerderbedarf": 1,
    "uebergewicht": 1,
    "uebergangsquote_gymnasium": -1,
}
"""Bildungs- und Gesundheitsergebnisse mit ihrer Richtung (−1: hohe Übergangsquote aufs
Gymnasium = weniger Belastung). Sie gehören nicht in den Index, der mit ihnen verglichen wird."""

KLASSEN = ("hoch", "mittel", "niedrig", "sehr niedrig")
"""Statusklassen nach Hamburger Art, vom höchsten sozialen Status (wenig Belastung) zum
niedrigsten (höchste Belastung)."""

NICHT_BEWERTET = "nicht bewertet"

RICHTUNG_TEXT = (
    "Richtung der Skalen: Die Statussumme und die z-Werte wachsen mit der Belastung "
    "(positiv = mehr Belastung als im Mittel). Die Klassen benennen den sozialen Status wie "
    "im Hamburger Sozialmonitoring: „hoch“ = wenig Belastung, „mittel“, „niedrig“, "
    "„sehr niedrig“ = höchste Belastung. Die Stufen laufen wie beim NRW-Schulsozialindex: "
    "Stufe 1 = geringste, Stufe 9 = höchste Belastung."
)


# --- 1. Kennzahlen ------------------------------------------------------------------------


def kennzahlen(jahr: int = 2024) -> pd.DataFrame:
    """Kennzahlen der 32 Sozialräume von Musterstadt in einem Jahr (eine Zeile je Sozialraum).

    Index ``sozialraum`` (``"SR01"`` …). Spalten:

    - ``name``, ``einwohner``,
    - die Quoten in Prozent (siehe :data:`QUOTEN`): ``sgb2_quote_unter_15``
      (sgb2_unter_15 / einwohner_unter_15 · 100), ``anteil_migrationshintergrund``
      (einwohner_mit_migrationshintergrund / einwohner · 100), ``anteil_alleinerziehend``
      (haushalte_alleinerziehend / haushalte_mit_kindern · 100), ``sprachfoerderbedarf``
      und ``uebergewicht`` (je / einschueler_untersucht · 100), ``uebergangsquote_gymnasium``
      (uebergaenge_gymnasium / viertklaessler · 100),
    - die Zählwerte dahinter unter den Merkmalsnamen aus ``sozialraum_daten``
      (``sgb2_unter_15``, ``einwohner_unter_15``, …),
    - ``kleinraum``: True, wenn weniger als :data:`MINDEST_EINWOHNER` Menschen dort wohnen.

    Ist ein Nenner 0, fehlt die Quote (NaN) – sie ist nicht 0 %.
    """
    roh = daten.lade("sozialraum_daten")
    jahre = sorted(int(j) for j in roh["jahr"].unique())
    if int(jahr) not in jahre:
        raise DatenFehler(
            f"Für das Jahr {jahr} gibt es keine Sozialraumdaten; vorhanden: "
            f"{', '.join(map(str, jahre))}."
        )
    breit = (
        roh[roh["jahr"] == int(jahr)]
        .pivot(index="sozialraum", columns="merkmal", values="wert")
        .astype("int64")
    )
    breit.columns.name = None
    breit.index = breit.index.astype(str)
    namen = daten.lade("sozialraeume").set_index("sozialraum")["name"]
    namen.index = namen.index.astype(str)
    tabelle = pd.DataFrame(index=breit.index)
    tabelle.index.name = "sozialraum"
    tabelle["name"] = namen.reindex(tabelle.index).astype(str)
    tabelle["einwohner"] = breit["einwohner"]
    for quote, (zaehler, nenner) in QUOTEN.items():
        tabelle[quote] = _quote(breit[zaehler], breit[nenner])
    for merkmal in breit.columns:
        if merkmal != "einwohner":
            tabelle[merkmal] = breit[merkmal]
    tabelle["kleinraum"] = tabelle["einwohner"] < MINDEST_EINWOHNER
    tabelle.attrs["jahr"] = int(jahr)
    return tabelle.sort_index()


def _quote(zaehler: pd.Series, nenner: pd.Series) -> pd.Series:
    """Zähler / Nenner · 100; bei Nenner 0 fehlt die Quote (NaN)."""
    z = zaehler.astype(float)
    n = nenner.astype(float)
    return (z / n.where(n > 0)) * 100


def stadtwerte(tabelle: pd.DataFrame) -> pd.Series:
    """Die Quoten für die ganze Stadt: Summe der Zähler / Summe der Nenner · 100.

    Nicht der Mittelwert der Sozialraumquoten – große Sozialräume zählen mehr.
    """
    werte = {}
    for quote, (zaehler, nenner) in QUOTEN.items():
        if zaehler in tabelle and nenner in tabelle:
            werte[quote] = float(tabelle[zaehler].sum()) / float(tabelle[nenner].sum()) * 100
    return pd.Series(werte, name=STADT)


# --- 2. Sozialindex -----------------------------------------------------------------------


@dataclass
class Sozialindex:
    """Ein Sozialindex mit allen Zwischenschritten.

    - ``rohwerte``: die verwendeten Indikatorwerte (wie in der Tabelle),
    - ``mittelwerte``, ``standardabweichungen``: die Kennwerte der z-Standardisierung
      (Standardabweichung der Grundgesamtheit, ddof = 0; gewichtet, wenn
      ``gewichtung_nach`` gesetzt ist),
    - ``z``: z-Werte, schon mit der Richtung multipliziert (+ = mehr Belastung),
    - ``gewichte``: normierte Gewichte (Summe 1),
    - ``statussumme``: Σ Gewicht · z je Sozialraum (+ = mehr Belastung),
    - ``klassen``: Statusklassen nach Hamburger Art (siehe :func:`sozialindex`),
    - ``stufen``: Stufen 1–9 nach NRW-Art (9 = höchste Belastung),
    - ``grenzen``: die Klassengrenzen der Statussumme, ``stufengrenzen``: die acht Quantile,
    - ``erklaerte_varianz``: Anteil der Varianz, den die erste Hauptkomponente erklärt
      (nur bei ``gewichte="pca"``, sonst ``None``),
    - ``ausgeschlossen``: Sozialräume ohne Indexwert (kleine Sozialräume, fehlende Werte).

    Nicht bewertete Sozialräume stehen in allen Ergebnissen mit fehlendem Wert.
    """

    indikatoren: list[str]
    richtung: dict[str, int]
    gewichte: pd.Series
    z: pd.DataFrame
    statussumme: pd.Series
    klassen: pd.Series
    stufen: pd.Series
    rohwerte: pd.DataFrame
    mittelwerte: pd.Series
    standardabweichungen: pd.Series
    grenzen: dict[str, float]
    stufengrenzen: list[float]
    ausgeschlossen: list[str]
    gewichte_art: str | dict[str, float] = "gleich"
    gewichtung_nach: str | None = None
    ausschliessen: str | None = "kleinraum"
    erklaerte_varianz: float | None = None
    namen: pd.Series | None = None
    richtung_text: str = field(default=RICHTUNG_TEXT)

    def tabelle(self) -> pd.DataFrame:
        """Übersicht je Sozialraum: (Name), z-Werte, Statussumme, Klasse, Stufe."""
        teile = [] if self.namen is None else [self.namen.rename("name")]
        teile += [
            self.z.add_prefix("z_"),
            self.statussumme.rename("statussumme"),
            self.klassen.rename("klasse"),
            self.stufen.rename("stufe"),
        ]
        return pd.concat(teile, axis=1)

    def __repr__(self) -> str:
        bewertet = int(self.statussumme.notna().sum())
        gew = ", ".join(f"{k} {zahl(v, 2)}" for k, v in self.gewichte.items())
        return (
            f"Sozialindex aus {len(self.indikatoren)} Indikatoren für {bewertet} Sozialräume "
            f"(Gewichte: {gew}; nicht bewertet: {', '.join(self.ausgeschlossen) or 'keiner'})"
        )


def _pruefe_spalten(tabelle: pd.DataFrame, spalten: Iterable[str], wozu: str) -> None:
    fehlend = [s for s in spalten if s not in tabelle.columns]
    if fehlend:
        raise DatenFehler(
            f"Unbekannte Spalte(n) {', '.join(map(repr, fehlend))} für {wozu}; vorhanden: "
            f"{', '.join(map(str, tabelle.columns))}."
        )


def _zahlenspalten(tabelle: pd.DataFrame, spalten: Sequence[str]) -> pd.DataFrame:
    werte = tabelle[list(spalten)]
    for spalte in spalten:
        if not (
            pd.api.types.is_numeric_dtype(werte[spalte])
            or pd.api.types.is_bool_dtype(werte[spalte])
        ):
            raise DatenFehler(
                f"Die Spalte „{spalte}“ enthält keine Zahlen ({werte[spalte].dtype})."
            )
    return werte.astype(float)


def _auswahl(tabelle: pd.DataFrame, spalten: Sequence[str], ausschliessen: str | None) -> pd.Index:
    """Index der Zeilen, die bewertet werden: vollständige Werte, nicht ausgeschlossen."""
    werte = _zahlenspalten(tabelle, spalten)
    drin = werte.notna().all(axis=1)
    if ausschliessen is not None and ausschliessen in tabelle.columns:
        drin &= ~tabelle[ausschliessen].fillna(False).astype(bool)
    return tabelle.index[drin]


def _gewichtete_kennwerte(werte: pd.Series, gewicht: pd.Series | None) -> tuple[float, float]:
    """Mittelwert und Standardabweichung (Grundgesamtheit, ddof = 0), optional gewichtet."""
    x = werte.to_numpy(dtype=float)
    if gewicht is None:
        return float(x.mean()), float(x.std(ddof=0))
    w = gewicht.to_numpy(dtype=float)
    mittel = float(np.sum(w * x) / np.sum(w))
    return mittel, float(np.sqrt(np.sum(w * (x - mittel) ** 2) / np.sum(w)))


def standardisiere(
    tabelle: pd.DataFrame,
    spalten: Sequence[str],
    richtung: Mapping[str, int] | None = None,
    gewichtung_nach: str | None = None,
) -> tuple[pd.DataFrame, pd.Series, pd.Series]:
    """z-Standardisierung: z = (x − Mittelwert) / Standardabweichung, mal Richtung.

    Die Standardabweichung ist die der Grundgesamtheit (ddof = 0): Die Sozialräume sind
    alle Gebiete der Stadt, keine Stichprobe. Mit ``gewichtung_nach`` (z. B. ``"einwohner"``)
    sind Mittelwert und Standardabweichung nach dieser Spalte gewichtet: Dann ist der
    gewichtete Mittelwert der z-Werte 0 und ihre gewichtete Standardabweichung 1.

    Gibt (z-Werte, Mittelwerte, Standardabweichungen) zurück. Fehler bei Streuung 0.
    """
    _pruefe_spalten(tabelle, spalten, "die Standardisierung")
    richtung = dict(richtung or {})
    werte = _zahlenspalten(tabelle, spalten)
    gewicht = None
    if gewichtung_nach is not None:
        _pruefe_spalten(tabelle, [gewichtung_nach], "die Gewichtung")
        gewicht = _zahlenspalten(tabelle, [gewichtung_nach])[gewichtung_nach]
        if gewicht.isna().any() or (gewicht < 0).any() or gewicht.sum() <= 0:
            raise DatenFehler(
                f"Die Gewichtungsspalte „{gewichtung_nach}“ muss nicht negative Zahlen mit "
                "positiver Summe enthalten."
            )
    z = pd.DataFrame(index=tabelle.index)
    mittel, streuung = {}, {}
    for spalte in spalten:
        m, s = _gewichtete_kennwerte(werte[spalte], gewicht)
        if not np.isfinite(s) or s <= 1e-12 * max(1.0, abs(m)):
            raise DatenFehler(
                f"Die Spalte „{spalte}“ hat in allen bewerteten Sozialräumen denselben Wert "
                "(Streuung 0); z-Werte sind nicht berechenbar. Lassen Sie den Indikator weg."
            )
        r = richtung.get(spalte, 1)
        z[spalte] = (werte[spalte] - m) / s * r
        mittel[spalte], streuung[spalte] = m, s
    return z, pd.Series(mittel, dtype=float), pd.Series(streuung, dtype=float)


def _richtung(indikatoren: Sequence[str], richtung: Mapping[str, int] | None) -> dict[str, int]:
    bekannt = {**BILDUNGSINDIKATOREN, **RICHTUNG}
    ergebnis = {}
    for spalte in indikatoren:
        if richtung is not None and spalte in richtung:
            r = richtung[spalte]
        elif spalte in bekannt:
            r = bekannt[spalte]
        else:
            raise ParameterFehler(
                f"Für „{spalte}“ ist keine Richtung angegeben. Sagen Sie mit "
                f"richtung={{'{spalte}': 1}} (höher = mehr Belastung) oder -1 (höher = weniger "
                "Belastung), wie der Indikator zu lesen ist."
            )
        if r not in (1, -1):
            raise ParameterFehler(f"Die Richtung von „{spalte}“ muss +1 oder -1 sein, nicht {r!r}.")
        ergebnis[spalte] = int(r)
    if richtung is not None:
        fremd = [k for k in richtung if k not in indikatoren]
        if fremd:
            raise ParameterFehler(
                f"Richtung für Spalten angegeben, die nicht im Index sind: {', '.join(fremd)}."
            )
    return ergebnis


def _gewichte(
    gewichte: str | Mapping[str, float], indikatoren: Sequence[str], z: pd.DataFrame
) -> tuple[pd.Series, float | None]:
    """Normierte Gewichte (Summe 1) und erklärte Varianz (nur PCA)."""
    if isinstance(gewichte, str):
        if gewichte == "gleich":
            return pd.Series(1 / len(indikatoren), index=list(indikatoren), dtype=float), None
        if gewichte == "pca":
            from sklearn.decomposition import PCA

            if len(indikatoren) < 2:
                raise ParameterFehler(
                    "Hauptkomponenten-Gewichte brauchen mindestens 2 Indikatoren."
                )
            pca = PCA(n_components=1, svd_solver="full").fit(z[list(indikatoren)].to_numpy())
            ladung = pca.components_[0].copy()
            if ladung.sum() < 0:  # Vorzeichen so, dass der Index mit der Belastung wächst
                ladung = -ladung
            if abs(ladung.sum()) < 1e-12:
                raise DatenFehler("Die Ladungen der ersten Hauptkomponente heben sich auf.")
            return (
                pd.Series(ladung / ladung.sum(), index=list(indikatoren), dtype=float),
                float(pca.explained_variance_ratio_[0]),
            )
        raise ParameterFehler(
            f"Unbekannte Gewichtung „{gewichte}“: erlaubt sind „gleich“, „pca“ oder ein "
            "Wörterbuch Indikator → Gewicht."
        )
    if isinstance(gewichte, Mapping):
        fehlend = [i for i in indikatoren if i not in gewichte]
        fremd = [k for k in gewichte if k not in indikatoren]
        if fehlend or fremd:
            raise ParameterFehler(
                "Die Gewichte passen nicht zu den Indikatoren"
                + (f"; es fehlen: {', '.join(fehlend)}" if fehlend else "")
                + (f"; nicht im Index: {', '.join(fremd)}" if fremd else "")
                + "."
            )
        try:
            werte = pd.Series({i: float(gewichte[i]) for i in indikatoren}, dtype=float)
        except (TypeError, ValueError):
            raise ParameterFehler("Gewichte müssen Zahlen sein.") from None
        if (werte < 0).any() or not np.isfinite(werte).all() or werte.sum() <= 0:
            raise ParameterFehler(
                "Gewichte müssen nicht negativ sein und eine positive Summe haben."
            )
        return werte / werte.sum(), None
    raise ParameterFehler(
        f"Unbekannte Gewichtung {gewichte!r}: erlaubt sind „gleich“, „pca“ oder ein Wörterbuch."
    )


def _klassen(
    statussumme: pd.Series, gewicht: pd.Series | None
) -> tuple[pd.Series, dict[str, float]]:
    mittel, sd = _gewichtete_kennwerte(statussumme, gewicht)
    grenzen = {
        "mittelwert": mittel,
        "standardabweichung": sd,
        "hoch_bis": mittel - sd,
        "mittel_bis": mittel + sd,
        "niedrig_bis": mittel + 2 * sd,
    }
    s = statussumme.round(10)
    klasse = np.select(
        [
            s < round(grenzen["hoch_bis"], 10),
            s <= round(grenzen["mittel_bis"], 10),
            s <= round(grenzen["niedrig_bis"], 10),
        ],
        list(KLASSEN[:3]),
        default=KLASSEN[3],
    )
    return pd.Series(klasse, index=statussumme.index), grenzen


def _stufen(statussumme: pd.Series) -> tuple[pd.Series, list[float]]:
    s = statussumme.round(10).to_numpy(dtype=float)
    grenzen = [float(q) for q in np.quantile(s, [i / 9 for i in range(1, 9)])]
    stufe = 1 + (s[:, None] > np.array(grenzen)[None, :]).sum(axis=1)
    return pd.Series(stufe, index=statussumme.index), grenzen


def sozialindex(
    tabelle: pd.DataFrame,
    indikatoren: Sequence[str] | None = None,
    richtung: Mapping[str, int] | None = None,
    gewichte: str | Mapping[str, float] = "gleich",
    gewichtung_nach: str | None = None,
    *,
    ausschliessen: str | None = "kleinraum",
) -> Sozialindex:
    """Berechnet einen Sozialindex Schritt für Schritt (nach dem Vorbild der Statussumme des
    Hamburger Sozialmonitorings und der Stufen des NRW-Schulsozialindex).

    1. **Indikatoren** (Spalten von ``tabelle``; Vorgabe: die Schlüssel von :data:`RICHTUNG`).
    2. **Richtung** je Indikator: +1 = höher heißt mehr Belastung, −1 = höher heißt weniger
       (Vorgabe aus :data:`RICHTUNG` bzw. :data:`BILDUNGSINDIKATOREN`; sonst Pflicht).
    3. **z-Standardisierung** mit :func:`standardisiere` (ddof = 0; mit ``gewichtung_nach``
       nach Einwohnern o. Ä. gewichtet), mal Richtung: + = mehr Belastung.
    4. **Gewichte**: ``"gleich"``; ein Wörterbuch Indikator → Gewicht (Expertengewichte);
       oder ``"pca"``: die Ladungen der ersten Hauptkomponente der z-Werte (scikit-learn,
       ungewichtet), Vorzeichen so, dass der Index mit der Belastung wächst; der erklärte
       Varianzanteil steht in ``erklaerte_varianz``. Gewichte werden auf Summe 1 normiert.
    5. **Statussumme** = Σ Gewicht · z (+ = mehr Belastung). Hamburg addiert die z-Werte
       ungewichtet; das ist dieselbe Reihenfolge und dieselben Klassen wie gleiche Gewichte,
       nur um den Faktor „Zahl der Indikatoren“ gestreckt.
    6. **Klassen** nach der Standardabweichung SD der Statussumme um ihren Mittelwert M
       (mit ``gewichtung_nach`` gewichtet): „hoch“ (Status; Statussumme < M − 1 SD),
       „mittel“ (M − 1 SD bis M + 1 SD), „niedrig“ (über M + 1 SD bis M + 2 SD),
       „sehr niedrig“ (über M + 2 SD). Die Grenzen stehen in ``grenzen``.
    7. **Stufen** 1–9 (NRW-Art, 9 = höchste Belastung) nach Quantilen: Stufe = 1 + Zahl der
       acht Neuntel-Quantile (lineare Interpolation), die die Statussumme übersteigt.
       Gleiche Statussummen bekommen immer dieselbe Stufe.

    Zeilen mit fehlendem Indikatorwert und Zeilen, in denen die Spalte ``ausschliessen``
    (Vorgabe ``"kleinraum"`` aus :func:`kennzahlen`) wahr ist, gehen nicht in die Rechnung
    ein und bekommen keinen Wert (NaN; in Tabellen „.“).
    """
    if not isinstance(tabelle, pd.DataFrame):
        raise DatenFehler("Der Sozialindex braucht eine Tabelle (DataFrame) mit Kennzahlen.")
    indikatoren = list(RICHTUNG) if indikatoren is None else list(indikatoren)
    if not indikatoren:
        raise ParameterFehler("Der Sozialindex braucht mindestens einen Indikator.")
    if len(set(indikatoren)) != len(indikatoren):
        raise ParameterFehler("Ein Indikator steht doppelt in der Liste.")
    _pruefe_spalten(tabelle, indikatoren, "den Sozialindex")
    richtung_ = _richtung(indikatoren, richtung)
    drin = _auswahl(tabelle, indikatoren, ausschliessen)
    if len(drin) < 2:
        raise DatenFehler("Für einen Sozialindex braucht es mindestens zwei bewertbare Gebiete.")
    teil = tabelle.loc[drin]
    z_teil, mittel, streuung = standardisiere(teil, indikatoren, richtung_, gewichtung_nach)
    gewicht = None if gewichtung_nach is None else teil[gewichtung_nach].astype(float)
    gew, varianz = _gewichte(gewichte, indikatoren, z_teil)
    summe_teil = (z_teil[indikatoren] * gew[indikatoren]).sum(axis=1)
    klassen_teil, grenzen = _klassen(summe_teil, gewicht)
    stufen_teil, stufengrenzen = _stufen(summe_teil)

    index = tabelle.index
    klassen = pd.Series(
        pd.Categorical(klassen_teil.reindex(index), categories=list(KLASSEN), ordered=True),
        index=index,
        name="klasse",
    )
    return Sozialindex(
        indikatoren=indikatoren,
        richtung=richtung_,
        gewichte=gew.rename("gewicht"),
        z=z_teil.reindex(index),
        statussumme=summe_teil.reindex(index).rename("statussumme"),
        klassen=klassen,
        stufen=stufen_teil.reindex(index).astype("Int64").rename("stufe"),
        rohwerte=_zahlenspalten(tabelle, indikatoren),
        mittelwerte=mittel,
        standardabweichungen=streuung,
        grenzen=grenzen,
        stufengrenzen=stufengrenzen,
        ausgeschlossen=[str(i) for i in index if i not in set(drin)],
        gewichte_art=gewichte if isinstance(gewichte, str) else dict(gewichte),
        gewichtung_nach=gewichtung_nach,
        ausschliessen=ausschliessen,
        erklaerte_varianz=varianz,
        namen=tabelle["name"].astype(str) if "name" in tabelle.columns else None,
    )


def neu_berechnen(
    tabelle: pd.DataFrame,
    basis: Sozialindex,
    indikatoren: Sequence[str] | None = None,
    gewichte: str | Mapping[str, float] | None = None,
) -> Sozialindex:
    """Rechnet den Index mit den Einstellungen von ``basis`` neu – mit anderen Indikatoren
    (Richtung wie in ``basis``) und/oder anderen Gewichten."""
    indikatoren = list(basis.indikatoren if indikatoren is None else indikatoren)
    if gewichte is None:
        art = basis.gewichte_art
        gewichte = (
            {k: v for k, v in art.items() if k in indikatoren} if isinstance(art, dict) else art
        )
    return sozialindex(
        tabelle,
        indikatoren,
        richtung={k: basis.richtung[k] for k in indikatoren if k in basis.richtung},
        gewichte=gewichte,
        gewichtung_nach=basis.gewichtung_nach,
        ausschliessen=basis.ausschliessen,
    )


# --- 3. Sensitivität ----------------------------------------------------------------------


def _als_text(werte: pd.Series) -> pd.Series:
    return werte.astype(object).where(werte.notna(), NICHT_BEWERTET).astype(str)


def klassenwechsel(a: Sozialindex, b: Sozialindex) -> pd.DataFrame:
    """Die Sozialräume, deren Klasse oder Stufe sich zwischen ``a`` (vorher) und ``b``
    (nachher) unterscheidet.

    Spalten: (``name``), ``klasse_vorher``, ``klasse_nachher``, ``stufe_vorher``,
    ``stufe_nachher``, ``klasse_geaendert``, ``stufe_geaendert`` (True/False). Wer nur die
    Klassenwechsel zählen will: ``klassenwechsel(a, b)["klasse_geaendert"].sum()``.
    """
    index = a.klassen.index.union(b.klassen.index, sort=False)
    kv, kn = _als_text(a.klassen.reindex(index)), _als_text(b.klassen.reindex(index))
    sv, sn = a.stufen.reindex(index), b.stufen.reindex(index)
    stufe_anders = ~((sv == sn).fillna(False) | (sv.isna() & sn.isna()))
    tabelle = pd.DataFrame(
        {
            "klasse_vorher": kv,
            "klasse_nachher": kn,
            "stufe_vorher": sv,
            "stufe_nachher": sn,
            "klasse_geaendert": kv != kn,
            "stufe_geaendert": stufe_anders.astype(bool),
        },
        index=index,
    )
    if a.namen is not None:
        tabelle.insert(0, "name", a.namen.reindex(index))
    return tabelle[tabelle["klasse_geaendert"] | tabelle["stufe_geaendert"]].sort_index()


def sensitivitaet(tabelle: pd.DataFrame, basis: Sozialindex, faktor: float = 2.0) -> pd.DataFrame:
    """Wie empfindlich reagiert der Index auf einzelne Indikatoren?

    Je Indikator zwei Varianten gegenüber ``basis`` (sonst gleiche Einstellungen):
    „weggelassen“ (ohne den Indikator; bei Expertengewichten werden die übrigen neu normiert,
    bei „pca“ neu geschätzt) und „doppelt gewichtet“ (sein Gewicht aus ``basis`` mal
    ``faktor``, dann neu normiert). Spalten: ``indikator``, ``variante``, ``klassenwechsel``
    und ``stufenwechsel`` (Zahl der Sozialräume, die Klasse bzw. Stufe wechseln, wie
    :func:`klassenwechsel`) und ``rangkorrelation`` (Spearman der Statussummen).
    """
    if faktor <= 0:
        raise ParameterFehler("Der Faktor für das Gewicht muss größer als 0 sein.")
    zeilen = []
    for indikator in basis.indikatoren:
        varianten = []
        rest = [i for i in basis.indikatoren if i != indikator]
        if rest:
            varianten.append(("weggelassen", neu_berechnen(tabelle, basis, rest)))
        gew = basis.gewichte.to_dict()
        gew[indikator] *= faktor
        name = "doppelt gewichtet" if faktor == 2 else f"Gewicht mal {zahl(faktor, 1)}"
        varianten.append((name, neu_berechnen(tabelle, basis, gewichte=gew)))
        for variante, neu in varianten:
            wechsel = klassenwechsel(basis, neu)
            rang = basis.statussumme.corr(neu.statussumme, method="spearman")
            zeilen.append(
                {
                    "indikator": indikator,
                    "variante": variante,
                    "klassenwechsel": int(wechsel["klasse_geaendert"].sum()),
                    "stufenwechsel": int(wechsel["stufe_geaendert"].sum()),
                    "rangkorrelation": float(rang),
                }
            )
    return pd.DataFrame(zeilen)


# --- 4. Typisierung -----------------------------------------------------------------------


@dataclass
class Typisierung:
    """Ergebnis einer Typisierung (Clusteranalyse).

    - ``gruppen``: Sozialraum → Typ 1 … k (Int64; nicht bewertete Sozialräume fehlen als
      <NA>). Nummeriert **nach Größe**: Typ 1 ist der größte; bei gleicher Größe zuerst der
      Typ mit dem kleineren ersten Schlüssel.
    - ``silhouette``: mittlere Silhouette (−1 … 1; höher = klarer getrennte Typen),
    - ``zentren``: Mittelwerte der Merkmale je Typ in den Originaleinheiten,
    - ``z_zentren``: dieselben Zentren in z-Werten (so rechnet das Verfahren),
    - ``groessen``: Zahl der Sozialräume je Typ.
    """

    gruppen: pd.Series
    silhouette: float
    zentren: pd.DataFrame
    z_zentren: pd.DataFrame
    groessen: pd.Series
    methode: str
    k: int
    saat: int


def _merkmalsmatrix(
    tabelle: pd.DataFrame, merkmale: Sequence[str], ausschliessen: str | None
) -> tuple[pd.DataFrame, pd.DataFrame]:
    if isinstance(merkmale, str):
        merkmale = [merkmale]
    merkmale = list(merkmale)
    if not merkmale:
        raise ParameterFehler("Die Typisierung braucht mindestens ein Merkmal.")
    _pruefe_spalten(tabelle, merkmale, "die Typisierung")
    drin = _auswahl(tabelle, merkmale, ausschliessen)
    teil = _zahlenspalten(tabelle.loc[drin], merkmale)
    z, _, _ = standardisiere(teil, merkmale)
    return teil, z


def _pruefe_k(k: int, n: int) -> int:
    try:
        k = int(k)
    except (TypeError, ValueError):
        raise ParameterFehler(f"k muss eine ganze Zahl sein, nicht {k!r}.") from None
    if not 2 <= k <= n - 1:
        raise ParameterFehler(f"k muss zwischen 2 und {n - 1} liegen (Gebiete: {n}), nicht {k}.")
    return k


def _kmeans(x: np.ndarray, k: int, saat: int, n_init: int) -> np.ndarray:
    from sklearn.cluster import KMeans

    return KMeans(n_clusters=k, n_init=n_init, random_state=int(saat)).fit_predict(x)


def typisierung(
    tabelle: pd.DataFrame,
    merkmale: Sequence[str],
    k: int,
    methode: str = "kmeans",
    saat: int = 0,
    *,
    ausschliessen: str | None = "kleinraum",
) -> Typisierung:
    """Bildet k Sozialraumtypen aus ``merkmale`` (Spalten von ``tabelle``).

    Die Merkmale werden zuerst z-standardisiert (ddof = 0), damit jedes gleich zählt.
    ``methode="kmeans"``: k-means mit 10 Starts (``n_init=10``) und ``random_state=saat`` –
    mit derselben Saat immer dasselbe Ergebnis. ``methode="hierarchisch"``: agglomerativ
    nach Ward (ohne Zufall; ``saat`` wirkt nicht). Die Typen sind nach Größe nummeriert
    (Typ 1 = größter). Zeilen mit fehlenden Werten oder ``ausschliessen`` = True bleiben
    ohne Typ.
    """
    from sklearn.cluster import AgglomerativeClustering
    from sklearn.metrics import silhouette_score

    teil, z = _merkmalsmatrix(tabelle, merkmale, ausschliessen)
    k = _pruefe_k(k, len(teil))
    x = z.to_numpy()
    if methode == "kmeans":
        etiketten = _kmeans(x, k, saat, n_init=10)
    elif methode == "hierarchisch":
        etiketten = AgglomerativeClustering(n_clusters=k, linkage="ward").fit_predict(x)
    else:
        raise ParameterFehler(
            f"Unbekannte Methode „{methode}“: erlaubt sind „kmeans“ und „hierarchisch“."
        )
    roh = pd.Series(etiketten, index=teil.index)
    ordnung = sorted(
        roh.unique(), key=lambda e: (-(roh == e).sum(), str(roh.index[roh == e].min()))
    )
    neu = {alt: i + 1 for i, alt in enumerate(ordnung)}
    gruppen_teil = roh.map(neu)
    gruppen = gruppen_teil.reindex(tabelle.index).astype("Int64").rename("typ")
    zentren = teil.groupby(gruppen_teil).mean().sort_index()
    zentren.index.name = "typ"
    z_zentren = z.groupby(gruppen_teil).mean().sort_index()
    z_zentren.index.name = "typ"
    groessen = gruppen_teil.value_counts().sort_index().rename("sozialraeume")
    groessen.index.name = "typ"
    return Typisierung(
        gruppen=gruppen,
        silhouette=float(silhouette_score(x, etiketten)),
        zentren=zentren,
        z_zentren=z_zentren,
        groessen=groessen,
        methode=methode,
        k=k,
        saat=int(saat),
    )


def stabilitaet(
    tabelle: pd.DataFrame,
    merkmale: Sequence[str],
    k: int,
    saaten: Iterable[int] = range(10),
    *,
    n_init: int = 1,
    ausschliessen: str | None = "kleinraum",
) -> float:
    """Stabilität einer k-means-Lösung über Startwerte: der mittlere bereinigte Rand-Index
    (ARI) aller Paare von Einteilungen, je eine Einteilung pro Saat.

    1 heißt: Jede Saat liefert dieselbe Einteilung (die Nummern der Typen spielen keine
    Rolle). Werte um 0: Die Einteilungen stimmen nicht besser überein als zufällig.
    Je Saat läuft k-means nur einmal (``n_init=1``), damit sichtbar wird, ob verschiedene
    Startpunkte zur selben Lösung finden.
    """
    from sklearn.metrics import adjusted_rand_score

    _, z = _merkmalsmatrix(tabelle, merkmale, ausschliessen)
    k = _pruefe_k(k, len(z))
    saaten = list(saaten)
    if len(saaten) < 2:
        raise ParameterFehler("Für die Stabilität braucht es mindestens zwei Startwerte.")
    x = z.to_numpy()
    einteilungen = [_kmeans(x, k, s, n_init=n_init) for s in saaten]
    werte = [adjusted_rand_score(a, b) for a, b in itertools.combinations(einteilungen, 2)]
    return float(np.mean(werte))


def typen_vergleich(
    tabelle: pd.DataFrame,
    merkmale: Sequence[str],
    ks: Iterable[int] = range(2, 9),
    saaten: Iterable[int] = range(10),
    *,
    ausschliessen: str | None = "kleinraum",
) -> pd.DataFrame:
    """Für jedes k: Silhouette der k-means-Lösung (``saat=0``), Stabilität über ``saaten``
    (siehe :func:`stabilitaet`) und die Größen der Typen. Hilft, k zu wählen: hohe
    Silhouette **und** hohe Stabilität."""
    saaten = list(saaten)
    zeilen = []
    for k in ks:
        typen = typisierung(tabelle, merkmale, k, ausschliessen=ausschliessen)
        zeilen.append(
            {
                "k": int(k),
                "silhouette": typen.silhouette,
                "stabilitaet": stabilitaet(
                    tabelle, merkmale, k, saaten, ausschliessen=ausschliessen
                ),
                "groessen": " / ".join(str(int(g)) for g in typen.groessen),
            }
        )
    return pd.DataFrame(zeilen)


# --- 5. Bildung und Präventionskette ----------------------------------------------------


def _pruefe_zirkel(index: Sozialindex, ergebnisse: Iterable[str]) -> None:
    doppelt = [i for i in index.indikatoren if i in set(ergebnisse)]
    if doppelt:
        raise ParameterFehler(
            "Zirkelschluss: Der Index enthält schon "
            + ", ".join(doppelt)
            + ". Ein Index, der ein Bildungsergebnis enthält, hängt mit ihm zwangsläufig "
            "zusammen; vergleichen Sie nur mit einem Index ohne diese Indikatoren."
        )


def bildungsvergleich(
    jahr: int = 2024, index: Sozialindex | None = None, tabelle: pd.DataFrame | None = None
) -> pd.DataFrame:
    """Sozialindex neben Bildungs- und Gesundheitsergebnissen je Sozialraum.

    Spalten: ``name``, ``statussumme``, ``klasse``, ``stufe`` und die Quoten aus
    :data:`BILDUNGSINDIKATOREN` (Sprachförderbedarf, Übergewicht bei der
    Schuleingangsuntersuchung, Übergangsquote Gymnasium). Ohne ``index`` wird der
    Standard-Sozialindex (nur soziale Lage) berechnet. Enthält der Index eines dieser
    Ergebnisse, bricht die Funktion ab (Zirkelschluss). Nur bewertete Sozialräume.
    """
    tabelle = kennzahlen(jahr) if tabelle is None else tabelle
    index = sozialindex(tabelle) if index is None else index
    _pruefe_zirkel(index, BILDUNGSINDIKATOREN)
    ergebnis = pd.concat(
        [
            tabelle[["name"]],
            index.statussumme,
            index.klassen.rename("klasse"),
            index.stufen,
            tabelle[list(BILDUNGSINDIKATOREN)],
        ],
        axis=1,
    )
    return ergebnis[index.statussumme.notna()]


def korrelationen(vergleich: pd.DataFrame, x: str = "statussumme") -> pd.DataFrame:
    """Korrelation von ``x`` (Vorgabe: Statussumme) mit jedem Bildungsindikator in
    ``vergleich`` (aus :func:`bildungsvergleich`): Pearson r, Spearman ρ und die Zahl der
    Sozialräume n. Ein Zusammenhang zwischen Gebieten sagt nichts über einzelne Kinder
    (ökologischer Fehlschluss)."""
    _pruefe_spalten(vergleich, [x], "die Korrelation")
    zeilen = []
    for spalte in BILDUNGSINDIKATOREN:
        if spalte not in vergleich.columns:
            continue
        paar = vergleich[[x, spalte]].astype(float).dropna()
        zeilen.append(
            {
                "indikator": spalte,
                "bezeichnung": BEZEICHNUNG[spalte],
                "pearson_r": float(paar[x].corr(paar[spalte])),
                "spearman_rho": float(paar[x].corr(paar[spalte], method="spearman")),
                "n": len(paar),
            }
        )
    return pd.DataFrame(zeilen)


_LES = ("Lernen", "Sprache", "emotionale und soziale Entwicklung")
_SCHULMERKMALE = {
    "anteil_sgb2": ("sgb2_bezug", ("ja",)),
    "anteil_familiensprache_nicht_deutsch": ("familiensprache", ("nicht deutsch",)),
    "anteil_foerderbedarf_les": ("foerderschwerpunkt", _LES),
}


def schulsozialindex(
    index: Sozialindex | None = None, schueler: pd.DataFrame | None = None
) -> pd.DataFrame:
    """Ein Schulsozialindex je Grundschule, auf zwei Wegen (Schuljahr 2024/25, ``schuelerdaten``).

    1. ``index_wohnort``: der nach Kinderzahl gewichtete Mittelwert der Statussummen der
       Sozialräume, in denen die Kinder der Schule wohnen (Kinder aus nicht bewerteten
       Sozialräumen zählen nicht mit).
    2. ``index_schuelerschaft``: aus Merkmalen der Kinder selbst, im Geist des
       NRW-Schulsozialindex: Anteil mit SGB-II-Bezug der Familie, mit nicht deutscher
       Familiensprache, mit Förderbedarf in Lernen, Sprache oder emotionaler und sozialer
       Entwicklung – z-standardisiert und **gleich gewichtet** (NRW gewichtet mit einer
       Faktorenanalyse; das bildet diese Funktion nicht nach).

    Dazu ``stufe`` (1–9, 9 = höchste Belastung) nach ``index_schuelerschaft``, die Zahl der
    Kinder ``schueler``, der häufigste Wohn-``sozialraum`` und die Zahl verschiedener
    Wohn-Sozialräume ``sozialraeume``, die Zähler (``anzahl_…``) und die Anteile in Prozent.
    Schulen mit weniger als :data:`MINDEST_SCHUELER` Kindern bekommen keinen Index.
    """
    schueler = daten.lade("schuelerdaten") if schueler is None else schueler
    index = sozialindex(kennzahlen(2024)) if index is None else index
    _pruefe_spalten(schueler, ["schule", "sozialraum", *(s for s, _ in _SCHULMERKMALE.values())],
                    "den Schulsozialindex")  # fmt: skip
    kinder = schueler.copy()
    kinder["sozialraum"] = kinder["sozialraum"].astype(str)
    kinder["statussumme"] = kinder["sozialraum"].map(index.statussumme)
    gruppiert = kinder.groupby("schule", sort=True)
    tabelle = pd.DataFrame({"schueler": gruppiert.size()})
    tabelle["sozialraum"] = gruppiert["sozialraum"].agg(lambda s: s.value_counts().index[0])
    tabelle["sozialraeume"] = gruppiert["sozialraum"].nunique()
    tabelle["index_wohnort"] = gruppiert["statussumme"].mean()
    for name, (spalte, werte) in _SCHULMERKMALE.items():
        anzahl = gruppiert[spalte].agg(lambda s, w=werte: int(s.isin(w).sum()))
        tabelle[name.replace("anteil_", "anzahl_")] = anzahl
        tabelle[name] = anzahl / tabelle["schueler"] * 100
    tabelle["kleine_schule"] = tabelle["schueler"] < MINDEST_SCHUELER
    anteile = list(_SCHULMERKMALE)
    drin = tabelle.index[~tabelle["kleine_schule"]]
    z, _, _ = standardisiere(tabelle.loc[drin], anteile)
    summe = z.mean(axis=1)
    tabelle["index_schuelerschaft"] = summe.reindex(tabelle.index)
    stufen, _ = _stufen(summe)
    tabelle["stufe"] = stufen.reindex(tabelle.index).astype("Int64")
    tabelle.loc[tabelle["kleine_schule"], "index_wohnort"] = np.nan
    tabelle.index.name = "schule"
    return tabelle


_ETAPPEN = ("Kita und Schuleingang", "Grundschule", "weiterführende Schule", "Übergang Beruf")


def _stadtindikator(kennung: str, jahr: int) -> tuple[float, float, float, int] | None:
    """Zähler, Nenner, Wert und Jahr eines Kreisindikators für Musterstadt.

    Genommen wird das jüngste Jahr bis einschließlich ``jahr``."""
    from bimo import indikatoren

    werte = indikatoren.indikator(kennung).berechne(land=False)
    werte = werte[(werte["ags"] == STADT_AGS) & (werte["jahr"] <= jahr)].dropna(subset=["wert"])
    if werte.empty:
        return None
    zeile = werte.sort_values("jahr").iloc[-1]
    return float(zeile["zaehler"]), float(zeile["nenner"]), float(zeile["wert"]), int(zeile["jahr"])


def praeventionskette(sozialraum: str, jahr: int = 2024) -> pd.DataFrame:
    """Die Präventionskette für einen Sozialraum: je Etappe des Lebenslaufs (Kita und
    Schuleingang → Grundschule → weiterführende Schule → Übergang Beruf) die verfügbaren
    Indikatoren, im Sozialraum und in der ganzen Stadt.

    Spalten: ``etappe``, ``indikator``, ``bezeichnung``, ``zaehler``, ``nenner``
    (Fallzahlen im Sozialraum), ``sozialraum`` (Quote im Sozialraum, %), ``stadt``
    (Quote der Stadt, %), ``abstand`` (Prozentpunkte), ``quelle``, ``hinweis``. Wo es keine
    Daten je Sozialraum gibt, fehlen Zähler, Nenner und Sozialraumwert – die Zeile bleibt
    stehen und zeigt die Datenlücke. Die Grundschulwerte stammen aus ``schuelerdaten``
    (Schuljahr 2024/25, synthetische Einzeldaten) und hängen nicht von ``jahr`` ab.
    """
    tabelle = kennzahlen(jahr)
    sozialraum = str(sozialraum)
    if sozialraum not in tabelle.index:
        raise DatenFehler(
            f"Unbekannter Sozialraum „{sozialraum}“; vorhanden: {', '.join(tabelle.index)}."
        )
    stadt = stadtwerte(tabelle)
    zeile = tabelle.loc[sozialraum]
    zeilen = []

    def sr(etappe: str, quote: str, quelle: str, hinweis: str = "") -> None:
        zaehler, nenner = QUOTEN[quote]
        zeilen.append(
            {
                "etappe": etappe,
                "indikator": quote,
                "bezeichnung": BEZEICHNUNG[quote],
                "zaehler": float(zeile[zaehler]),
                "nenner": float(zeile[nenner]),
                "sozialraum": float(zeile[quote]),
                "stadt": float(stadt[quote]),
                "quelle": quelle,
                "hinweis": hinweis,
            }
        )

    def nur_stadt(etappe: str, kennung: str, bezeichnung: str, quelle: str) -> None:
        werte = _stadtindikator(kennung, jahr)
        zeilen.append(
            {
                "etappe": etappe,
                "indikator": kennung,
                "bezeichnung": bezeichnung,
                "zaehler": np.nan,
                "nenner": np.nan,
                "sozialraum": np.nan,
                "stadt": np.nan if werte is None else werte[2],
                "quelle": quelle,
                "hinweis": "nur für die ganze Stadt vorhanden"
                + ("" if werte is None else f" ({werte[3]})")
                + " – Datenlücke auf Sozialraumebene",
            }
        )

    kita = _ETAPPEN[0]
    sr(kita, "sgb2_quote_unter_15", "Jobcenter", "Lebenslage der Kinder")
    sr(kita, "anteil_alleinerziehend", "Einwohnermelderegister", "Lebenslage der Kinder")
    nur_stadt(
        kita,
        "betreuungsquote_u3",
        "Betreuungsquote unter 3 Jahren",
        "Kinder- und Jugendhilfestatistik",
    )
    nur_stadt(
        kita,
        "betreuungsquote_3_6",
        "Betreuungsquote 3 bis unter 6 Jahre",
        "Kinder- und Jugendhilfestatistik",
    )
    sr(kita, "sprachfoerderbedarf", "Schuleingangsuntersuchung")
    sr(kita, "uebergewicht", "Schuleingangsuntersuchung")

    kinder = daten.lade("schuelerdaten")
    kinder_sr = kinder[kinder["sozialraum"].astype(str) == sozialraum]
    for name, (spalte, werte) in _SCHULMERKMALE.items():
        z_sr, n_sr = int(kinder_sr[spalte].isin(werte).sum()), len(kinder_sr)
        z_st, n_st = int(kinder[spalte].isin(werte).sum()), len(kinder)
        zeilen.append(
            {
                "etappe": _ETAPPEN[1],
                "indikator": name,
                "bezeichnung": _SCHULBEZEICHNUNG[name],
                "zaehler": float(z_sr),
                "nenner": float(n_sr),
                "sozialraum": z_sr / n_sr * 100 if n_sr else np.nan,
                "stadt": z_st / n_st * 100,
                "quelle": "Schülerdaten (Schuljahr 2024/25)",
                "hinweis": "Kinder nach Wohn-Sozialraum",
            }
        )
    sr(_ETAPPEN[2], "uebergangsquote_gymnasium", "Schulstatistik", "nach Klasse 4")
    nur_stadt(
        _ETAPPEN[3],
        "ohne_abschluss_anteil",
        "Abgänger ohne Ersten Schulabschluss",
        "Schulstatistik",
    )
    nur_stadt(
        _ETAPPEN[3], "anteil_uebergangsbereich", "Anteil des Übergangsbereichs (iABE)", "iABE"
    )
    ergebnis = pd.DataFrame(zeilen)
    ergebnis["abstand"] = ergebnis["sozialraum"] - ergebnis["stadt"]
    ergebnis.attrs["kleinraum"] = bool(zeile["kleinraum"])
    ergebnis["etappe"] = pd.Categorical(ergebnis["etappe"], categories=list(_ETAPPEN), ordered=True)
    spalten = ["etappe", "indikator", "bezeichnung", "zaehler", "nenner", "sozialraum", "stadt",
               "abstand", "quelle", "hinweis"]  # fmt: skip
    return ergebnis[spalten]


_SCHULBEZEICHNUNG = {
    "anteil_sgb2": "Grundschulkinder mit SGB-II-Bezug der Familie",
    "anteil_familiensprache_nicht_deutsch": "Grundschulkinder mit nicht deutscher Familiensprache",
    "anteil_foerderbedarf_les": (
        "Grundschulkinder mit Förderbedarf Lernen, Sprache, emotionale und soziale Entwicklung"
    ),
}


# --- 6. Veröffentlichen und zeigen -------------------------------------------------------


def veroeffentliche_quote(tabelle: pd.DataFrame, quote: str, mindestfallzahl: int = 3):  # noqa: ANN201 – Veroeffentlichung
    """Eine Quote je Sozialraum mit der Stadt als Summenzeile durch
    :func:`bimo.geheimhaltung.schuetze_quoten`: Zähler, Nenner und Quote werden gesperrt,
    wo eine Fallzahl sensibel ist, und sekundär, damit nichts aus der Stadtsumme
    zurückgerechnet werden kann. Dazu werden die Zeilen **kleiner Sozialräume**
    (``kleinraum``) immer ganz gesperrt: Auf so wenigen Menschen beruht keine belastbare
    Quote (und aus Zähler und Nenner ließe sie sich ausrechnen).

    Rückgabe: eine :class:`~bimo.geheimhaltung.Veroeffentlichung` mit den Spalten
    ``sozialraum``, ``name``, ``jahr``, ``zaehler``, ``nenner``, ``wert``;
    ``.anzeige(stellen={"wert": 1}, prozentspalten=("wert",))`` zeigt sie mit „.“.
    """
    from bimo.geheimhaltung import schuetze_quoten

    if quote not in QUOTEN:
        raise ParameterFehler(f"Unbekannte Quote „{quote}“; vorhanden: {', '.join(QUOTEN)}.")
    zaehler, nenner = QUOTEN[quote]
    _pruefe_spalten(tabelle, [zaehler, nenner, "name"], "die Veröffentlichung")
    jahr = tabelle.attrs.get("jahr", 0)
    teile = pd.DataFrame(
        {
            "sozialraum": tabelle.index.astype(str),
            "name": tabelle["name"].astype(str).to_numpy(),
            "jahr": jahr,
            "zaehler": tabelle[zaehler].astype("int64").to_numpy(),
            "nenner": tabelle[nenner].astype("int64").to_numpy(),
        }
    )
    summe = pd.DataFrame(
        {
            "sozialraum": [STADT],
            "name": [STADT],
            "jahr": [jahr],
            "zaehler": [int(teile["zaehler"].sum())],
            "nenner": [int(teile["nenner"].sum())],
        }
    )
    lang = pd.concat([teile, summe], ignore_index=True)
    lang["wert"] = _quote(lang["zaehler"], lang["nenner"])
    geschuetzt = schuetze_quoten(
        lang, summenzeile=STADT, gebiet="sozialraum", gruppe="jahr", mindestfallzahl=mindestfallzahl
    )
    if "kleinraum" in tabelle.columns:
        klein = set(tabelle.index[tabelle["kleinraum"].astype(bool)].astype(str))
        maske = geschuetzt.tabelle["sozialraum"].isin(klein)
        for spalte in ("zaehler", "nenner", "wert"):
            geschuetzt.gesperrt.loc[maske, spalte] = True
            geschuetzt.tabelle[spalte] = geschuetzt.tabelle[spalte].mask(maske)
    return geschuetzt


def geschuetzte_quoten(
    tabelle: pd.DataFrame, quoten: Sequence[str] | None = None, mindestfallzahl: int = 3
) -> pd.DataFrame:
    """Die Quoten je Sozialraum nach dem Veröffentlichungsweg (:func:`veroeffentliche_quote`):
    gesperrte Werte sind NaN. Index ``sozialraum``, Spalten ``name`` und die Quoten – so
    gehen sie in Karten und Grafiken."""
    quoten = list(QUOTEN) if quoten is None else list(quoten)
    ergebnis = pd.DataFrame(index=tabelle.index.astype(str))
    ergebnis.index.name = "sozialraum"
    ergebnis["name"] = tabelle["name"].astype(str).to_numpy()
    for quote in quoten:
        pub = veroeffentliche_quote(tabelle, quote, mindestfallzahl).tabelle
        werte = pub.set_index("sozialraum")["wert"].astype("float64")
        ergebnis[quote] = werte.reindex(ergebnis.index)
    return ergebnis


def schulsozialindex_anzeige(schulen: pd.DataFrame) -> pd.DataFrame:
    """Der Schulsozialindex als Text-Tabelle: Schule, Sozialraum, Zahl der Kinder, beide
    Indexwerte (zwei Nachkommastellen) und Stufe; kleine Schulen mit „.“. Keine Zähler –
    die wären an kleinen Schulen sensibel."""

    def text(werte: pd.Series, stellen: int) -> list[str]:
        return [GEHEIM if pd.isna(v) else zahl(v, stellen) for v in werte]

    return pd.DataFrame(
        {
            "Schule": schulen.index.astype(str),
            "Sozialraum": schulen["sozialraum"].astype(str).to_numpy(),
            "Kinder": [zahl(v) for v in schulen["schueler"]],
            "Index Wohnort": text(schulen["index_wohnort"], 2),
            "Index Schülerschaft": text(schulen["index_schuelerschaft"], 2),
            "Stufe": [GEHEIM if pd.isna(v) else str(int(v)) for v in schulen["stufe"]],
        }
    )


def index_anzeige(index: Sozialindex) -> pd.DataFrame:
    """Der Index als veröffentlichungsfertige Tabelle (Text): Name, Statussumme (zwei
    Nachkommastellen), Klasse, Stufe; nicht bewertete Sozialräume mit „.“. Sortiert nach
    der Statussumme (höchste Belastung zuerst)."""
    tabelle = pd.DataFrame(index=index.statussumme.index)
    if index.namen is not None:
        tabelle["Name"] = index.namen
    ordnung = index.statussumme.sort_values(ascending=False, na_position="last", kind="stable")
    tabelle["Statussumme"] = [zahl(v, 2) if pd.notna(v) else GEHEIM for v in index.statussumme]
    tabelle["Statusklasse"] = _als_text(index.klassen).replace(NICHT_BEWERTET, GEHEIM)
    tabelle["Stufe (NRW-Art)"] = [str(int(v)) if pd.notna(v) else GEHEIM for v in index.stufen]
    return tabelle.loc[ordnung.index]


def _karte_grundlage():  # noqa: ANN202
    geo = daten.lade_geometrie("musterstadt_sozialraeume")
    geo["sozialraum"] = geo["sozialraum"].astype(str)
    return geo


def _seitenverhaeltnis(ax, geo) -> None:  # noqa: ANN001
    if geo.crs is None or geo.crs.is_geographic:
        breite = float(np.mean(ax.get_ylim()))
        ax.set_aspect(1 / np.cos(np.radians(breite)) if abs(breite) < 80 else "equal")
    else:
        ax.set_aspect("equal")


def karte_klassen(
    index: Sozialindex,
    *,
    art: str = "klassen",
    titel: str | None = None,
    quelle: str = "Musterstadt, kommunale Statistik (synthetisch); eigene Berechnung",
):  # noqa: ANN201 – Grafik
    """Karte der Sozialräume nach Statusklasse (``art="klassen"``) oder Stufe 1–9
    (``art="stufen"``). Dunkler = mehr Belastung. Nicht bewertete Sozialräume sind grau
    schraffiert mit eigenem Legendeneintrag „nicht bewertet (.)“."""
    import matplotlib as mpl
    import matplotlib.pyplot as plt
    from matplotlib.patches import Patch

    from bimo.grafik import GESPERRT_FARBE, KARTENFARBEN, Grafik, fertig, stil

    stil()
    geo = _karte_grundlage()
    if art == "klassen":
        kategorien = list(KLASSEN)
        werte = _als_text(index.klassen)
        legende_titel = "Statusklasse"
    elif art == "stufen":
        kategorien = [str(i) for i in range(1, 10)]
        werte = index.stufen.astype(object).where(index.stufen.notna(), NICHT_BEWERTET).astype(str)
        legende_titel = "Stufe (9 = höchste Belastung)"
    else:
        raise ParameterFehler(f"Unbekannte Kartenart „{art}“: erlaubt sind „klassen“ und „stufen“.")
    geo["wert"] = geo["sozialraum"].map(werte).fillna(NICHT_BEWERTET)
    farben = mpl.colormaps[KARTENFARBEN].resampled(len(kategorien) + 1)
    fig, ax = plt.subplots(figsize=(7.5, 6.5))
    legende = []
    for i, kat in enumerate(kategorien):
        auswahl = geo[geo["wert"] == kat]
        if not auswahl.empty:
            auswahl.plot(ax=ax, color=farben(i + 1), edgecolor="white", linewidth=0.6)
        anzahl = len(auswahl)
        legende.append(
            Patch(facecolor=farben(i + 1), edgecolor="#999999", label=f"{kat} ({anzahl})")
        )
    ohne = geo[geo["wert"] == NICHT_BEWERTET]
    if not ohne.empty:
        ohne.plot(ax=ax, color=GESPERRT_FARBE, edgecolor="white", hatch="///", linewidth=0.6)
        legende.append(
            Patch(
                facecolor=GESPERRT_FARBE,
                hatch="///",
                edgecolor="#999999",
                label=f"{NICHT_BEWERTET} (.) ({len(ohne)})",
            )  # fmt: skip
        )
    ax.set_axis_off()
    _seitenverhaeltnis(ax, geo)
    titel = titel or (
        "Sozialräume nach Statusklasse" if art == "klassen" else "Sozialräume nach Stufe"
    )
    ax.set_title(titel)
    ax.legend(handles=legende, frameon=False, loc="upper left", bbox_to_anchor=(1.0, 1.0),
              title=legende_titel)  # fmt: skip
    fertig(fig, quelle, y=-0.01)
    zaehlung = "; ".join(
        f"{kat}: {int((geo['wert'] == kat).sum())}"
        for kat in kategorien
        if (geo["wert"] == kat).any()
    )
    alt = f"Karte „{titel}“ mit {len(geo)} Sozialräumen ({zaehlung})."
    if not ohne.empty:
        alt += (
            f" {len(ohne)} Sozialräume sind nicht bewertet (grau schraffiert): "
            + ", ".join(ohne["name"].astype(str))
            + "."
        )
    return Grafik(fig, alt)


def karten_indikatoren(
    tabelle: pd.DataFrame,
    indikatoren: Sequence[str],
    *,
    titel: str,
    quelle: str = "Musterstadt, kommunale Statistik (synthetisch); eigene Berechnung",
    spalten: int = 3,
    einheit: str = "%",
):  # noqa: ANN201 – Grafik
    """Kleine Vielfache als Karten: je Indikator eine kleine Karte (eigene Quantilklassen,
    dunkler = höherer Wert). Fehlende oder gesperrte Werte (NaN) sind grau schraffiert.
    ``tabelle`` hat den Sozialraum als Index (z. B. aus :func:`kennzahlen`, kleine
    Sozialräume vorher auf NaN setzen)."""
    import math

    import matplotlib as mpl
    import matplotlib.pyplot as plt
    from matplotlib.patches import Patch

    from bimo.grafik import GESPERRT_FARBE, KARTENFARBEN, Grafik, fertig, stil, wert_text

    stil()
    indikatoren = list(indikatoren)
    _pruefe_spalten(tabelle, indikatoren, "die Karten")
    geo = _karte_grundlage()
    spalten = max(1, min(spalten, len(indikatoren)))
    zeilen = math.ceil(len(indikatoren) / spalten)
    fig, achsen = plt.subplots(zeilen, spalten, squeeze=False,
                               figsize=(3.4 * spalten, 3.6 * zeilen + 0.6))  # fmt: skip
    farben = mpl.colormaps[KARTENFARBEN].resampled(4)
    beschreibung = []
    gesperrt_namen: set[str] = set()
    for ax, spalte in zip(achsen.flat, indikatoren, strict=False):
        werte = pd.to_numeric(tabelle[spalte], errors="coerce").astype(float)
        daten_ = geo.assign(wert=geo["sozialraum"].map(werte))
        vorhanden = daten_["wert"].dropna()
        grenzen = np.unique(np.quantile(vorhanden, [0, 0.25, 0.5, 0.75, 1]))
        klasse = np.clip(np.searchsorted(grenzen, daten_["wert"], side="right") - 1, 0,
                         max(len(grenzen) - 2, 0))  # fmt: skip
        for i in range(max(len(grenzen) - 1, 1)):
            auswahl = daten_[(klasse == i) & daten_["wert"].notna()]
            if not auswahl.empty:
                auswahl.plot(ax=ax, color=farben(i), edgecolor="white", linewidth=0.4)
        ohne = daten_[daten_["wert"].isna()]
        if not ohne.empty:
            ohne.plot(ax=ax, color=GESPERRT_FARBE, edgecolor="white", hatch="///", linewidth=0.4)
            gesperrt_namen |= set(ohne["name"].astype(str))
        ax.set_axis_off()
        _seitenverhaeltnis(ax, geo)
        ax.set_title(
            textwrap.fill(BEZEICHNUNG.get(spalte, spalte), 34), fontsize=8.5, fontweight="normal"
        )
        hoch = daten_.loc[daten_["wert"].idxmax()]
        tief = daten_.loc[daten_["wert"].idxmin()]
        beschreibung.append(
            f"{BEZEICHNUNG.get(spalte, spalte)}: höchster Wert "
            f"{wert_text(hoch['wert'], einheit, 1)} in {hoch['name']}, niedrigster "
            f"{wert_text(tief['wert'], einheit, 1)} in {tief['name']}"
        )
    for ax in list(achsen.flat)[len(indikatoren) :]:
        fig.delaxes(ax)
    legende = [Patch(facecolor=farben(i), edgecolor="#999999", label=t)
               for i, t in enumerate(["1. Viertel (niedrig)", "2. Viertel", "3. Viertel",
                                      "4. Viertel (hoch)"])]  # fmt: skip
    if gesperrt_namen:
        legende.append(Patch(facecolor=GESPERRT_FARBE, hatch="///", edgecolor="#999999",
                             label="gesperrt / nicht bewertet (.)"))  # fmt: skip
    fig.suptitle(titel, x=0.01, ha="left", fontweight="bold")
    fig.legend(handles=legende, loc="lower center", ncol=len(legende), frameon=False, fontsize=8,
               bbox_to_anchor=(0.5, 0.0))  # fmt: skip
    fertig(fig, quelle, y=-0.02, rect=(0, 0.05, 1, 1))
    alt = (
        f"Kleine Vielfache „{titel}“: {len(indikatoren)} Karten der Sozialräume, je Karte "
        "vier Quantilklassen (dunkler = höher). " + "; ".join(beschreibung) + "."
    )
    if gesperrt_namen:
        alt += (
            " Grau schraffiert (gesperrt oder nicht bewertet): "
            + ", ".join(sorted(gesperrt_namen))
            + "."
        )
    return Grafik(fig, alt)


def praeventionskette_anzeige(kette: pd.DataFrame, mindestfallzahl: int = 3) -> pd.DataFrame:
    """Die Präventionskette als Text-Tabelle: Werte mit sensiblen Fallzahlen (Zähler oder
    Nenner 1 bis ``mindestfallzahl`` − 1), aus einem Nenner unter 20 oder aus einem kleinen
    Sozialraum (``kleinraum``) erscheinen als „.“;
    fehlende Sozialraumwerte (Datenlücke) als „–“ mit Hinweis."""
    from bimo.geheimhaltung import ist_primaer_gesperrt
    from bimo.kern.format import prozent

    sensibel = (
        ist_primaer_gesperrt(kette["zaehler"].fillna(0), mindestfallzahl)
        | ist_primaer_gesperrt(kette["nenner"].fillna(0), mindestfallzahl)
        | (kette["nenner"].fillna(np.inf) < 20)
    )
    if kette.attrs.get("kleinraum", False):  # kleiner Sozialraum: keine Quote zeigen
        sensibel = sensibel | kette["nenner"].notna()
    sr_text = []
    for wert, gesperrt in zip(kette["sozialraum"], sensibel, strict=True):
        sr_text.append(GEHEIM if gesperrt else ("–" if pd.isna(wert) else prozent(wert, 1)))
    abstand = [
        "" if (g or pd.isna(a)) else f"{'+' if a > 0 else ''}{zahl(a, 1)}"
        for a, g in zip(kette["abstand"], sensibel, strict=True)
    ]
    return pd.DataFrame(
        {
            "Etappe": kette["etappe"].astype(str),
            "Indikator": kette["bezeichnung"],
            "Sozialraum": sr_text,
            "Stadt": [prozent(w, 1) for w in kette["stadt"]],
            "Abstand (Prozentpunkte)": abstand,
            "Hinweis": kette["hinweis"],
        }
    )
