"""Produkte des Bildungsmonitorings und gute wie irreführende Grafiken.

Für die Kapitel „Produkte: vom Bildungsbericht zum Faktenblatt“ und „Kommunizieren
und Nutzung fördern“:

- :func:`produkte_fuer_zielgruppen` – welches Produkt für welches Publikum,
- :func:`berichtsabschnitt_fruehkindlich` – ein Abschnitt eines Bildungsberichts
  (Text aus den Daten, Grafik, geschützte Tabelle),
- :func:`datendossier_abschluesse` – ein kurzes Datendossier (vier Grafiken mit Kommentar),
- :func:`faktenblatt` – eine Seite je Kreis mit Kennzahlen im Landesvergleich (HTML),
- :func:`dashboard` – ein kleines Dashboard (Kreis und Indikator wählen → Grafik),
- :func:`balkendiagramm` und :func:`gegenueberstellung` – irreführende Grafiken
  („So nicht: …“) neben der besseren Fassung,
- :func:`klasseneinteilungen`, :func:`runde_grenzen` – Kartenklassen im Vergleich,
- :func:`datenstory` – Kontext, Befund, Vergleich, Bedeutung, Frage an die Runde.

Alle Zahlen kommen aus Musterland; Fallzahlen laufen durch :mod:`bimo.geheimhaltung`.
"""

from __future__ import annotations

import html
import io
import math
from dataclasses import dataclass
from functools import lru_cache

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

from bimo import daten, geheimhaltung, grafik, indikatoren
from bimo.fehler import ParameterFehler
from bimo.kern import format as zahlformat
from bimo.kern.darstellung import Tabelle, Text
from bimo.kern.format import GEHEIM, prozent, zahl

QUELLE = "Musterland (synthetische Daten), eigene Berechnung"
SO_NICHT = "So nicht: "
"""Titelvorsatz für absichtlich irreführende Beispielgrafiken."""

FAKTENBLATT_KENNZAHLEN = (
    "betreuungsquote_u3",
    "betreuungsquote_3_6",
    "uebergangsquote_gymnasium",
    "ohne_abschluss_anteil",
    "anteil_uebergangsbereich",
    "sgb2_quote_unter_15",
)
"""Die sechs Kennzahlen des Faktenblatts (Kennungen aus :mod:`bimo.indikatoren`)."""

DASHBOARD_KENNZAHLEN = FAKTENBLATT_KENNZAHLEN + ("jugendquotient", "vhs_belegungen_je_1000")


# --- Daten: geschützt, mit Namen -----------------------------------------------------------


@lru_cache(maxsize=32)
def _geschuetzt(kennung: str) -> geheimhaltung.Veroeffentlichung:
    tabelle = indikatoren.indikator(kennung).berechne(land=True)
    return geheimhaltung.schuetze_quoten(tabelle, summenzeile=daten.LAND_AGS)


def _name(ags: str) -> str:
    g = daten.gebiete()
    treffer = g.loc[g["ags"] == ags, "name"]
    if treffer.empty:
        raise ParameterFehler(f"Den Schlüssel „{ags}“ gibt es in Musterland nicht.")
    return str(treffer.iloc[0])


def _kreis(ags: object) -> str:
    from bimo.berichte import pruefe_kommune  # dieselbe Prüfung wie bei den Kommunalprofilen

    return pruefe_kommune(ags)


def _einheit(kennung: str) -> str:
    return "%" if indikatoren.indikator(kennung).einheit == "%" else ""


def _wert(wert: float, kennung: str, stellen: int = 1) -> str:
    return zahlformat.wert(wert, indikatoren.indikator(kennung).einheit, stellen)


def jahre(kennung: str) -> list[int]:
    """Die Jahre, für die es den Indikator ``kennung`` gibt (aufsteigend)."""
    return sorted(int(j) for j in _geschuetzt(kennung).tabelle["jahr"].unique())


def _pruefe_jahr(kennung: str, jahr: object) -> int:
    vorhanden = jahre(kennung)
    try:
        wert = int(str(jahr))
    except ValueError:
        raise ParameterFehler(f"Das Jahr „{jahr}“ ist keine ganze Zahl.") from None
    if wert not in vorhanden:
        raise ParameterFehler(
            f"Für „{indikatoren.indikator(kennung).name}“ gibt es {wert} keine Daten; "
            f"vorhanden sind {vorhanden[0]} bis {vorhanden[-1]}."
        )
    return wert


def kennzahl(kennung: str, jahr: int | None = None) -> pd.DataFrame:
    """Geschützte Werte eines Indikators mit Gebietsnamen (gesperrt = NaN).

    Spalten ``ags``, ``name``, ``jahr``, ``zaehler``, ``nenner``, ``wert``; mit ``jahr`` nur
    dieses Jahr. Das Land (Schlüssel ``17``) steht in der letzten Zeile jedes Jahres.
    """
    t = _geschuetzt(kennung).tabelle
    if jahr is not None:
        t = t[t["jahr"] == _pruefe_jahr(kennung, jahr)]
    t = daten.mit_namen(t.copy())
    for spalte in ("zaehler", "nenner", "wert"):
        t[spalte] = t[spalte].astype(float)
    return t.reset_index(drop=True)


def _ohne_land(t: pd.DataFrame) -> pd.DataFrame:
    return t[t["ags"] != daten.LAND_AGS].reset_index(drop=True)


def _land(t: pd.DataFrame) -> pd.Series:
    return t[t["ags"] == daten.LAND_AGS].iloc[0]


def _pp(abstand: float) -> str:
    """``'3,2 Prozentpunkte über'`` / ``'… unter'`` / ``'genau auf'``."""
    if round(abs(abstand), 1) == 0:
        return "genau auf"
    return f"{zahl(abs(abstand), 1)} Prozentpunkte {'über' if abstand > 0 else 'unter'}"


# --- Produktportfolio -----------------------------------------------------------------------


