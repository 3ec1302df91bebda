"""Die Datenbasis eines Berichts: Musterland oder ein Ordner mit Exporten der Regionaldatenbank.

Ein Bericht rechnet nie mit Rohtabellen, sondern mit einer :class:`Datenbasis`:

- ``lade("musterland")`` – die synthetischen Beispieldaten (ein Land, zwölf Kreise);
- ``lade("pfad/zum/ordner")`` – ein Ordner mit Downloads der Regionaldatenbank Deutschland
  (klassisches CSV oder Flatfile, auch als ZIP). Welche Datei was ist, entscheidet
  :mod:`bimo.daten.inventar` am Inhalt – Tabellencode im Kopf (jede Variante), Statistik
  und Beschriftungen über den Tabellenkatalog :mod:`bimo.daten.katalog` –, nicht am
  Dateinamen; jede Datei kommt mit Grund ins Inventar, das jeder Bericht nennt
  (``bimo daten pruefen ORDNER`` zeigt es vorab). Liegt eine GeoJSON-Datei mit Kreisen im
  Ordner (Schlüssel in ``AGS`` oder ``ARS``), gibt es Karten.

Je Indikator hält die Datenbasis eine Tabelle ``ags, jahr, zaehler, nenner, wert`` der
Kreise (Berlin 11000 und Hamburg 02000 eingeschlossen, alte Gebietsstände umgeschlüsselt).
Das Land ist seine amtliche Landeszeile, wo die Datei eine hat, sonst die Summe seiner Kreise
(Zähler und Nenner, nicht das Mittel der Quoten). :meth:`Datenbasis.geschuetzt` schickt sie
durch :mod:`bimo.geheimhaltung`.

Geladen und geschützt wird einmal je Prozess (Zwischenspeicher): Im warmen Kernel von
``bimo berichte`` teilen sich alle Berichte eines Laufs dieselbe Datenbasis.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import pandas as pd

from bimo import daten, geheimhaltung, indikatoren
from bimo.daten import inventar
from bimo.fehler import BimoFehler, DatenFehler, ParameterFehler
from bimo.kern.vorschlaege import vorschlaege

MUSTERLAND = "musterland"

MUSTERLAND_QUELLE = (
    "Musterland: synthetische Beispieldaten des bimo-Projekts (Lizenz CC BY 4.0); "
    "keine amtlichen Zahlen."
)
_AMTLICH_LIZENZ = "Datenlizenz Deutschland – Namensnennung – Version 2.0 (dl-de/by-2-0)"
_AGS = re.compile(r"\d{5}(\d{3})?")


@dataclass(frozen=True, eq=False)
class Datenbasis:
    """Gebiete, Indikatorwerte und Quellenangaben, mit denen ein Bericht rechnet."""

    kennung: str  # "musterland" oder der Ordner (absolut)
    titel: str
    gebiete: pd.DataFrame  # ags, name, ebene ("Land" | "Kreis"), land (Schlüssel des Landes)
    werte: dict[str, pd.DataFrame]  # Indikator → ags, jahr, zaehler, nenner, wert (Kreise)
    quellen: tuple[str, ...]
    geometrie_datei: Path | None = None
    hinweise: tuple[str, ...] = ()  # deutsche Sätze für den Bericht (Gebietsstand u. Ä.)
    dateien: tuple[inventar.Dateieintrag, ...] = ()  # das Inventar des Ordners
    landeswerte: dict[str, pd.DataFrame] = field(default_factory=dict)  # amtliche Landeszeilen
    # die Gemeindetabellen (…-5) des Ordners, noch ungeformt (nur Kreisbasis; siehe
    # inventar.gemeindetabellen) – geformt erst, wenn ein Gemeindeprofil gebraucht wird
    gemeindedateien: dict = field(default_factory=dict, repr=False)
    # Berichtsebene und Bezugsgebiet: Kreise im Land – oder, in einer Gemeindebasis
    # (:meth:`gemeindebasis`), Gemeinden im Kreis; die Spalte ``land`` der Gebiete ist
    # dann der Kreis, und ``oberbasis`` ist die Kreisbasis, deren Kreiswerte gelten.
    ebene: str = "Kreis"
    bezug: str = "Land"
    oberbasis: Datenbasis | None = None
    _zwischenspeicher: dict = field(default_factory=dict, repr=False)

    # --- Gebiete -----------------------------------------------------------------------
    @property
    def kreise(self) -> pd.DataFrame:
        """Die Gebiete, über die berichtet wird: die Kreise (in einer Gemeindebasis: die
        Gemeinden), mit ``land`` = Bezugsgebiet."""
        g = self.gebiete
        return g[g["ebene"] == self.ebene].sort_values("ags").reset_index(drop=True)

    def ist_gemeindebasis(self) -> bool:
        return self.oberbasis is not None

    def gemeindebasis(self) -> Datenbasis | None:
        """Die Gemeinden dieses Ordners als eigene Datenbasis (Bezug: ihr Kreis) – aus den
        Gemeindetabellen (…-5); ``None``, wenn der Ordner keine hat."""
        if not self.gemeindedateien:
            return None  # keine Gemeindetabelle im Ordner, die eine Kennzahl trägt
        if "gemeinden" not in self._zwischenspeicher:
            self._zwischenspeicher["gemeinden"] = _gemeinden(self)
        return self._zwischenspeicher["gemeinden"]

    def ist_musterland(self) -> bool:
        return self.kennung == MUSTERLAND

    def land_von(self, ags: str) -> str:
        return str(self.gebiete.set_index("ags").at[ags, "land"])

    def pruefe_kommune(self, kommune: object) -> str:
        """Ein Kreisschlüssel dieser Datenbasis als Text – sonst eine deutsche Meldung."""
        if isinstance(kommune, int) and not isinstance(kommune, bool):
            raise ParameterFehler(
                f"Der Gemeindeschlüssel muss als Text angegeben werden, z. B. "
                f'kommune="{kommune:05d}" – als Zahl gehen führende Nullen verloren. '
                f"(Mit papermill auf der Kommandozeile: -r kommune {kommune:05d} statt -p.)"
            )
        text = str(kommune).strip()
        kreise = self.kreise
        if text in set(kreise["ags"]):
            return text
        if re.fullmatch(r"\d{8}", text) and not self.ist_gemeindebasis():
            return self._pruefe_gemeinde(text)
        treffer = vorschlaege(text, kreise)
        if not _AGS.fullmatch(text) and not treffer:
            meldung = (
                f"„{text}“ ist kein gültiger Gemeindeschlüssel: erwartet werden 5 Ziffern "
                '(Kreis) oder 8 Ziffern (Gemeinde), z. B. "17101".'
            )
        else:
            meldung = f"Die Kommune „{text}“ gibt es in {self.titel} nicht."
        if treffer:
            meldung += " Meinten Sie: " + ", ".join(treffer) + "?"
        else:
            art = "Gemeinden" if self.ebene == "Gemeinde" else "Kreise"
            meldung += f" Vorhanden sind {len(kreise)} {art}, von {kreise['ags'].iloc[0]} "
            meldung += f"bis {kreise['ags'].iloc[-1]}."
        raise ParameterFehler(meldung)

    def _pruefe_gemeinde(self, text: str) -> str:
        """Ein Gemeindeschlüssel: gibt es ihn in den Gemeindetabellen, sonst eine Meldung,
        die sagt, was fehlt (Gemeindetabelle, kreisfreie Stadt, unbekannte Gemeinde)."""
        kreis = text[:5]
        gemeinden = self.gemeindebasis()
        kreisname = f"{kreis} ({self.name(kreis)})" if kreis in set(self.kreise["ags"]) else None
        hier = f" – hier: {kreisname}" if kreisname else ""
        da = ", ".join(sorted({str(e.tabelle) for e in self.dateien if e.gemeinderolle}))
        if gemeinden is not None and not gemeinden.werte:
            gemeinden = None  # die Gemeindetabellen tragen keine Kennzahl
        if gemeinden is None and da:
            raise ParameterFehler(
                f"„{text}“ ist ein Gemeindeschlüssel. Die Gemeindetabellen im Datenordner "
                f"({da}) reichen für keine Kennzahl: jede Quote braucht auch die Bevölkerung "
                f"der Gemeinden (12411-02-03-5){hier}."
            )
        if gemeinden is None:
            raise ParameterFehler(
                f"„{text}“ ist ein Gemeindeschlüssel. Gemeindeprofile braucht eine "
                f"Gemeindetabelle im Datenordner (z. B. 12411-02-03-5, Bevölkerung nach "
                f"Altersgruppen, Gemeinden); in {self.titel} gibt es nur Kreiswerte{hier}."
            )
        if text in set(gemeinden.kreise["ags"]):
            return text
        if kreisname and not (gemeinden.kreise["land"] == kreis).any():
            raise ParameterFehler(
                f"Zu „{text}“ hat die Gemeindetabelle keine Gemeinden des Kreises {kreisname}"
                " – eine kreisfreie Stadt ist ihr eigener Kreis: ihr Profil ist das "
                f"Kommunalprofil {kreis}."
            )
        return gemeinden.pruefe_kommune(text)  # unbekannt: Vorschläge unter den Gemeinden

    def name(self, ags: str) -> str:
        if ags not in self._namen():
            g = self.gemeindebasis() if not self.ist_gemeindebasis() else None
            if g is not None and ags in g._namen():
                return g.name(ags)
        return str(self._namen()[ags])

    def _namen(self) -> pd.Series:
        if "namen" not in self._zwischenspeicher:
            self._zwischenspeicher["namen"] = self.gebiete.set_index("ags")["name"]
        return self._zwischenspeicher["namen"]

    # --- Indikatoren -------------------------------------------------------------------
    def indikatoren(self, themenfeld: str | None = None) -> list[indikatoren.Indikator]:
        """Die Indikatoren des Registers, für die diese Datenbasis Werte hat."""
        return [
            ind
            for feld, liste in indikatoren.nach_themenfeld().items()
            if themenfeld in (None, feld)
            for ind in liste
            if ind.kennung in self.werte
        ]

    def themenfelder(self) -> list[str]:
        return [t for t in indikatoren.THEMENFELDER if self.indikatoren(t)]

    def jahre(self, kennung: str | None = None) -> list[int]:
        tabellen = [self.werte[kennung]] if kennung else list(self.werte.values())
        return sorted({int(j) for t in tabellen for j in t["jahr"].unique()})

    def mit_laendern(self, kennung: str) -> pd.DataFrame:
        """Werte der Kreise und ihrer Länder mit Spalte ``land``.

        Das Land ist die amtliche Landeszeile der Datei, wo sie einen Wert hat; sonst die
        Summe seiner Kreise mit Werten (Zähler und Nenner, nicht das Mittel der Quoten) – wie
        viele Kreise dann fehlen, sagt :meth:`landeswert_hinweise`.
        """
        t, land = self._kreise_und_summe(kennung)
        amtlich = self.landeswerte.get(kennung)
        if amtlich is not None and not amtlich.empty:
            amtlich = amtlich[amtlich["ags"].isin(set(t["land"]))].assign(land=lambda d: d["ags"])
            schluessel = set(zip(amtlich["ags"], amtlich["jahr"], strict=True))
            ersetzt = [(a, j) in schluessel for a, j in zip(land["ags"], land["jahr"], strict=True)]
            land = pd.concat([land[~pd.Series(ersetzt, index=land.index, dtype=bool)], amtlich])
        spalten = ["ags", "land", "jahr", "zaehler", "nenner", "wert"]
        return pd.concat([t[spalten], land[spalten]], ignore_index=True)

    def _kreise_und_summe(self, kennung: str) -> tuple[pd.DataFrame, pd.DataFrame]:
        """Kreise mit Werten (Spalte ``land``) und je Land und Jahr die Summe der Kreise."""
        ind = indikatoren.indikator(kennung)
        t = self.werte[kennung].dropna(subset=["zaehler", "nenner"])
        t = t[t["nenner"] > 0].copy()
        t["land"] = t["ags"].map(self.gebiete.set_index("ags")["land"])
        land = t.groupby(["land", "jahr"], as_index=False)[["zaehler", "nenner"]].sum()
        land["ags"] = land["land"]
        land["wert"] = land["zaehler"] / land["nenner"] * ind.faktor
        return t, land

    def landeswert_hinweise(
        self, kennung: str, *, land: str | None = None, jahr: int | None = None
    ) -> list[str]:
        """Deutsche Sätze, wo ein Landeswert die Summe der Kreise ist und Kreise fehlen
        (wahlweise nur für ein Land und ein Jahr)."""
        if self.ist_musterland() or self.ist_gemeindebasis() or kennung not in self.werte:
            return []
        t, _ = self._kreise_und_summe(kennung)
        amtlich = self.landeswerte.get(kennung)
        vorhanden = (
            set() if amtlich is None else set(zip(amtlich["ags"], amtlich["jahr"], strict=True))
        )
        kreise = self.kreise.groupby("land")["ags"].nunique()
        mit_wert = t.groupby(["land", "jahr"])["ags"].nunique()
        saetze = []
        for (land_, jahr_), n in mit_wert.items():
            if (land is not None and land_ != land) or (jahr is not None and jahr_ != jahr):
                continue
            alle = int(kreise.get(land_, 0))
            if (land_, jahr_) in vorhanden or alle - int(n) <= 0:
                continue
            saetze.append(
                f"{self.name(land_)} {jahr_}: Die Datei hat keine Landeszeile; der Landeswert ist "
                f"die Summe der {n} Kreise mit Werten – {alle - int(n)} von {alle} Kreisen "
                "fehlen (geheim oder ohne Angabe)."
            )
        return saetze

    def inventar_markdown(self) -> str:
        """Das Inventar des Datenordners als kurze Markdown-Liste (leer bei Musterland)."""
        return inventar.als_markdown(list(self.dateien)) if self.dateien else ""

    def geschuetzt(
        self, kennung: str, mindestfallzahl: int, *, bezug: str | None = None
    ) -> geheimhaltung.Veroeffentlichung:
        """Kreise und Länder eines Indikators, geheim gehalten (je Prozess einmal gerechnet).

        Je Land und Jahr ist das Land die Summenzeile seiner Kreise: Was primär gesperrt
        wird, schützt eine sekundäre Sperrung gegen das Zurückrechnen aus der Landessumme.
        ``bezug``: nur dieses Bezugsgebiet (ein Land; in der Gemeindebasis ein Kreis mit
        seinen Gemeinden) – jedes wird für sich geschützt, das Ergebnis ist dasselbe.
        """
        schluessel = (kennung, mindestfallzahl, bezug)
        if schluessel not in self._zwischenspeicher:
            kreise, summe = self._kreise_und_summe(kennung)
            if bezug is not None:
                kreise, summe = kreise[kreise["land"] == bezug], summe[summe["land"] == bezug]
            spalten = ["ags", "land", "jahr", "zaehler", "nenner", "wert"]
            t = pd.concat([kreise[spalten], summe[spalten]], ignore_index=True)
            t["gebiet"] = t["ags"].where(t["ags"] != t["land"], "LAND")
            v = geheimhaltung.schuetze_quoten(
                t,
                gebiet="gebiet",
                gruppe=["land", "jahr"],
                summenzeile="LAND",
                mindestfallzahl=mindestfallzahl,
            )
            if self.oberbasis is not None:
                v = self._kreise_der_oberbasis(kennung, v, mindestfallzahl)
            else:
                v = self._amtliche_laender(kennung, v, mindestfallzahl)
            self._zwischenspeicher[schluessel] = v
        return self._zwischenspeicher[schluessel]

    def _amtliche_laender(
        self, kennung: str, v: geheimhaltung.Veroeffentlichung, mindestfallzahl: int
    ) -> geheimhaltung.Veroeffentlichung:
        """Die Landeszeilen der Veröffentlichung durch die amtlichen Landeswerte ersetzen.

        Geschützt wird mit der Summe der Kreise als Summenzeile (so schützt die sekundäre
        Sperrung gegen das Zurückrechnen); veröffentlicht wird der amtliche Landeswert, den
        die Statistischen Ämter selbst veröffentlichen (mit kleiner Fallzahl gesperrt).
        """
        amtlich = self.landeswerte.get(kennung)
        if amtlich is None or amtlich.empty:
            return v
        werte = {
            (a, j): z
            for a, j, z in zip(
                amtlich["ags"], amtlich["jahr"], amtlich.to_dict("records"), strict=True
            )
        }
        tabelle, gesperrt = v.tabelle.copy(), v.gesperrt.copy()
        for i in tabelle.index[tabelle["gebiet"] == "LAND"]:
            zeile = werte.get((tabelle.at[i, "ags"], tabelle.at[i, "jahr"]))
            if zeile is None:
                continue
            klein = bool(
                geheimhaltung.ist_primaer_gesperrt(
                    pd.Series([zeile["zaehler"], zeile["nenner"]]), mindestfallzahl
                ).any()
            )
            for s in ("zaehler", "nenner", "wert"):
                tabelle.at[i, s] = pd.NA if klein else zeile[s]
                gesperrt.at[i, s] = klein
        return geheimhaltung.Veroeffentlichung(tabelle, gesperrt, v.mindestfallzahl, v.wertspalten)

    def _kreise_der_oberbasis(
        self, kennung: str, v: geheimhaltung.Veroeffentlichung, mindestfallzahl: int
    ) -> geheimhaltung.Veroeffentlichung:
        """Gemeindebasis: die Kreiszeilen sind die Kreiswerte, wie sie das Kommunalprofil des
        Kreises veröffentlicht (dort geschützt gegen die Landessumme).

        Geschützt wird mit der Summe der Gemeinden als Summenzeile (sekundäre Sperrung gegen
        das Zurückrechnen aus dem Kreiswert). Ist der Kreiswert im Kreisprofil gesperrt oder
        fehlt er, sind hier der Kreis und alle seine Gemeinden dieses Jahres gesperrt – sonst
        ergäbe die Summe der Gemeinden den dort gesperrten Kreiswert.
        """
        assert self.oberbasis is not None
        oben = self.oberbasis.geschuetzt(kennung, mindestfallzahl).tabelle
        kreiswerte = {
            (a, j): z
            for a, j, z in zip(oben["ags"], oben["jahr"], oben.to_dict("records"), strict=True)
        }
        tabelle, gesperrt = v.tabelle.copy(), v.gesperrt.copy()
        spalten = ["zaehler", "nenner", "wert"]
        for i in tabelle.index[tabelle["gebiet"] == "LAND"]:
            kreis, jahr = tabelle.at[i, "ags"], tabelle.at[i, "jahr"]
            zeile = kreiswerte.get((kreis, jahr))
            if zeile is not None and not pd.isna(zeile["wert"]):
                for s in spalten:
                    tabelle.at[i, s] = zeile[s]
                continue
            alle = (tabelle["land"] == kreis) & (tabelle["jahr"] == jahr)
            tabelle.loc[alle, spalten] = pd.NA
            gesperrt.loc[alle, spalten] = True
        return geheimhaltung.Veroeffentlichung(tabelle, gesperrt, v.mindestfallzahl, v.wertspalten)

    def geometrie(self):  # noqa: ANN201 – geopandas optional
        """Die Kreisflächen (GeoDataFrame mit ``ags``) oder ``None``."""
        if "geometrie" not in self._zwischenspeicher:
            geo = None
            if self.ist_musterland():
                geo = daten.lade_geometrie("musterland_kreise")[["ags", "geometry"]]
            elif self.geometrie_datei is not None:
                import geopandas

                roh = geopandas.read_file(self.geometrie_datei)
                spalte = next(s for s in ("AGS", "ARS", "ags") if s in roh.columns)
                geo = roh.assign(ags=roh[spalte].astype(str).str[:5])[["ags", "geometry"]]
            self._zwischenspeicher["geometrie"] = geo
        return self._zwischenspeicher["geometrie"]


# --- Laden -------------------------------------------------------------------------------


def lade(daten_: str | Path = MUSTERLAND) -> Datenbasis:
    """Die Datenbasis ``"musterland"`` oder eines Ordners mit Exporten (zwischengespeichert)."""
    text = str(daten_).strip()
    if text.lower() == MUSTERLAND:
        return _musterland(_stand(daten.datenordner()))
    ordner = Path(text).expanduser()
    if not ordner.is_dir():
        raise ParameterFehler(
            f"Der Datenordner „{text}“ existiert nicht. Erwartet wird „musterland“ oder ein "
            "Ordner mit CSV-Exporten der Regionaldatenbank (z. B. 12411-02-03-4.csv)."
        )
    ordner = ordner.resolve()
    return _ordner(str(ordner), _stand(ordner))


def _stand(ordner: Path) -> tuple:
    """Dateinamen, Größen und Zeiten: ändert sich eine Datei, wird neu geladen."""
    return tuple(
        (p.name, p.stat().st_size, p.stat().st_mtime_ns)
        for p in sorted(ordner.iterdir())
        if p.is_file()
    )


@lru_cache(maxsize=2)
def _musterland(_stand_: tuple) -> Datenbasis:
    g = daten.gebiete()
    gebiete = g[g["ebene"].isin(["Land", "Kreis"])][["ags", "name", "ebene"]].copy()
    gebiete["land"] = daten.LAND_AGS
    werte = {ind.kennung: ind.berechne(land=False) for ind in indikatoren.alle_indikatoren()}
    return Datenbasis(
        MUSTERLAND,
        "Musterland",
        gebiete.reset_index(drop=True),
        werte,
        (MUSTERLAND_QUELLE,),
    )


@lru_cache(maxsize=4)
def _ordner(ordner_: str, _stand_: tuple) -> Datenbasis:
    bestand = inventar.lies_ordner(ordner_)
    if "bevoelkerung" not in bestand.kreise:
        raise DatenFehler(_ohne_bevoelkerung(bestand))
    gebiete = _gebiete_aus(bestand)
    kreise = set(gebiete.loc[gebiete["ebene"] == "Kreis", "ags"])
    laender = set(gebiete.loc[gebiete["ebene"] == "Land", "ags"])
    werte, landeswerte, berechnet = {}, {}, {}
    for ind in indikatoren.alle_indikatoren():
        if not set(ind.tabellen) <= set(bestand.kreise):
            continue
        try:
            tabellen = inventar.tabellen_fuer(ind.kennung, bestand.kreise)
            t = ind.berechne(land=False, tabellen=tabellen)
        except (BimoFehler, KeyError, ValueError):
            continue  # die Tabelle trägt diesen Indikator nicht (z. B. Staatsangehörigkeit)
        t = t[t["ags"].isin(kreise)].dropna(subset=["wert"])
        if t.empty:
            continue
        werte[ind.kennung] = t.reset_index(drop=True)
        berechnet[ind.kennung] = ind.tabellen
        try:
            la = ind.berechne(
                land=False, tabellen=inventar.tabellen_fuer(ind.kennung, bestand.laender)
            )
        except (BimoFehler, KeyError, ValueError):
            continue  # keine Landeszeilen: das Land wird die Summe seiner Kreise
        la = la[la["ags"].isin(laender)].dropna(subset=["wert"])
        landeswerte[ind.kennung] = la[la["nenner"] > 0].reset_index(drop=True)
    inventar.setze_speist(bestand.eintraege, berechnet)
    lizenz = [f"Lizenz: {_AMTLICH_LIZENZ}."] if bestand.lizenz else []
    geo = bestand.geometrie
    return Datenbasis(
        str(ordner_),
        "den Daten der Regionaldatenbank",
        gebiete,
        werte,
        (*bestand.quellen, *lizenz),
        geo if geo is not None and geo.suffix.lower() == ".geojson" else None,
        hinweise=tuple(bestand.hinweise),
        dateien=tuple(bestand.eintraege),
        landeswerte=landeswerte,
        gemeindedateien=dict(bestand.gemeinden),
    )


def _gemeinden(kreisbasis: Datenbasis) -> Datenbasis:
    """Die Gemeindebasis eines Ordners: Gemeinden (8-stellig) mit ihrem Kreis als Bezug.

    Gemeindeschlüssel im Gebietsstand der Gemeindetabelle; der Kreis einer Gemeinde eines
    inzwischen aufgelösten Kreises ist der neue Kreis (Göttingen/Osterode → 03159).
    Indikatoren: die, deren Tabellen alle als Gemeindetabelle im Ordner liegen
    (:func:`bimo.daten.inventar.gemeindewerte`).
    """
    tabellen = inventar.gemeindetabellen(kreisbasis.gemeindedateien)
    kreise = kreisbasis.kreise
    neu = {
        str(a): str(n)
        for schluessel, _ in inventar.umstiege()
        for a, n in zip(schluessel["ags_alt"], schluessel["ags_neu"], strict=True)
    }
    namen: dict[str, str] = {}
    for t in tabellen.values():
        namen.update(t.attrs.get("namen", {}))
    werte = inventar.gemeindewerte(tabellen)
    ags = sorted({a for t in werte.values() for a in t["ags"]})
    g = pd.DataFrame({"ags": ags, "ebene": "Gemeinde"})
    g["land"] = [neu.get(a[:5], a[:5]) for a in ags]
    g = g[g["land"].isin(set(kreise["ags"]))]
    werte = {k: t[t["ags"].isin(set(g["ags"]))].reset_index(drop=True) for k, t in werte.items()}
    g["name"] = [namen.get(a, a) for a in g["ags"]]
    bezug = kreise[kreise["ags"].isin(set(g["land"]))][["ags", "name"]].assign(ebene="Kreis")
    bezug["land"] = bezug["ags"]
    gebiete = pd.concat([g, bezug], ignore_index=True)[["ags", "name", "ebene", "land"]]
    jahre = sorted({int(j) for t in werte.values() for j in t["jahr"].unique()})
    hinweis = (
        "Gemeindeprofil: verglichen wird mit dem Kreis, und zwar mit dem Kreiswert, den das "
        "Kommunalprofil des Kreises veröffentlicht; gesperrt ist, was dort gesperrt ist, und "
        "jede Gemeindezahl, aus der sich mit dem Kreiswert eine kleine Fallzahl "
        "zurückrechnen ließe. Gemeindeschlüssel im Gebietsstand der Gemeindetabelle"
        + (
            f" (Jahr{'e' if len(jahre) > 1 else ''} {', '.join(map(str, jahre))})."
            if jahre
            else "."
        )
    )
    return Datenbasis(
        kreisbasis.kennung,
        kreisbasis.titel,
        gebiete.sort_values("ags").reset_index(drop=True),
        werte,
        tuple(
            dict.fromkeys(
                [*(t.attrs["quelle"] for t in tabellen.values() if t.attrs.get("quelle"))]
                + list(kreisbasis.quellen)
            )
        ),
        None,
        hinweise=(*kreisbasis.hinweise, hinweis),
        dateien=kreisbasis.dateien,
        ebene="Gemeinde",
        bezug="Kreis",
        oberbasis=kreisbasis,
    )


def _ohne_bevoelkerung(bestand: inventar.Bestand) -> str:
    """Die Meldung, wenn keine Bevölkerungstabelle brauchbar ist – je Datei mit Grund."""
    gruende = [
        f"{e.datei}: {e.grund or 'verwendet als ' + str(e.tabelle)}" for e in bestand.eintraege
    ]
    liste = "\n".join(f"  - {g}" for g in gruende) or "  (der Ordner ist leer)"
    return (
        f"Im Ordner {bestand.ordner} ist keine brauchbare Bevölkerungstabelle 12411-02-03-4 "
        "(Bevölkerung nach Altersgruppen, Kreise; auch als -5 oder -B); ohne sie gibt es keine "
        f"Kreise und keine Quoten. Die Dateien im Ordner:\n{liste}"
    )


def _gebiete_aus(bestand: inventar.Bestand) -> pd.DataFrame:
    """Länder und Kreise mit Einwohnern (aufgelöste Kreise mit nur „-“ fallen weg).

    Berlin (11000) und Hamburg (02000) sind Kreise ihres Landes; umgeschlüsselte Kreise
    tragen den neuen Schlüssel.
    """
    bev = bestand.kreise["bevoelkerung"]
    bev = bev[bev["ags"].astype(str).str.fullmatch(r"\d{5}")]
    summe = bev.groupby("ags")["wert"].sum(min_count=1)
    g = pd.DataFrame({"ags": sorted(summe[summe > 0].index), "ebene": "Kreis"})
    g["land"] = g["ags"].str[:2]
    land = sorted(set(g["land"]))
    g = pd.concat([g, pd.DataFrame({"ags": land, "ebene": "Land", "land": land})])
    g["name"] = [bestand.namen.get(a) or (f"Land {a}" if len(a) == 2 else a) for a in g["ags"]]
    return g[["ags", "name", "ebene", "land"]].sort_values("ags").reset_index(drop=True)
