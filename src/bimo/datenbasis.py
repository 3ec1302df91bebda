"""Die Datenbasis eines Berichts: Musterland oder ein Ordner mit Exporten der Regionaldatenbank.

Ein Bericht rechnet nie mit Rohtabellen, sondern mit einer :class:`Datenbasis`:

- ``lade("musterland")`` – die synthetischen Beispieldaten (ein Land, zwölf Kreise);
- ``lade("pfad/zum/ordner")`` – ein Ordner mit CSV-Exporten der Regionaldatenbank
  Deutschland bzw. von GENESIS-Online (klassisch oder Flatfile). Erkannt werden die Tabellen
  am Tabellencode im Kopf der Datei, nicht am Dateinamen:

  ================= ======================== ==========================================
  Tabellencode      Inhalt                   daraus
  ================= ======================== ==========================================
  12411-02-03-4     Bevölkerung nach Alter   Jugend-, Altenquotient, Anteil unter 18
  22543-01-02-4     Kinder in Tagesbetreuung Betreuungsquoten (mit der Bevölkerung)
  21111-02-06-4     Absolventen/Abgänger     Anteil ohne Abschluss, mit Hochschulreife
  ================= ======================== ==========================================

  Andere Dateien im Ordner werden übergangen (und im Bericht nicht genannt). Liegt eine
  GeoJSON-Datei mit Kreisen im Ordner (Schlüssel in ``AGS`` oder ``ARS``), gibt es Karten.

Je Indikator hält die Datenbasis eine Tabelle ``ags, jahr, zaehler, nenner, wert`` der
Kreise; das Land ist die Summe seiner Kreise (Zähler und Nenner, nicht das Mittel der
Quoten). :meth:`Datenbasis.geschuetzt` schickt sie durch :mod:`bimo.geheimhaltung`.

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
from bimo.fehler import BimoFehler, DatenFehler, ParameterFehler

MUSTERLAND = "musterland"

# Tabellencode → (Name der Tabelle im Register, Adapter in die ordentliche Form)
TABELLEN = {
    "12411-02-03-4": ("bevoelkerung", indikatoren.bevoelkerung_aus_regionalstatistik),
    "22543-01-02-4": ("kindertagesbetreuung", indikatoren.kita_aus_regionalstatistik),
    "21111-02-06-4": ("abgaenger", indikatoren.abgaenger_aus_regionalstatistik),
}
_MUSTERLAND_QUELLE = (
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
    _zwischenspeicher: dict = field(default_factory=dict, repr=False)

    # --- Gebiete -----------------------------------------------------------------------
    @property
    def kreise(self) -> pd.DataFrame:
        g = self.gebiete
        return g[g["ebene"] == "Kreis"].sort_values("ags").reset_index(drop=True)

    def ist_musterland(self) -> bool:
        return self.kennung == MUSTERLAND

    def name(self, ags: str) -> str:
        return str(self.gebiete.set_index("ags").at[ags, "name"])

    def land_von(self, ags: str) -> str:
        return str(self.gebiete.set_index("ags").at[ags, "land"])

    def pruefe_kommune(self, kommune: object) -> str:
        """Ein Kreisschlüssel dieser Datenbasis als Text – sonst eine deutsche Meldung."""
        from bimo.berichte import vorschlaege

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
            meldung += f" Vorhanden sind {len(kreise)} Kreise, von {kreise['ags'].iloc[0]} "
            meldung += f"bis {kreise['ags'].iloc[-1]}."
        raise ParameterFehler(meldung)

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
        """Werte der Kreise und ihrer Länder (Summe der Kreise) mit Spalte ``land``."""
        ind = indikatoren.indikator(kennung)
        t = self.werte[kennung].dropna(subset=["zaehler", "nenner"])
        t = t[t["nenner"] > 0].copy()
        t["land"] = t["ags"].map(self.gebiete.set_index("ags")["land"])
        land = t.groupby(["land", "jahr"], as_index=False)[["zaehler", "nenner"]].sum()
        land["ags"] = land["land"]
        land["wert"] = land["zaehler"] / land["nenner"] * ind.faktor
        spalten = ["ags", "land", "jahr", "zaehler", "nenner", "wert"]
        return pd.concat([t[spalten], land[spalten]], ignore_index=True)

    def geschuetzt(self, kennung: str, mindestfallzahl: int) -> geheimhaltung.Veroeffentlichung:
        """Kreise und Länder eines Indikators, geheim gehalten (je Prozess einmal gerechnet).

        Je Land und Jahr ist das Land die Summenzeile seiner Kreise: Was primär gesperrt
        wird, schützt eine sekundäre Sperrung gegen das Zurückrechnen aus der Landessumme.
        """
        schluessel = (kennung, mindestfallzahl)
        if schluessel not in self._zwischenspeicher:
            t = self.mit_laendern(kennung)
            t["gebiet"] = t["ags"].where(t["ags"] != t["land"], "LAND")
            v = geheimhaltung.schuetze_quoten(
                t,
                gebiet="gebiet",
                gruppe=["land", "jahr"],
                summenzeile="LAND",
                mindestfallzahl=mindestfallzahl,
            )
            self._zwischenspeicher[schluessel] = v
        return self._zwischenspeicher[schluessel]

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
    werte = {ind.kennung: ind.berechne(land=False) for ind in indikatoren._indikatoren()}
    return Datenbasis(
        MUSTERLAND,
        "Musterland",
        gebiete.reset_index(drop=True),
        werte,
        (_MUSTERLAND_QUELLE,),
    )


@lru_cache(maxsize=4)
def _ordner(ordner_: str, _stand_: tuple) -> Datenbasis:
    ordner = Path(ordner_)
    gelesen: dict[str, pd.DataFrame] = {}
    quellen: list[str] = []
    for pfad in sorted(ordner.iterdir()):
        if pfad.suffix.lower() not in (".csv", ".zip") or not pfad.is_file():
            continue
        if pfad.suffix.lower() == ".csv" and not _kopf_nennt_bekannte_tabelle(pfad):
            continue  # eine andere Tabelle: gar nicht erst ganz lesen
        try:
            tabelle = daten.lese_regionalstatistik(pfad)
        except BimoFehler:
            if _kopf_nennt_bekannte_tabelle(pfad):
                raise  # eine gesuchte Tabelle, aber kaputt: die Meldung nennt Datei und Zeile
            continue
        code = str(tabelle.attrs.get("tabelle", ""))
        if code not in TABELLEN:
            continue
        name = TABELLEN[code][0]
        # zwei Downloads derselben Tabelle: den mit den meisten Jahren nehmen
        if name in gelesen and gelesen[name]["jahr"].nunique() >= tabelle["jahr"].nunique():
            continue
        gelesen[name] = tabelle
    if "bevoelkerung" not in gelesen:
        vorhanden = ", ".join(sorted(p.name for p in ordner.iterdir() if p.is_file())) or "nichts"
        raise DatenFehler(
            f"Im Ordner {ordner} fehlt die Bevölkerungstabelle 12411-02-03-4 (Bevölkerung "
            f"nach Altersgruppen, Kreise); ohne sie gibt es keine Kreise und keine Quoten. "
            f"Gefunden: {vorhanden}."
        )
    lizenz = any(
        "Datenlizenz Deutschland" in str(t.attrs.get("quelle", "")).replace("\n", " ")
        for t in gelesen.values()
    )
    for tabelle in gelesen.values():
        quelle = str(tabelle.attrs.get("quelle", "")).split("\n")[0].strip()
        titel = str(tabelle.attrs.get("titel", "")).split("\n")[0].strip()
        zeile = f"{titel} (Tabelle {tabelle.attrs.get('tabelle')})"
        quellen.append(f"{zeile}: {quelle}" if quelle else zeile)
    gebiete = _gebiete_aus(gelesen["bevoelkerung"])
    ordentlich = {
        TABELLEN[t.attrs["tabelle"]][0]: TABELLEN[t.attrs["tabelle"]][1](t)
        for t in gelesen.values()
    }
    kreise = set(gebiete.loc[gebiete["ebene"] == "Kreis", "ags"])
    werte = {}
    for ind in indikatoren._indikatoren():
        if not set(ind.tabellen) <= set(ordentlich):
            continue
        try:
            t = ind.berechne(land=False, tabellen=ordentlich)
        except (BimoFehler, KeyError, ValueError):
            continue  # die Tabelle trägt diesen Indikator nicht (z. B. Staatsangehörigkeit)
        t = t[t["ags"].isin(kreise)].dropna(subset=["wert"])
        if not t.empty:
            werte[ind.kennung] = t.reset_index(drop=True)
    geo = sorted(ordner.glob("*.geojson"))
    return Datenbasis(
        str(ordner),
        "den Daten der Regionaldatenbank",
        gebiete,
        werte,
        (*quellen, *([f"Lizenz: {_AMTLICH_LIZENZ}."] if lizenz else [])),
        geo[0] if geo else None,
    )


def _kopf_nennt_bekannte_tabelle(pfad: Path) -> bool:
    try:
        kopf = pfad.read_bytes()[:2000].decode("latin-1")
    except OSError:
        return False
    return any(code in kopf for code in TABELLEN)


def _gebiete_aus(bevoelkerung: pd.DataFrame) -> pd.DataFrame:
    """Länder und Kreise mit Einwohnern (aufgelöste Kreise mit nur „-“ fallen weg)."""
    t = bevoelkerung[bevoelkerung["ebene"].isin(["Land", "Kreis"])]
    # nur Schlüssel aus Ziffern: Sie werden zu Dateinamen (<Schlüssel>.html)
    t = t[t["ags"].astype(str).str.fullmatch(r"\d{2}|\d{5}")]
    mit_werten = t.groupby("ags")["wert"].sum(min_count=1)
    bewohnt = set(mit_werten[mit_werten > 0].index)
    g = t[t["ags"].isin(bewohnt)].drop_duplicates("ags")[["ags", "name", "ebene"]].copy()
    g["land"] = g["ags"].str[:2]
    laender = set(g.loc[g["ebene"] == "Land", "ags"])
    ohne_land = g[(g["ebene"] == "Kreis") & ~g["land"].isin(laender)]
    if not ohne_land.empty:  # Land fehlt im Export: mit Schlüssel benennen
        extra = pd.DataFrame({"ags": sorted(set(ohne_land["land"])), "ebene": "Land"}).assign(
            name=lambda d: "Land " + d["ags"], land=lambda d: d["ags"]
        )
        g = pd.concat([g, extra[g.columns]], ignore_index=True)
    return g.sort_values("ags").reset_index(drop=True)