def produkte_fuer_zielgruppen() -> Tabelle:
    """Welches Produkt für welches Publikum – eine Orientierung (allgemeine Praxis)."""
    zeilen = [
        (
            "Politik (Ausschüsse, Kreistag, Rat)",
            "kurz, klare Botschaft, Vergleich, Bezug zu Entscheidungen",
            "Faktenblatt, Kurzanalyse, Bildungsjournal/Datendossier",
        ),
        (
            "Verwaltung (Ämter, Fachplanung)",
            "Zeitreihen, kleinräumige Werte, Definitionen, Tabellen",
            "Teilbericht, kommentierte Datensammlung, lokales Profil, Online-Datenbank/Dashboard",
        ),
        (
            "Fachöffentlichkeit (Träger, Schulen, Bildungsbüros)",
            "Zusammenhänge, Methoden, Einordnung",
            "Bildungsbericht, thematische Analyse",
        ),
        (
            "Öffentlichkeit (Eltern, Presse, Bürgerschaft)",
            "wenige Zahlen, verständliche Sprache, Bilder",
            "Faktenblatt, Bildungsjournal/Datendossier, Dashboard",
        ),
    ]
    return Tabelle(
        pd.DataFrame(zeilen, columns=["Zielgruppe", "braucht vor allem", "passende Produkte"])
    )


# --- (a) Abschnitt eines Bildungsberichts ---------------------------------------------------


@dataclass(frozen=True)
class Berichtsabschnitt:
    """Ein Abschnitt eines Bildungsberichts: Text aus den Daten, Grafik, geschützte Tabelle."""

    text: Text
    grafik: grafik.Grafik
    tabelle: Tabelle


def berichtsabschnitt_fruehkindlich(jahr: int) -> Berichtsabschnitt:
    """Der Abschnitt „Frühkindliche Bildung“ eines Bildungsberichts für ``jahr``.

    Alle Sätze werden aus den (geschützten) Zahlen formuliert.
    """
    jahr = _pruefe_jahr("betreuungsquote_u3", jahr)
    u3, ue3 = kennzahl("betreuungsquote_u3"), kennzahl("betreuungsquote_3_6", jahr)
    land_u3 = u3[u3["ags"] == daten.LAND_AGS].set_index("jahr")["wert"]
    erstes = int(land_u3.index.min())
    kreise = _ohne_land(u3[u3["jahr"] == jahr]).dropna(subset=["wert"])
    hoch, tief = kreise.loc[kreise["wert"].idxmax()], kreise.loc[kreise["wert"].idxmin()]
    darueber = int((kreise["wert"] > land_u3[jahr]).sum())
    ueber_100 = _ohne_land(ue3)
    ueber_100 = ueber_100[ueber_100["wert"] > 100]
    land_ue3 = _land(ue3)["wert"]
    saetze = [
        f"Am 1. März {jahr} wurden in Musterland {prozent(land_u3[jahr])} der Kinder unter "
        f"3 Jahren in einer Kindertageseinrichtung oder in öffentlich geförderter "
        f"Kindertagespflege betreut; {erstes} waren es {prozent(land_u3[erstes])}.",
        f"Zwischen den Kreisen liegen {zahl(hoch['wert'] - tief['wert'], 1)} Prozentpunkte: "
        f"von {prozent(tief['wert'])} in {tief['name']} bis {prozent(hoch['wert'])} in "
        f"{hoch['name']}. {darueber} von {len(kreise)} Kreisen liegen über dem Landeswert.",
        f"Bei den Kindern von 3 bis unter 6 Jahren ist die Betreuung nahezu flächendeckend "
        f"({prozent(land_ue3)} im Land).",
    ]
    if not ueber_100.empty:
        namen = ", ".join(ueber_100["name"])
        saetze.append(
            f"Über 100 % liegt {namen}: Kinder werden dort gezählt, wo sie betreut werden – "
            "auch Kinder aus dem Umland."
        )
    text = Text(" ".join(html.escape(s, quote=False) for s in saetze))
    abbildung = grafik.rangfolge(
        u3[u3["jahr"] == jahr],
        titel=f"Betreuungsquote der Kinder unter 3 Jahren {jahr}",
        quelle=QUELLE,
        referenz="Musterland",
        n="nenner",
    )
    tabelle = _tabelle_fruehkindlich(jahr)
    return Berichtsabschnitt(text, abbildung, tabelle)


def _tabelle_fruehkindlich(jahr: int) -> Tabelle:
    teile = []
    for kennung, gruppe in (("betreuungsquote_u3", "unter 3"), ("betreuungsquote_3_6", "3 bis 6")):
        v = _geschuetzt(kennung)
        anzeige = v.anzeige(stellen={"wert": 1}, prozentspalten=("wert",))
        anzeige = anzeige[v.tabelle["jahr"] == jahr][["ags", "zaehler", "wert"]]
        teile.append(
            anzeige.rename(
                columns={"zaehler": f"betreute Kinder {gruppe}", "wert": f"Quote {gruppe}"}
            ).set_index("ags")
        )
    t = daten.mit_namen(pd.concat(teile, axis=1).reset_index())
    return Tabelle(t.drop(columns="ags").rename(columns={"name": "Gebiet"}))


# --- (b) Datendossier -------------------------------------------------------------------------


@dataclass(frozen=True)
class Dossierseite:
    """Eine Grafik mit kurzem Kommentar (ein Baustein eines Datendossiers)."""

    titel: str
    grafik: grafik.Grafik
    kommentar: str

    def _repr_html_(self) -> str:
        return (
            f'<div class="bimo-dossierseite"><h4>{html.escape(self.titel)}</h4>'
            f"{self.grafik.html()}<p>{html.escape(self.kommentar)}</p></div>"
        )

    def __repr__(self) -> str:
        return f"{self.titel}\n{self.kommentar}\n[Grafik] {self.grafik.alt}"


