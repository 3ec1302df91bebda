"""Was liegt im Datenordner? Ein Inventar der Exporte – und warum eine Datei (nicht) zählt.

:func:`inventar` liest jede Datei eines Ordners und sagt auf Deutsch, was sie ist: Tabelle
und Titel, Stand, Jahre, Zahl der Gebiete (Länder, Kreise, Gemeinden), welche Indikatoren
des Registers sie speist – oder **warum sie nicht verwendet wird** (keine Tabelle, die bimo
kennt; eine GENESIS-Online-Tabelle ohne Gebietsschlüssel; unlesbar, mit der Meldung des
Lesers; ein Download derselben Tabelle mit weniger Jahren; …). Nichts wird still
übergangen: ``bimo daten pruefen ORDNER`` druckt dieses Inventar, und jeder Bericht aus dem
Ordner endet mit ihm.

:func:`lies_ordner` macht die Arbeit für :mod:`bimo.berichte.datenbasis`: Es wählt je
Tabelle des Registers die Dateien (mehrere Downloads derselben Tabelle ergänzen sich um
Jahre; bei gleichem Jahr gilt der neuere Stand), bringt sie in die ordentliche Form der
Indikatoren (:data:`bimo.indikatoren.adapter.ADAPTER`), vereinheitlicht den Gebietsstand
(:func:`bimo.daten.umschluesseln`) und macht Berlin (``11``) und Hamburg (``02``), die in
Kreistabellen nur als Länder stehen, zu den Kreisen ``11000`` und ``02000``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from bimo.daten import katalog
from bimo.daten.gebietsstand import umschluesseln, umstieg_goettingen_osterode
from bimo.daten.regionalstatistik import lese_regionalstatistik
from bimo.fehler import BimoFehler, DatenFehler

__all__ = [
    "EINRICHTUNGSKINDER",
    "STADTSTAATEN",
    "Bestand",
    "gemeindeschluessel",
    "gemeindetabellen",
    "gemeindewerte",
    "umstiege",
    "Dateieintrag",
    "als_markdown",
    "als_text",
    "inventar",
    "lies_ordner",
    "setze_speist",
    "tabellen_fuer",
]

STADTSTAATEN = {"02": ("02000", "Hamburg"), "11": ("11000", "Berlin")}
"""Länder ohne Kreisebene: Landesschlüssel → (Kreisschlüssel, Name)."""

_ENDUNGEN = (".csv", ".zip", ".txt")
EINRICHTUNGSKINDER = "kindertagesbetreuung_in_einrichtungen"
"""Name der Tabelle „Kinder in Tageseinrichtungen“ (für Kinder je Einrichtung)."""
_GEOMETRIE = (".geojson", ".json")

# Warum bimo eine bekannte Tabelle (noch) nicht in Indikatoren rechnet.
_GRUENDE = {
    "12411-01-01-4": "Bevölkerung ohne Altersgruppen; die Indikatoren des Registers brauchen "
    "die Altersgruppen aus 12411-02-03-4 (die VHS-Kennzahlen je Einwohner haben keine "
    "amtliche Quelle in der Regionaldatenbank).",
    "12411-08-01-4-B": "fertige Jugend- und Altenquotienten ohne Zähler und Nenner; die "
    "Geheimhaltung braucht Zählwerte – bimo rechnet beide Quotienten aus 12411-02-03-4.",
    "11111-01-01-4": "Gebietsfläche – kein Indikator des Registers braucht sie.",
    "22543-01-01-4": "Reihe 2007–2010, deren „Insgesamt“ Kinder in Einrichtung und "
    "Tagespflege doppelt zählt; bimo nimmt 22543-01-02-4 (ab 2011, ohne Doppelzählungen).",
    "22541-01-01-4": "Reihe bis 2002 (Stichtag 31.12.); Kinder je Einrichtung rechnet bimo mit "
    "22541-01-04-4 (ab 2006, Stichtag 01.03.), passend zu den Kinderzahlen ab 2011.",
    "22542-01-02-4": "Einrichtungen der Kinder- und Jugendhilfe ohne Kitas – kein Indikator "
    "des Registers.",
    "21111-01-03-4": "die Förderschulbesuchsquote braucht Schülerinnen und Schüler der "
    "Klassenstufen 1 bis 10; die Tabelle zählt alle nach Schulart, ohne Klassenstufen.",
    "21121-01-02-4": "berufliche Schulen: die iABE-Indikatoren des Registers lassen sich aus "
    "Schularten nicht rechnen (Sektoren sind keine Schularten).",
    "13211-02-05-4": "Arbeitslose: das Register hat (noch) keinen Arbeitslosen-Indikator.",
    "AI003-2": "veröffentlichte Quoten des Regionalatlas (Prozent) zum Vergleich, keine "
    "Zählwerte; bimo rechnet die Quoten selbst aus 22543, 12411 und 21111.",
}

# Zusammenlegungen von Kreisen: (Umstiegsschlüssel, Satz für den Bericht).
# Göttingen/Osterode steht in bimo.daten.gebietsstand; Eisenach → Wartburgkreis (01.07.2021)
# gehört ebenfalls dorthin.
_EISENACH = pd.DataFrame(
    {
        "ags_alt": pd.array(["16056"], dtype="string"),
        "ags_neu": pd.array(["16063"], dtype="string"),
        "anteil": [1.0],
        "name_neu": pd.array(["Wartburgkreis"], dtype="string"),
    }
)
_EISENACH.attrs["gueltig_ab"] = "01.07.2021"
_MUSTERLAND = pd.DataFrame(
    {
        "ags_alt": pd.array(["17154", "17156"], dtype="string"),
        "ags_neu": pd.array(["17159", "17159"], dtype="string"),
        "anteil": [1.0, 1.0],
        "name_neu": pd.array(["Fichtenau-Moorland, Landkreis"] * 2, dtype="string"),
    }
)


def umstiege() -> list[tuple[pd.DataFrame, str]]:
    return [
        (
            umstieg_goettingen_osterode(),
            "die Landkreise Göttingen (03152) und Osterode am Harz (03156), seit dem "
            "01.11.2016 Landkreis Göttingen (03159)",
        ),
        (
            _EISENACH,
            "die kreisfreie Stadt Eisenach (16056), seit dem 01.07.2021 im Wartburgkreis (16063)",
        ),
        (
            _MUSTERLAND,
            "die Musterland-Landkreise Fichtenau (17154) und Moorland (17156), seit dem "
            "01.01.2019 Landkreis Fichtenau-Moorland (17159)",
        ),
    ]


@dataclass
class Dateieintrag:
    """Eine Datei des Ordners im Inventar."""

    datei: str
    tabelle: str | None = None
    titel: str = ""
    stand: str | None = None
    jahre: tuple[int, ...] = ()
    gebiete: dict[str, int] = field(default_factory=dict)
    katalog: str | None = None
    rolle: str | None = None
    speist: tuple[tuple[str, str], ...] = ()
    grund: str = ""
    hinweise: list[str] = field(default_factory=list)
    gemeinden: int = 0  # Gemeindetabelle, die Gemeindeprofile speist: ihre Gemeinden
    gemeinderolle: str | None = None  # als welche Tabelle des Registers (Gemeindezeilen)

    @property
    def verwendet(self) -> bool:
        return not self.grund

    def _beschreibung(self) -> str:
        teile = []
        if self.tabelle:
            teile.append(f"Tabelle {self.tabelle}" + (f" „{self.titel}“" if self.titel else ""))
        if self.stand:
            teile.append(f"Stand {self.stand}")
        if self.jahre:
            j = self.jahre
            teile.append(f"Jahr {j[0]}" if len(j) == 1 else f"Jahre {j[0]}–{j[-1]} ({len(j)})")
        namen = {"Land": "Länder", "Kreis": "Kreise", "Gemeinde": "Gemeinden"}
        gebiete = [
            f"{self.gebiete[e]} {e if self.gebiete[e] == 1 else n}"
            for e, n in namen.items()
            if self.gebiete.get(e)
        ]
        if gebiete:
            teile.append(", ".join(gebiete))
        return "; ".join(teile)

    def zeile(self) -> str:
        """Eine Zeile Text, z. B. „21111-02-06-4_stand2026.csv: Tabelle … – speist …“."""
        text = f"{self.datei}: {self._beschreibung() or 'keine Tabelle'}"
        if self.verwendet:
            speist = [f"{k} ({n})" for k, n in self.speist]
            if self.gemeinden:
                speist.append(f"Gemeindeprofile ({self.gemeinden} Gemeinden in der Datei)")
            text += f" – speist {', '.join(speist)}" if speist else " – verwendet"
        else:
            text += f" – nicht verwendet: {self.grund}"
        for h in self.hinweise:
            text += f". {h}" if not text.endswith(".") else f" {h}"
        return text


@dataclass
class Bestand:
    """Was :func:`lies_ordner` aus einem Ordner macht.

    ``kreise``/``laender``: je Tabelle des Registers die ordentliche Form (Kreise inkl.
    ``02000``/``11000``; Länder aus den amtlichen Landeszeilen); ``namen``: Schlüssel → Name;
    ``hinweise``: deutsche Sätze für den Bericht (Gebietsstand u. Ä.); ``gemeinden``: je
    Tabelle die Gemeindetabellen (``…-5``) mit ihrem Adapter, noch ungeformt – daraus rechnet
    :mod:`bimo.berichte.datenbasis` Gemeindeprofile (:func:`gemeindetabellen`).
    """

    ordner: Path
    eintraege: list[Dateieintrag]
    kreise: dict[str, pd.DataFrame]
    laender: dict[str, pd.DataFrame]
    namen: dict[str, str]
    hinweise: list[str]
    quellen: list[str]
    lizenz: bool = False
    geometrie: Path | None = None
    gemeinden: dict[str, list[tuple[pd.DataFrame, Callable]]] = field(default_factory=dict)


def _jahre(t: pd.DataFrame) -> tuple[int, ...]:
    return tuple(sorted({int(j) for j in t["jahr"].dropna().unique()}))


def _metadaten(eintrag: Dateieintrag, t: pd.DataFrame) -> None:
    eintrag.tabelle = str(t.attrs.get("tabelle") or "") or None
    eintrag.titel = _titel(t)
    eintrag.stand = (str(t.attrs.get("stand") or "").split("/")[0].strip()) or None
    eintrag.jahre = _jahre(t)
    eintrag.gebiete = {
        e: int(n) for e, n in t.drop_duplicates("ags")["ebene"].value_counts().items()
    }


def _titel(t: pd.DataFrame) -> str:
    """Der Titel: aus dem Katalog, sonst die Titelzeilen der Datei (ohne „regionale Tiefe“)."""
    e = katalog.erkenne(t)
    if e is not None:
        return e.titel
    zeilen = [z.strip(" ;") for z in str(t.attrs.get("titel") or "").split("\n")]
    zeilen = [z for z in zeilen if z and not z.lower().startswith("regionale tiefe")]
    text = re.sub(r"\s+", " ", " ".join(zeilen[:2])).strip()
    return text if len(text) <= 120 else text[:117].rstrip() + " …"


def _lies(pfad: Path) -> tuple[Dateieintrag, pd.DataFrame | None]:
    eintrag = Dateieintrag(pfad.name)
    endung = pfad.suffix.lower()
    if endung in _GEOMETRIE:
        eintrag.grund = "Kreisflächen (GeoJSON) – keine Tabelle; sie zeichnen die Karten."
        return eintrag, None
    if endung not in _ENDUNGEN:
        eintrag.grund = (
            f"keine Tabellendatei (Endung „{pfad.suffix or 'ohne'}“); bimo liest CSV-Exporte "
            "der Regionaldatenbank und ZIP-Dateien mit einem solchen Export."
        )
        return eintrag, None
    try:
        t = lese_regionalstatistik(pfad)
    except BimoFehler as fehler:
        eintrag.grund = f"nicht lesbar – {fehler}"
        return eintrag, None
    except Exception as fehler:  # noqa: BLE001 – nie ein Traceback aus einer echten Datei
        eintrag.grund = f"nicht lesbar (unerwarteter Fehler {type(fehler).__name__})."
        return eintrag, None
    _metadaten(eintrag, t)
    return eintrag, t


def _adapter() -> dict:
    from bimo.indikatoren.adapter import ADAPTER

    return ADAPTER


def _fehlt(eintrag: Dateieintrag, e: katalog.Katalogeintrag | None) -> str:
    if e is None:
        code = f"Tabelle {eintrag.tabelle}" if eintrag.tabelle else "ohne erkennbaren Tabellencode"
        return (
            f"keine Tabelle, die bimo kennt ({code}); der Tabellenkatalog "
            "(bimo.daten.katalog) nennt die unterstützten Tabellen."
        )
    return _GRUENDE.get(e.code) or (
        f"bimo kennt die Tabelle ({e.titel}), rechnet aus ihr aber keinen Indikator des Registers."
    )


def _stand_datum(eintrag: Dateieintrag) -> tuple[int, int, int]:
    treffer = re.search(r"(\d{2})\.(\d{2})\.(\d{4})", eintrag.stand or "")
    return (int(treffer[3]), int(treffer[2]), int(treffer[1])) if treffer else (0, 0, 0)


def _stadtstaaten(kreise: pd.DataFrame, laender: pd.DataFrame) -> pd.DataFrame:
    """Berlin und Hamburg als Kreise 11000/02000, wo die Datei für sie keine Kreise hat."""
    vorhanden = set(kreise["ags"].str[:2])
    zusatz = [
        laender[laender["ags"] == land].assign(ags=kreis)
        for land, (kreis, _) in STADTSTAATEN.items()
        if land not in vorhanden
    ]
    return pd.concat([kreise, *zusatz], ignore_index=True) if zusatz else kreise


def _mit_werten(t: pd.DataFrame, schluessel: set[str]) -> set[str]:
    auswahl = t[t["ags"].isin(schluessel)]
    return set(auswahl.loc[auswahl["wert"] > 0, "ags"])


def _aufgeloest(t: pd.DataFrame, alt: set[str], neu: set[str]) -> bool:
    """Zeigt die Tabelle ein Jahr, in dem die alten Kreise nur „-“ haben, der neue aber Werte?"""
    auswahl = t[t["ags"].isin(alt | neu)]
    if auswahl.empty:
        return False
    je_jahr = auswahl.assign(alt=auswahl["ags"].isin(alt), positiv=auswahl["wert"] > 0)
    for _, jahr in je_jahr.groupby("jahr"):
        alte = jahr[jahr["alt"]]
        if len(alte) and not alte["positiv"].any() and jahr.loc[~jahr["alt"], "positiv"].any():
            return True
    return False


def _gebietsstand(kreise: dict[str, list], eintraege: dict[int, Dateieintrag]) -> list[str]:
    """Alle Kreistabellen auf den neuesten Gebietsstand, den der Ordner zeigt (in place).

    Ein Umstieg gilt, sobald eine Datei ein Jahr zeigt, in dem die alten Kreise aufgelöst
    sind (nur „-“) und der neue Werte hat; dann werden alle Dateien umgeschlüsselt, die die
    alten Kreise noch mit Werten nennen.
    """
    hinweise = []
    for schluessel, text in umstiege():
        alt, neu = set(schluessel["ags_alt"]), set(schluessel["ags_neu"])
        if not any(_aufgeloest(t, alt, neu) for teile in kreise.values() for _, t in teile):
            continue
        dateien: list[str] = []
        for teile in kreise.values():
            for i, (nr, t) in enumerate(teile):
                if not set(t["ags"]) & alt:
                    continue
                betroffen = bool(_mit_werten(t, alt))
                teile[i] = (nr, umschluesseln(t, schluessel))
                if betroffen and eintraege[nr].datei not in dateien:
                    eintraege[nr].hinweise.append(f"Umgeschlüsselt: {text}.")
                    dateien.append(eintraege[nr].datei)
        if dateien:
            wer = (
                f"Die Datei {dateien[0]} nennt"
                if len(dateien) == 1
                else f"Die Dateien {', '.join(dateien[:-1])} und {dateien[-1]} nennen"
            )
            hinweise.append(
                f"Gebietsstand: {wer} noch {text}; bimo hat die Werte mit dem "
                "Umstiegsschlüssel (bimo.daten.umschluesseln) auf den neuen Gebietsstand "
                "umgerechnet."
            )
    return hinweise


def lies_ordner(ordner: str | Path) -> Bestand:
    """Liest alle Dateien eines Ordners, wählt und vereinheitlicht sie (siehe Moduldoku)."""
    ordner = Path(ordner)
    if not ordner.is_dir():
        raise DatenFehler(f"Der Datenordner {ordner} existiert nicht.")
    adapter = _adapter()
    eintraege: list[Dateieintrag] = []
    gelesen: dict[int, pd.DataFrame] = {}
    kandidaten: dict[str, list[int]] = {}
    geometrie = None
    for pfad in sorted(p for p in ordner.iterdir() if p.is_file() and not p.name.startswith(".")):
        eintrag, t = _lies(pfad)
        nr = len(eintraege)
        eintraege.append(eintrag)
        if pfad.suffix.lower() in _GEOMETRIE and geometrie is None:
            geometrie = pfad
        if t is None:
            continue
        e = katalog.erkenne(t)
        eintrag.katalog = e.code if e else None
        if e is None or e.code not in adapter:
            eintrag.grund = _fehlt(eintrag, e)
            continue
        if not eintrag.gebiete.get("Kreis") and not eintrag.gebiete.get("Land"):
            eintrag.grund = "die Datei hat weder Kreise noch Länder (bimo rechnet Kreisprofile)."
            continue
        gelesen[nr] = t
        kandidaten.setdefault(e.code, []).append(nr)
    kreise: dict[str, list] = {}
    laender: dict[str, list] = {}
    for code, nummern in kandidaten.items():
        rolle, umformen = adapter[code]
        # neuerer Stand zuerst, dann mehr Jahre: er liefert die Jahre, die er hat
        nummern = sorted(
            nummern,
            key=lambda n: (_stand_datum(eintraege[n]), len(eintraege[n].jahre)),
            reverse=True,
        )
        genommen: set[int] = set()
        for nr in nummern:
            eintrag, t = eintraege[nr], gelesen[nr]
            try:
                k = _umformen(umformen, t, eintrag, "Kreis")
                la = _umformen(umformen, t, eintrag, "Land")
            except BimoFehler as fehler:
                eintrag.grund = f"die Beschriftungen passen nicht – {fehler}"
                continue
            k = _stadtstaaten(k, la)
            neu = {int(j) for j in k["jahr"].dropna().unique()} - genommen
            if not neu:
                besser = next(
                    (eintraege[n].datei for n in nummern if n != nr and eintraege[n].rolle),
                    "einer anderen Datei",
                )
                if _ist_gemeindetabelle(eintrag):
                    eintrag.grund = (
                        f"Gemeindetabelle: ihre Kreiszeilen bringen keine Jahre, die nicht "
                        f"schon {besser} hat."
                    )
                else:
                    eintrag.grund = (
                        f"ein weiterer Download derselben Tabelle: alle Jahre stehen auch in "
                        f"{besser} (mehr Jahre oder neuerer Stand); bimo nimmt jene."
                    )
                continue
            eintrag.rolle = rolle
            genommen |= neu
            kreise.setdefault(rolle, []).append((nr, k[k["jahr"].isin(neu)]))
            laender.setdefault(rolle, []).append((nr, la[la["jahr"].isin(neu)]))
            if rolle == "kindertagesbetreuung":  # Kinder in Einrichtungen: für Kinder je Kita
                for ziel, ebene in ((kreise, "Kreis"), (laender, "Land")):
                    try:
                        v = _umformen(umformen, t, eintrag, ebene, betreuungsart="tageseinrichtung")
                    except BimoFehler:
                        continue
                    if ebene == "Kreis":
                        v = _stadtstaaten(
                            v,
                            _umformen(
                                umformen, t, eintrag, "Land", betreuungsart="tageseinrichtung"
                            ),
                        )
                    ziel.setdefault(EINRICHTUNGSKINDER, []).append((nr, v[v["jahr"].isin(neu)]))
    hinweise = _gebietsstand(kreise, dict(enumerate(eintraege)))
    gemeinden = _gemeindedateien(kandidaten, adapter, eintraege, gelesen)
    namen = _namen([gelesen[n] for teile in kreise.values() for n, _ in teile])
    quellen, lizenz = _quellen([gelesen[n] for teile in kreise.values() for n, _ in teile])
    return Bestand(
        ordner,
        eintraege,
        {r: pd.concat([t for _, t in teile], ignore_index=True) for r, teile in kreise.items()},
        {r: pd.concat([t for _, t in teile], ignore_index=True) for r, teile in laender.items()},
        namen,
        hinweise,
        quellen,
        lizenz,
        geometrie,
        gemeinden,
    )


def _gemeindedateien(
    kandidaten: dict[str, list[int]],
    adapter: dict,
    eintraege: list[Dateieintrag],
    gelesen: dict[int, pd.DataFrame],
) -> dict[str, list[tuple[pd.DataFrame, Callable]]]:
    """Die Gemeindetabellen (``…-5``) je Tabelle des Registers, neuester Stand zuerst – noch
    ungelesen (:func:`gemeindetabellen` formt sie erst, wenn ein Gemeindeprofil gebraucht
    wird). Ins Inventar: welche Datei Gemeindeprofile speisen kann oder warum nicht."""
    from bimo.indikatoren import alle_indikatoren

    dateien: dict[str, list[tuple[pd.DataFrame, Callable]]] = {}
    rollen: dict[str, list[Dateieintrag]] = {}
    for code, nummern in kandidaten.items():
        rolle, umformen = adapter[code]
        nummern = [n for n in nummern if _ist_gemeindetabelle(eintraege[n])]
        nummern.sort(
            key=lambda n: (_stand_datum(eintraege[n]), len(eintraege[n].jahre)), reverse=True
        )
        for nr in nummern:
            dateien.setdefault(rolle, []).append((gelesen[nr], umformen))
            rollen.setdefault(rolle, []).append(eintraege[nr])
    # eine Quote braucht alle ihre Tabellen auf Gemeindeebene (Kita-Kinder und Bevölkerung)
    moeglich = {
        r for ind in alle_indikatoren() if set(ind.tabellen) <= set(rollen) for r in ind.tabellen
    }
    for rolle, liste in rollen.items():
        for e in liste:
            e.gemeinderolle = rolle
            if rolle in moeglich:
                e.gemeinden = e.gebiete.get("Gemeinde", 0)
                if e.grund.startswith("Gemeindetabelle"):
                    e.grund = ""  # verwendet – für die Gemeinden, nicht für die Kreise
            elif e.grund.startswith("Gemeindetabelle"):
                e.grund = e.grund.rstrip(".") + (
                    "; für Gemeindeprofile fehlt die zweite Tabelle auf Gemeindeebene (etwa "
                    "die Bevölkerung 12411-02-03-5 für eine Quote)."
                )
    return {r: d for r, d in dateien.items() if r in moeglich}


def gemeindetabellen(
    dateien: dict[str, list[tuple[pd.DataFrame, Callable]]],
) -> dict[str, pd.DataFrame]:
    """Die Gemeindezeilen der Gemeindetabellen in ordentlicher Form: je Tabelle des Registers,
    je Jahr aus der Datei mit dem neuesten Stand. Schlüssel 8-stellig im Gebietsstand der
    Datei (Gemeinden werden nicht umgeschlüsselt); Namen in ``attrs["namen"]``, der
    Quellenvermerk in ``attrs["quelle"]``."""
    ergebnis: dict[str, pd.DataFrame] = {}
    for rolle, liste in dateien.items():
        genommen: set[int] = set()
        teile, namen, roh = [], {}, []
        for t, umformen in liste:
            try:
                g = umformen(t, ebene="Gemeinde")
            except BimoFehler:
                continue  # die Datei ist mit ihrem Grund schon im Inventar
            g = g.assign(ags=g["ags"].astype(str).map(gemeindeschluessel))
            g = g[g["ags"].str.fullmatch(r"\d{8}")]
            # eine Gemeinde unter zwei Verbandsschlüsseln (der alte Verband aufgelöst, „-“ = 0):
            # die Zählung des bestehenden, also der größere Wert
            gliederung = [c for c in g.columns if c != "wert"]
            g = g.groupby(gliederung, dropna=False, as_index=False, sort=False)["wert"].max()
            neu = {int(j) for j in g["jahr"].dropna().unique()} - genommen
            if not neu:
                continue
            genommen |= neu
            teile.append(g[g["jahr"].isin(neu)])
            roh.append(t)
            z = t[t["ebene"] == "Gemeinde"].drop_duplicates("ags")
            for ags, name in zip(z["ags"], z["name"], strict=True):
                namen.setdefault(gemeindeschluessel(str(ags)), _gemeindename(str(name)))
        if teile:
            ergebnis[rolle] = pd.concat(teile, ignore_index=True)
            ergebnis[rolle].attrs["namen"] = namen
            quellen, _ = _quellen(roh)
            ergebnis[rolle].attrs["quelle"] = quellen[0] if quellen else ""
    return ergebnis


def gemeindewerte(tabellen: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """Die Indikatoren der Gemeinden (8-stellige Schlüssel) aus :func:`gemeindetabellen`."""
    from bimo.indikatoren import alle_indikatoren

    werte: dict[str, pd.DataFrame] = {}
    for ind in alle_indikatoren():
        if not set(ind.tabellen) <= set(tabellen):
            continue
        try:
            t = ind.berechne(land=False, tabellen=tabellen_fuer(ind.kennung, tabellen))
        except (BimoFehler, KeyError, ValueError):
            continue  # die Tabelle trägt diesen Indikator nicht (z. B. Staatsangehörigkeit)
        t = t[t["ags"].astype(str).str.fullmatch(r"\d{8}")].dropna(subset=["wert"])
        if not t.empty:
            werte[ind.kennung] = t.reset_index(drop=True)
    return werte


def _ist_gemeindetabelle(eintrag: Dateieintrag) -> bool:
    """Eine Gemeindetabelle (``…-5``, auch ``-5-B`` oder eine Auswahl „regionale Ebenen“):
    mehr Gemeinden als Kreise. Kreistabellen nennen einzelne Städte in Regionalverbänden
    (Aachen, Hannover, Saarbrücken) als Gemeinden – das macht sie nicht zu Gemeindetabellen."""
    n = eintrag.gebiete.get("Gemeinde", 0)
    return n > 0 and (
        n > eintrag.gebiete.get("Kreis", 0) or bool(re.search(r"-5(-B)?$", eintrag.tabelle or ""))
    )


def gemeindeschluessel(schluessel: str) -> str:
    """Der amtliche Gemeindeschlüssel (8 Stellen) zu einem Schlüssel der Regionaldatenbank.

    Gemeinden in Gemeindeverbänden stehen dort mit 10–12 Stellen (Kreis, Verband, Gemeinde),
    z. B. ``"03151401002"`` (Barwedel in der Samtgemeinde Boldecker Land) → ``"03151002"``:
    die fünf Stellen des Kreises und die letzten drei der Gemeinde.
    """
    schluessel = schluessel.strip()
    if schluessel.isdigit() and 10 <= len(schluessel) <= 12:
        return schluessel[:5] + schluessel[-3:]
    return schluessel


def _gemeindename(name: str) -> str:
    """„Remagen, verbandsfr. Gemeinde“ → „Remagen“ (der Zusatz sagt nur die Verbandsform)."""
    return re.sub(
        r",\s*(verbandsfr\.|verbandsfreie|amtsfreie|amtsfr\.)\s+Gemeinde$", "", name.strip()
    )


def _umformen(
    umformen, t: pd.DataFrame, eintrag: Dateieintrag, ebene: str, **optionen: str
) -> pd.DataFrame:
    if eintrag.gebiete.get(ebene):
        return umformen(t, ebene=ebene, **optionen)
    leer = umformen(t[t["ebene"].isin(["Kreis", "Land"])], ebene=("Kreis", "Land"), **optionen)
    return leer.iloc[0:0]


def tabellen_fuer(kennung: str, tabellen: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """Die Tabellen, mit denen ein Indikator rechnet (Kinder je Kita: nur Kinder in Kitas)."""
    if kennung == "kinder_je_kita":
        if EINRICHTUNGSKINDER not in tabellen:
            return {}
        return {**tabellen, "kindertagesbetreuung": tabellen[EINRICHTUNGSKINDER]}
    return tabellen


def _namen(tabellen: list[pd.DataFrame]) -> dict[str, str]:
    namen: dict[str, str] = {}
    for t in tabellen:  # spätere Dateien überschreiben nicht: die erste (neueste) gilt
        z = t[t["ebene"].isin(["Land", "Kreis"])].drop_duplicates("ags")
        for ags, name in zip(z["ags"], z["name"], strict=True):
            namen.setdefault(str(ags), str(name).strip())
    for land, (kreis, name) in STADTSTAATEN.items():
        namen[kreis] = name
        namen.setdefault(land, name)
    return namen


def _quellen(tabellen: list[pd.DataFrame]) -> tuple[list[str], bool]:
    quellen, lizenz = [], False
    for t in tabellen:
        quelle = str(t.attrs.get("quelle") or "").replace("\n", " ")
        lizenz |= "Datenlizenz Deutschland" in quelle
        titel = _titel(t)
        zeile = f"{titel} (Tabelle {t.attrs.get('tabelle')})"
        erste = str(t.attrs.get("quelle") or "").split("\n")[0].strip()
        eintrag = f"{zeile}: {erste}" if erste else zeile
        if eintrag not in quellen:
            quellen.append(eintrag)
    return quellen, lizenz


def setze_speist(eintraege: list[Dateieintrag], berechnet: dict[str, tuple[str, ...]]) -> None:
    """Trägt ein, welche Indikatoren je Datei entstanden sind (Kennung → Tabellen des Registers).

    Eine verwendete Datei, aus der kein Indikator entsteht (z. B. Abgänger ohne Bevölkerung für
    die Quotensumme), bekommt einen Grund.
    """
    from bimo.indikatoren import indikator

    for e in eintraege:
        if not e.verwendet or e.rolle is None:
            continue
        e.speist = tuple(
            (k, indikator(k).name) for k, tabellen in berechnet.items() if e.rolle in tabellen
        )
        if not e.speist:
            e.grund = (
                "gelesen, aber kein Indikator entsteht: es fehlt die zweite Tabelle oder "
                "passende Jahre (z. B. die Bevölkerung 12411-02-03-4 für eine Quote)."
            )


def inventar(ordner: str | Path) -> list[Dateieintrag]:
    """Das Inventar eines Datenordners: je Datei ein :class:`Dateieintrag` (siehe Moduldoku)."""
    from bimo.indikatoren import alle_indikatoren

    bestand = lies_ordner(ordner)
    berechnet = {}
    for ind in alle_indikatoren():
        if not set(ind.tabellen) <= set(bestand.kreise):
            continue
        try:
            t = ind.berechne(land=False, tabellen=tabellen_fuer(ind.kennung, bestand.kreise))
        except (BimoFehler, KeyError, ValueError):
            continue
        if t["wert"].notna().any():
            berechnet[ind.kennung] = ind.tabellen
    setze_speist(bestand.eintraege, berechnet)
    return bestand.eintraege


def als_text(eintraege: list[Dateieintrag]) -> str:
    """Das Inventar als Text für die Konsole (eine Datei je Absatz)."""
    verwendet = sum(e.verwendet for e in eintraege)
    kopf = (
        f"{len(eintraege)} Datei{'' if len(eintraege) == 1 else 'en'}, davon {verwendet} verwendet:"
    )
    return "\n".join([kopf, *(f"- {e.zeile()}" for e in eintraege)])


def als_markdown(eintraege: list[Dateieintrag]) -> str:
    """Das Inventar als kurze Markdown-Liste (für den Abschnitt „Datengrundlage“)."""

    def md(text: str) -> str:
        return re.sub(r"([\\`*_\[\]<>#|])", r"\\\1", text)

    return "\n".join(f"- {md(e.zeile())}" for e in eintraege)