def _abschluesse_je_kreis(jahr: int) -> pd.DataFrame:
    """Absolventen und Abgänger je Kreis und Abschluss (geschützt, gesperrt = NaN)."""
    ab = daten.lade("abgaenger")
    ab = ab[ab["jahr"] == jahr].groupby(["ags", "abschluss"], as_index=False)["wert"].sum()
    v = geheimhaltung.schuetze_anzahlen(ab, gruppe="abschluss")
    t = daten.mit_namen(v.tabelle)
    t["wert"] = t["wert"].astype(float)
    return t


REIHENFOLGE_ABSCHLUESSE = (
    "ohne Ersten Schulabschluss",
    "Erster Schulabschluss",
    "Mittlerer Schulabschluss",
    "Allgemeine Hochschulreife",
)


def datendossier_abschluesse(jahr: int) -> list[Dossierseite]:
    """Ein Datendossier „Schulabschlüsse“: vier Grafiken mit je einem Kommentar aus den Daten."""
    jahr = _pruefe_jahr("ohne_abschluss_anteil", jahr)
    anteil = kennzahl("ohne_abschluss_anteil")
    land = anteil[anteil["ags"] == daten.LAND_AGS].set_index("jahr")["wert"]
    erstes = int(land.index.min())
    im_jahr = anteil[anteil["jahr"] == jahr]
    kreise = _ohne_land(im_jahr).dropna(subset=["wert"])
    hoch = kreise.loc[kreise["wert"].idxmax()]
    seiten = []

    verlauf = anteil[anteil["ags"].isin([daten.LAND_AGS, hoch["ags"]])]
    seiten.append(
        Dossierseite(
            "1 Die Entwicklung",
            grafik.zeitreihe(
                verlauf,
                titel="Abgänger ohne Ersten Schulabschluss (Anteil an allen)",
                quelle=QUELLE,
                referenz="Musterland",
            ),
            f"Im Land verließen {jahr} {prozent(land[jahr])} der Absolventen und Abgänger "
            f"die allgemeinbildende Schule ohne Ersten Schulabschluss ({erstes}: "
            f"{prozent(land[erstes])}). Zum Vergleich eingezeichnet ist der Kreis mit dem "
            f"höchsten Wert {jahr}, {hoch['name']}.",
        )
    )
    land_jahr = land[jahr]
    seiten.append(
        Dossierseite(
            "2 Der Vergleich der Kreise",
            grafik.rangfolge(
                im_jahr,
                titel=f"Abgänger ohne Ersten Schulabschluss {jahr}",
                quelle=QUELLE,
                referenz="Musterland",
                n="nenner",
                hervorheben=hoch["name"],
            ),
            f"{int((kreise['wert'] > land_jahr).sum())} von {len(kreise)} Kreisen liegen über "
            f"dem Landeswert von {prozent(land_jahr)}. Hinter jeder Quote steht die Zahl aller "
            "Abgänger (n): Bei kleinen Jahrgängen schwankt die Quote von Jahr zu Jahr stärker.",
        )
    )
    abschluesse = _abschluesse_je_kreis(jahr)
    ab_land = abschluesse.groupby("abschluss")["wert"].sum()
    abi = ab_land["Allgemeine Hochschulreife"] / ab_land.sum() * 100
    seiten.append(
        Dossierseite(
            "3 Die Zusammensetzung der Abschlüsse",
            grafik.anteile(
                abschluesse,
                gruppe="name",
                kategorie="abschluss",
                wert="wert",
                titel=f"Absolventen und Abgänger nach Abschluss {jahr}",
                quelle=QUELLE,
                reihenfolge=REIHENFOLGE_ABSCHLUESSE,
            ),
            f"Jeder Balken ergänzt sich zu 100 %. Im ganzen Land erwarben {prozent(abi)} die "
            "allgemeine Hochschulreife; die Städte und Landkreise unterscheiden sich vor allem "
            "hier und beim Mittleren Schulabschluss.",
        )
    )
    summe = kennzahl("ohne_abschluss_quotensumme", jahr)
    beide = _ohne_land(im_jahr)[["ags", "name", "wert"]].merge(
        _ohne_land(summe)[["ags", "wert"]], on="ags", suffixes=("_abgaenger", "_jahrgang")
    )
    wechsel = _rangwechsel(beide)
    seiten.append(
        Dossierseite(
            "4 Zwei Definitionen, zwei Bilder",
            grafik.punktwolke(
                beide,
                x="wert_abgaenger",
                y="wert_jahrgang",
                name="name",
                titel=f"Ohne Ersten Schulabschluss {jahr}: zwei Definitionen",
                quelle=QUELLE,
                einheit_x="%",
                einheit_y="%",
                achse_x="Anteil an allen Abgängern",
                achse_y="Anteil am Altersjahrgang (Näherung)",
            ),
            "Gezählt am Schulort und bezogen auf alle Abgänger – oder bezogen auf die "
            f"gleichaltrige Bevölkerung: {wechsel} von {len(beide)} Kreisen wechseln mit der "
            "Definition ihren Rangplatz. Im Dossier gehört deshalb die Definition unter jede "
            "Grafik.",
        )
    )
    return seiten


def _rangwechsel(beide: pd.DataFrame) -> int:
    """Anzahl der Kreise, deren Rang sich zwischen den beiden Definitionen ändert."""
    r1 = beide["wert_abgaenger"].rank(ascending=False, method="min")
    r2 = beide["wert_jahrgang"].rank(ascending=False, method="min")
    return int((r1 != r2).sum())


# --- (c) Faktenblatt ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Kennzahl:
    """Eine Zeile des Faktenblatts: Wert des Kreises, des Landes und die Fallzahl."""

    kennung: str
    name: str
    wert: float
    land: float
    nenner: float
    einheit: str
    lesart: str

    @property
    def abstand(self) -> float:
        return self.wert - self.land

    def wert_text(self) -> str:
        return _wert(self.wert, self.kennung)

    def land_text(self) -> str:
        return _wert(self.land, self.kennung)

    def vergleich_text(self) -> str:
        if pd.isna(self.wert) or pd.isna(self.land):
            return "Vergleich nicht möglich (gesperrt)"
        if self.einheit == "%":
            return f"{_pp(self.abstand)} dem Land"
        richtung = "über" if self.abstand > 0 else "unter"
        return f"{zahl(abs(self.abstand), 1)} {richtung} dem Land"


@dataclass(frozen=True)
class Faktenblatt:
    """Eine Seite mit Kennzahlen eines Kreises im Vergleich mit dem Land (HTML und Text)."""

    ags: str
    name: str
    jahr: int
    kennzahlen: tuple[Kennzahl, ...]

    def _repr_html_(self) -> str:
        karten = []
        for k in self.kennzahlen:
            n = "" if pd.isna(k.nenner) else f" · n = {zahl(k.nenner)}"
            breite = _balkenbreiten(k)
            karten.append(
                '<div style="border:1px solid #ccc;border-radius:6px;padding:0.5em 0.7em">'
                f'<div style="font-size:0.85em;color:#444">{html.escape(k.name)}</div>'
                f'<div style="font-size:1.6em;font-weight:bold">{html.escape(k.wert_text())}</div>'
                f'<div style="font-size:0.85em">Land: {html.escape(k.land_text())} – '
                f"{html.escape(k.vergleich_text())}</div>"
                f'<div style="background:#0173b2;height:6px;width:{breite[0]}%;margin-top:4px"'
                ' title="Kreis"></div>'
                f'<div style="background:#999;height:6px;width:{breite[1]}%;margin-top:2px"'
                ' title="Land"></div>'
                f'<div style="font-size:0.75em;color:#555;margin-top:3px">Stand {self.jahr}{n}'
                "</div></div>"
            )
        return (
            '<div class="bimo-faktenblatt" style="max-width:46em;font-family:sans-serif">'
            f'<h3 style="margin-bottom:0.1em">Faktenblatt {html.escape(self.name)}</h3>'
            f'<div style="color:#444;margin-bottom:0.6em">Gemeindeschlüssel {html.escape(self.ags)}'
            f" · Berichtsjahr {self.jahr} · Vergleich mit dem Land Musterland</div>"
            '<div style="display:grid;grid-template-columns:repeat(auto-fill,minmax(13em,1fr));'
            f'gap:0.6em">{"".join(karten)}</div>'
            '<p style="font-size:0.75em;color:#555">Balken: Kreis (blau) und Land (grau). '
            f"Quelle: {html.escape(QUELLE)}. „.“ = Zahlenwert geheim zu halten (Fallzahl unter "
            f"{geheimhaltung.MINDESTFALLZAHL}).</p></div>"
        )

    def __repr__(self) -> str:
        zeilen = [f"Faktenblatt {self.name} ({self.ags}), {self.jahr}"]
        for k in self.kennzahlen:
            n = "" if pd.isna(k.nenner) else f", n = {zahl(k.nenner)}"
            zeilen.append(
                f"- {k.name}: {k.wert_text()} (Land {k.land_text()}; {k.vergleich_text()}{n})"
            )
        return "\n".join(zeilen)


def _balkenbreiten(k: Kennzahl) -> tuple[float, float]:
    groesster = max(v for v in (k.wert, k.land, 0.0) if not pd.isna(v)) or 1.0
    return tuple(0.0 if pd.isna(v) else round(v / groesster * 100, 1) for v in (k.wert, k.land))


def faktenblatt(ags: object, jahr: object) -> Faktenblatt:
    """Das Faktenblatt eines Kreises: sechs Kennzahlen mit Landeswert und Fallzahl.

    ``ags`` ist der fünfstellige Kreisschlüssel als Text, ``jahr`` das Berichtsjahr. Die
    Zahlen laufen durch die statistische Geheimhaltung; gesperrte Werte erscheinen als „.“.
    """
    ags = _kreis(ags)
    kennzahlen = []
    for kennung in FAKTENBLATT_KENNZAHLEN:
        ind = indikatoren.indikator(kennung)
        t = kennzahl(kennung, jahr).set_index("ags")
        kennzahlen.append(
            Kennzahl(
                kennung,
                ind.name,
                float(t.at[ags, "wert"]),
                float(t.at[daten.LAND_AGS, "wert"]),
                float(t.at[ags, "nenner"]),
                ind.einheit,
                ind.lesart,
            )
        )
    return Faktenblatt(ags, _name(ags), int(str(jahr)), tuple(kennzahlen))


# --- (d) Dashboard ------------------------------------------------------------------------------


def zeitreihe_kreis(ags: str, kennung: str) -> grafik.Grafik:
    """Zeitreihe eines Indikators für einen Kreis mit dem Land als Referenz (geschützt)."""
    t = kennzahl(kennung)
    t = t[t["ags"].isin([ags, daten.LAND_AGS])]
    ind = indikatoren.indikator(kennung)
    return grafik.zeitreihe(
        t,
        titel=ind.name,
        quelle=QUELLE,
        referenz="Musterland",
        einheit=ind.einheit if ind.einheit == "%" else "",
    )


class Dashboard:
    """Ein kleines Dashboard: Kreis und Indikator wählen, die Zeitreihe erscheint.

    Live reagiert es nur in einer laufenden Jupyter-Sitzung; im Buch ist der
    Anfangszustand gespeichert (ein statisches Bild).
    """

    def __init__(self, ags: str = "17101", kennung: str = "betreuungsquote_u3") -> None:
        import ipywidgets as w

        ags = _kreis(ags)
        if kennung not in DASHBOARD_KENNZAHLEN:
            raise ParameterFehler(
                f"Das Dashboard kennt „{kennung}“ nicht. "
                f"Möglich: {', '.join(DASHBOARD_KENNZAHLEN)}."
            )
        kreise = daten.kreise()
        self.kreis = w.Dropdown(
            options=[(f"{n} ({a})", a) for a, n in zip(kreise["ags"], kreise["name"], strict=True)],
            value=ags,
            description="Kreis:",
        )
        self.indikator = w.Dropdown(
            options=[(indikatoren.indikator(k).name, k) for k in DASHBOARD_KENNZAHLEN],
            value=kennung,
            description="Indikator:",
            layout=w.Layout(width="40em"),
            style={"description_width": "initial"},
        )
        self.bild = w.HTML()
        self.alt = ""
        self.kreis.observe(lambda _e: self.zeichnen(), names="value")
        self.indikator.observe(lambda _e: self.zeichnen(), names="value")
        self.oberflaeche = w.VBox([w.HBox([self.kreis, self.indikator]), self.bild])
        self.zeichnen()

    def zeichnen(self) -> None:
        abbildung = zeitreihe_kreis(self.kreis.value, self.indikator.value)
        self.alt = abbildung.alt
        self.bild.value = abbildung.html()

    def _repr_mimebundle_(self, include=None, exclude=None):  # noqa: ANN001 – IPython-API
        bundle = self.oberflaeche._repr_mimebundle_(include=include, exclude=exclude)
        bundle = dict(bundle) if bundle else {}
        bundle["text/plain"] = f"Dashboard – {self.alt}"
        return bundle


def dashboard(ags: str = "17101", kennung: str = "betreuungsquote_u3") -> Dashboard:
    """Ein Dashboard mit Auswahl von Kreis und Indikator (ipywidgets)."""
    return Dashboard(ags, kennung)


# --- Kommunizieren: gute und irreführende Grafiken ---------------------------------------------


def balkendiagramm(
    tabelle: pd.DataFrame,
    *,
    titel: str,
    wert: str = "wert",
    name: str = "name",
    einheit: str = "%",
    sortiert: bool = True,
    achse_ab_null: bool = True,
    quelle: str | None = QUELLE,
    n: str | None = None,
    referenz: tuple[str, float] | None = None,
    so_nicht: str | None = None,
) -> grafik.Grafik:
    """Senkrechte Balken mit schaltbaren Eigenschaften – für gute und schlechte Beispiele.

    ``sortiert=False`` lässt die Reihenfolge der Tabelle (z. B. nach Schlüssel),
    ``achse_ab_null=False`` schneidet die y-Achse knapp unter dem kleinsten Wert ab,
    ``quelle=None`` lässt die Quellenzeile weg, ``n`` (Spalte) schreibt die Fallzahl unter
    jeden Balken, ``referenz=(Name, Wert)`` zieht eine Linie. Mit ``so_nicht`` (dem Grund)
    wird die Grafik sichtbar als schlechtes Beispiel markiert: Titel „So nicht: …“, der
    Grund steht im Alternativtext.
    """
    grafik.stil()
    t = tabelle[[name, wert] + ([n] if n else [])].copy()
    t[wert] = pd.to_numeric(t[wert], errors="coerce").astype(float)
    t = t.dropna(subset=[wert])
    if sortiert:
        t = t.sort_values(wert, ascending=False, kind="stable")
    t = t.reset_index(drop=True)
    fig, ax = plt.subplots(figsize=(8.0, 4.4))
    ax.bar(range(len(t)), t[wert], color=grafik.PALETTE[0], width=0.7, zorder=2)
    beschriftung = [
        f"{nm}\n(n = {zahl(nn)})" if n and not pd.isna(nn) else str(nm)
        for nm, nn in zip(t[name], t[n] if n else [None] * len(t), strict=True)
    ]
    ax.set_xticks(range(len(t)), beschriftung, rotation=60, ha="right", fontsize=8)
    unten = 0.0
    if not achse_ab_null:
        spanne = t[wert].max() - t[wert].min()
        unten = math.floor(t[wert].min() - spanne * 0.1)
        ax.set_ylim(bottom=unten, top=t[wert].max() + spanne * 0.05)
    else:
        ax.set_ylim(bottom=0, top=t[wert].max() * 1.1)
    if referenz is not None:
        ax.axhline(referenz[1], color=grafik.REFERENZFARBE, linestyle="--", linewidth=1.5, zorder=3)
        ax.legend(
            handles=[
                plt.Line2D(
                    [],
                    [],
                    color=grafik.REFERENZFARBE,
                    linestyle="--",
                    label=f"{referenz[0]}: {_einheit_text(referenz[1], einheit)}",
                )
            ],
            frameon=False,
            loc="upper right",
            fontsize=8.5,
        )
    ax.yaxis.set_major_formatter(grafik.DeutscheAchse(einheit))
    ax.grid(axis="x", visible=False)
    voller_titel = (SO_NICHT + titel) if so_nicht else titel
    ax.set_title(voller_titel, **({"color": "#b35806"} if so_nicht else {}))
    fig.tight_layout()
    if quelle is not None:
        grafik.fertig(fig, quelle)
    else:
        plt.close(fig)
    hoch, tief = t.loc[t[wert].idxmax()], t.loc[t[wert].idxmin()]
    alt = (
        f"Säulendiagramm „{voller_titel}“, {len(t)} Gebiete, "
        + ("absteigend sortiert" if sortiert else "in der Reihenfolge der Schlüssel")
        + f"; höchster Wert {_einheit_text(hoch[wert], einheit)} in {hoch[name]}, niedrigster "
        f"{_einheit_text(tief[wert], einheit)} in {tief[name]}; die y-Achse beginnt bei "
        f"{_einheit_text(unten, einheit)}"
        + (f"; Linie {referenz[0]} {_einheit_text(referenz[1], einheit)}" if referenz else "")
        + ("; mit Fallzahl n an jedem Balken" if n else "")
        + ("" if quelle is not None else "; ohne Quellenangabe")
        + "."
    )
    if so_nicht:
        alt = f"Schlechtes Beispiel ({so_nicht}). " + alt
    return grafik.Grafik(fig, alt)


def _einheit_text(wert: float, einheit: str) -> str:
    return zahlformat.wert(wert, einheit, 1)


def tortendiagramm(
    tabelle: pd.DataFrame, *, titel: str, wert: str = "wert", name: str = "name"
) -> grafik.Grafik:
    """Ein Tortendiagramm – als schlechtes Beispiel markiert („So nicht: …“)."""
    grafik.stil()
    t = tabelle[[name, wert]].copy()
    t[wert] = pd.to_numeric(t[wert], errors="coerce").astype(float)
    t = t.dropna(subset=[wert]).reset_index(drop=True)
    fig, ax = plt.subplots(figsize=(7.0, 5.0))
    farben = list(grafik.PALETTE) * 2
    ax.pie(t[wert], labels=t[name], colors=farben[: len(t)], textprops={"fontsize": 8})
    ax.set_title(SO_NICHT + titel, color="#b35806")
    grafik.fertig(fig, QUELLE)
    alt = (
        f"Schlechtes Beispiel (zu viele Tortenstücke). Tortendiagramm „{SO_NICHT}{titel}“ mit "
        f"{len(t)} Stücken; ähnlich große Stücke sind mit dem Auge kaum zu unterscheiden."
    )
    return grafik.Grafik(fig, alt)


def kita_gemeinden(kreis: str, jahr: int, altersgruppe: str = "unter 3") -> pd.DataFrame:
    """Betreuungsquote je Gemeinde eines Kreises (Nenner: 31.12. des Vorjahres), geschützt.

    Spalten ``ags``, ``name``, ``zaehler`` (betreute Kinder), ``nenner`` (Kinder), ``wert``.
    """
    kita = daten.lade("kindertagesbetreuung_gemeinden")
    bev = daten.lade("bevoelkerung_gemeinden")
    vorhanden = sorted(set(kita["jahr"]) & set(bev["jahr"] + 1))
    if jahr not in vorhanden:
        raise ParameterFehler(
            f"Für {jahr} gibt es keine Gemeindedaten; "
            f"vorhanden: {vorhanden[0]} bis {vorhanden[-1]}."
        )

    def auswahl(tab: pd.DataFrame, j: int) -> pd.DataFrame:
        return tab[
            tab["ags"].str.startswith(kreis)
            & (tab["jahr"] == j)
            & (tab["altersgruppe"] == altersgruppe)
        ][["ags", "wert"]]

    t = auswahl(kita, jahr).merge(auswahl(bev, jahr - 1), on="ags", suffixes=("_z", "_n"))
    t = t.rename(columns={"wert_z": "zaehler", "wert_n": "nenner"}).assign(jahr=jahr)
    t["wert"] = t["zaehler"] / t["nenner"] * 100
    v = geheimhaltung.schuetze_quoten(t)
    t = daten.mit_namen(v.tabelle)
    for spalte in ("zaehler", "nenner", "wert"):
        t[spalte] = t[spalte].astype(float)
    return t.sort_values("ags").reset_index(drop=True)


def _png(g: grafik.Grafik, dpi: int) -> bytes:
    """Das Bild mit geringerer Auflösung (für zwei Grafiken nebeneinander genügt sie)."""
    puffer = io.BytesIO()
    g.figur.savefig(puffer, format="png", dpi=dpi, bbox_inches="tight", metadata={"Software": None})
    return puffer.getvalue()


@dataclass(frozen=True)
class Gegenueberstellung:
    """Ein irreführendes und ein besseres Diagramm nebeneinander, mit Begründung."""

    thema: str
    schlecht: grafik.Grafik
    gut: grafik.Grafik
    warum: str

    def _repr_html_(self) -> str:
        def spalte(g: grafik.Grafik, etikett: str, farbe: str) -> str:
            bild = g.html(_png(g, dpi=90)).replace("<img ", '<img style="max-width:100%" ', 1)
            return (
                f'<div style="flex:1 1 22em;min-width:18em"><div style="font-weight:bold;'
                f'color:{farbe}">{etikett}</div>'
                f"{bild}</div>"
            )

        return (
            f'<div class="bimo-gegenueberstellung"><div style="display:flex;flex-wrap:wrap;'
            f'gap:1em">{spalte(self.schlecht, "✘ So nicht", "#b35806")}'
            f"{spalte(self.gut, '✔ Besser', '#1b7837')}</div>"
            f"<p><strong>Warum?</strong> {html.escape(self.warum)}</p></div>"
        )

    def __repr__(self) -> str:
        return f"{self.thema}\n✘ {self.schlecht.alt}\n✔ {self.gut.alt}\nWarum? {self.warum}"


THEMEN = ("achse", "sortierung", "karte", "torte", "referenz", "fallzahl")
"""Die Themen der Gegenüberstellungen im Kapitel „Kommunizieren“."""


def gegenueberstellung(thema: str, jahr: int = 2024) -> Gegenueberstellung:
    """Ein irreführendes Diagramm („So nicht: …“) neben der besseren Fassung.

    ``thema``: ``achse`` (abgeschnittene Achse), ``sortierung`` (unsortierte Balken),
    ``karte`` (Anzahlen statt Quoten), ``torte`` (viele Tortenstücke), ``referenz``
    (fehlende Vergleichslinie), ``fallzahl`` (Quote ohne n).
    """
    if thema not in THEMEN:
        raise ParameterFehler(f"Unbekanntes Thema „{thema}“. Möglich: {', '.join(THEMEN)}.")
    return {
        "achse": _paar_achse,
        "sortierung": _paar_sortierung,
        "karte": _paar_karte,
        "torte": _paar_torte,
        "referenz": _paar_referenz,
        "fallzahl": _paar_fallzahl,
    }[thema](jahr)


def _paar_achse(jahr: int) -> Gegenueberstellung:
    t = _ohne_land(kennzahl("uebergangsquote_gymnasium", jahr))
    titel = f"Übergangsquote auf das Gymnasium {jahr}"
    schlecht = balkendiagramm(t, titel=titel, achse_ab_null=False, so_nicht="Achse nicht bei null")
    gut = balkendiagramm(t, titel=titel)
    verhaeltnis = t["wert"].max() / t["wert"].min()
    return Gegenueberstellung(
        "Abgeschnittene Achse",
        schlecht,
        gut,
        "Bei Balken trägt die Länge die Information. Beginnt die Achse nicht bei null, wirkt "
        f"der höchste Balken ein Vielfaches des niedrigsten – tatsächlich ist der Wert nur "
        f"{zahl(verhaeltnis, 1)}-mal so groß.",
    )


def _paar_sortierung(jahr: int) -> Gegenueberstellung:
    t = _ohne_land(kennzahl("sgb2_quote_unter_15", jahr))
    titel = f"SGB-II-Quote der unter 15-Jährigen {jahr}"
    schlecht = balkendiagramm(t, titel=titel, sortiert=False, so_nicht="unsortiert")
    gut = balkendiagramm(t, titel=titel)
    return Gegenueberstellung(
        "Unsortierte Balken",
        schlecht,
        gut,
        "In der Reihenfolge der Schlüssel muss das Auge hin und her springen, um Rangfolge "
        "und Abstände zu erkennen. Sortiert ist die Reihenfolge sofort ablesbar.",
    )


def _paar_karte(jahr: int) -> Gegenueberstellung:
    geo = daten.lade_geometrie()
    t = _ohne_land(kennzahl("sgb2_quote_unter_15", jahr))
    anzahlen = t.assign(wert=t["zaehler"])
    schlecht = grafik.karte(
        geo,
        anzahlen[["ags", "wert"]],
        titel=f"{SO_NICHT}Kinder unter 15 mit SGB II {jahr}",
        quelle=QUELLE,
        einheit="Kinder",
        stellen=0,
        klassen=4,
    )
    schlecht = grafik.Grafik(
        schlecht.figur, "Schlechtes Beispiel (Anzahlen statt Quoten auf der Karte). " + schlecht.alt
    )
    gut = grafik.karte(
        geo, t[["ags", "wert"]], titel=f"SGB-II-Quote der unter 15-Jährigen {jahr}", quelle=QUELLE,
        klassen=4,
    )  # fmt: skip
    groesste = t.loc[t["zaehler"].idxmax(), "name"]
    return Gegenueberstellung(
        "Anzahlen auf der Karte",
        schlecht,
        gut,
        "Eine Karte der Anzahlen zeigt vor allem, wo viele Menschen wohnen: Die meisten Kinder "
        f"mit SGB II leben in {groesste}. Ob ein Kreis stärker betroffen ist, zeigt erst die "
        "Quote – Flächenfarben brauchen Verhältniszahlen.",
    )


def _paar_torte(jahr: int) -> Gegenueberstellung:
    kreis = "17153"
    jahr = min(jahr, max(daten.lade("kindertagesbetreuung_gemeinden")["jahr"]))
    t = kita_gemeinden(kreis, jahr)
    titel = f"Betreute Kinder unter 3 Jahren je Gemeinde, {_name(kreis)} {jahr}"
    schlecht = tortendiagramm(t.assign(wert=t["zaehler"]), titel=titel)
    gut = grafik.rangfolge(
        t.assign(wert=t["zaehler"]), titel=titel, quelle=QUELLE, einheit="Kinder", stellen=0
    )
    return Gegenueberstellung(
        "Torte mit vielen Stücken",
        schlecht,
        gut,
        f"{len(t)} Stücke sind zu viele: Winkel und Flächen ähnlich großer Stücke kann das Auge "
        "nicht vergleichen, die Beschriftungen drängeln sich. Sortierte Balken zeigen dieselben "
        "Zahlen mit ablesbaren Werten.",
    )


def _paar_referenz(jahr: int) -> Gegenueberstellung:
    t = kennzahl("betreuungsquote_u3", jahr)
    titel = f"Betreuungsquote der Kinder unter 3 Jahren {jahr}"
    ohne = grafik.rangfolge(_ohne_land(t), titel=SO_NICHT + titel, quelle=QUELLE)
    ohne = grafik.Grafik(ohne.figur, "Schlechtes Beispiel (keine Vergleichslinie). " + ohne.alt)
    mit = grafik.rangfolge(t, titel=titel, quelle=QUELLE, referenz="Musterland")
    return Gegenueberstellung(
        "Fehlende Vergleichslinie",
        ohne,
        mit,
        "Ohne Vergleichswert bleibt offen, ob ein Wert hoch oder niedrig ist. Die Linie des "
        f"Landes ({prozent(_land(t)['wert'])}) teilt die Kreise in „darüber“ und „darunter“.",
    )


def _paar_fallzahl(jahr: int) -> Gegenueberstellung:
    kreis = "17252"
    jahr = min(jahr, max(daten.lade("kindertagesbetreuung_gemeinden")["jahr"]))
    t = kita_gemeinden(kreis, jahr)
    titel = f"Betreuungsquote unter 3 Jahren je Gemeinde, {_name(kreis)} {jahr}"
    ohne = grafik.rangfolge(t, titel=SO_NICHT + titel, quelle=QUELLE)
    ohne = grafik.Grafik(ohne.figur, "Schlechtes Beispiel (Quote ohne n). " + ohne.alt)
    mit = grafik.rangfolge(t, titel=titel, quelle=QUELLE, n="nenner")
    klein = t.dropna(subset=["nenner"]).sort_values("nenner").iloc[0]
    return Gegenueberstellung(
        "Quote ohne Fallzahl",
        ohne,
        mit,
        f"In der kleinsten Gemeinde ({klein['name']}) stehen hinter der Quote nur "
        f"{zahl(klein['nenner'])} Kinder: Ein Kind mehr oder weniger verschiebt sie um "
        f"{zahl(100 / klein['nenner'], 1)} Prozentpunkte. Erst das n zeigt, wie belastbar "
        "eine Quote ist.",
    )


# --- Kartenklassen ------------------------------------------------------------------------------


def runde_grenzen(werte: pd.Series, klassen: int = 5) -> list[float]:
    """Runde, von Hand gesetzte Klassengrenzen: gleich breite Stufen mit „glatter“ Breite
    (1, 2, 2,5 oder 5 mal eine Zehnerpotenz), die alle Werte umfassen."""
    werte = pd.to_numeric(werte, errors="coerce").dropna()
    if werte.empty:
        return []
    roh = (werte.max() - werte.min()) / klassen or 1.0
    potenz = 10 ** math.floor(math.log10(roh))
    schritt = next(f * potenz for f in (1, 2, 2.5, 5, 10) if f * potenz >= roh)
    unten = math.floor(werte.min() / schritt) * schritt
    grenzen = [unten + i * schritt for i in range(klassen + 2)]
    while len(grenzen) > 2 and grenzen[-2] >= werte.max():
        grenzen.pop()
    return [round(g, 6) for g in grenzen]


METHODEN = {
    "gleich": "gleiche Intervalle",
    "quantile": "Quantile (gleich viele Kreise je Klasse)",
    "rund": "runde Grenzen von Hand",
}


def grenzen(werte: pd.Series, methode: str, klassen: int = 5) -> list[float]:
    """Klassengrenzen nach ``methode`` (``gleich``, ``quantile`` oder ``rund``)."""
    if methode == "rund":
        return runde_grenzen(werte, klassen)
    return grafik.klassengrenzen(werte, klassen, methode)


def klasseneinteilungen(
    kennung: str, jahr: int, klassen: int = 5, ags: str | None = None
) -> Tabelle:
    """Dieselben Werte, drei Klasseneinteilungen: Grenzen und Kreise je Klasse.

    Mit ``ags`` zeigt eine Spalte, in welcher Klasse (1 = niedrigste) dieser Kreis landet.
    """
    t = _ohne_land(kennzahl(kennung, jahr)).dropna(subset=["wert"])
    zeilen = []
    for methode, beschreibung in METHODEN.items():
        g = grenzen(t["wert"], methode, klassen)
        klasse = np.clip(np.searchsorted(g, t["wert"], side="right") - 1, 0, len(g) - 2)
        anzahl = np.bincount(klasse, minlength=len(g) - 1)
        zeile = {
            "Einteilung": beschreibung,
            "Grenzen": " | ".join(zahl(x, 1) for x in g),
            "Kreise je Klasse": " | ".join(str(a) for a in anzahl),
        }
        if ags is not None:
            wo = t.index[t["ags"] == ags]
            zeile[f"Klasse von {_name(ags)}"] = (
                f"{int(klasse[t.index.get_loc(wo[0])]) + 1} von {len(g) - 1}" if len(wo) else GEHEIM
            )
        zeilen.append(zeile)
    return Tabelle(pd.DataFrame(zeilen))


def karte_klassen(kennung: str, jahr: int, methode: str, klassen: int = 5) -> grafik.Grafik:
    """Karte eines Indikators mit der Klasseneinteilung ``methode`` (siehe :data:`METHODEN`)."""
    if methode not in METHODEN:
        raise ParameterFehler(f"Unbekannte Einteilung „{methode}“. Möglich: {', '.join(METHODEN)}.")
    t = _ohne_land(kennzahl(kennung, jahr))
    ind = indikatoren.indikator(kennung)
    return grafik.karte(
        daten.lade_geometrie(),
        t[["ags", "wert"]],
        titel=f"{ind.name} {jahr} – {METHODEN[methode]}",
        quelle=QUELLE,
        einheit=ind.einheit if ind.einheit == "%" else "",
        grenzen=grenzen(t["wert"], methode, klassen),
    )


# --- Datenstory -----------------------------------------------------------------------------------


def datenstory(ags: object, kennung: str, jahr: int) -> Text:
    """Eine kurze Datenstory für einen Kreis: Kontext → Befund → Vergleich → Bedeutung → Frage.

    Jede Zahl kommt aus den geschützten Daten; der Text ist ein Entwurf, den die
    Fachleute vor Ort um ihr Wissen ergänzen.
    """
    ags = _kreis(ags)
    ind = indikatoren.indikator(kennung)
    alle = kennzahl(kennung)
    t = alle[alle["jahr"] == _pruefe_jahr(kennung, jahr)].set_index("ags")
    name = html.escape(_name(ags), quote=False)
    wert, land = t.at[ags, "wert"], t.at[daten.LAND_AGS, "wert"]
    if pd.isna(wert):
        return Text(f"Für {name} ist „{ind.name}“ {jahr} gesperrt – keine Datenstory möglich.")
    kreise = _ohne_land(t.reset_index()).dropna(subset=["wert"])
    rang = int((kreise["wert"] > wert).sum()) + 1
    verlauf = alle[alle["ags"] == ags].dropna(subset=["wert"]).set_index("jahr")["wert"]
    erstes = int(verlauf.index.min())
    einheit_pp = "Prozentpunkte" if ind.einheit == "%" else ind.einheit
    abstand = wert - land
    richtung = "über" if abstand > 0 else "unter"
    teile = [
        ("Kontext", f"{ind.definition}"),
        (
            "Befund",
            f"{jahr} lag der Wert in {name} bei {_wert(wert, kennung)} "
            f"(n = {zahl(t.at[ags, 'nenner'])}).",
        ),
        (
            "Vergleich",
            f"Das sind {zahl(abs(abstand), 1)} {einheit_pp} {richtung} dem Land "
            f"({_wert(land, kennung)}); Rang {rang} von {len(kreise)} Kreisen (1 = höchster "
            f"Wert). {erstes} lag der Wert bei {_wert(verlauf[erstes], kennung)}.",
        ),
        ("Bedeutung", f"{ind.lesart} Ein Befund ist noch keine Ursache."),
        (
            "Frage an die Runde",
            f"Woran kann es liegen, dass {name} {richtung} dem Landeswert liegt – und welche "
            "Information bräuchten wir, um das zu entscheiden?",
        ),
    ]
    return Text("\n\n".join(f"**{kopf}:** {satz}" for kopf, satz in teile))
