"""Inhalte der Berichte (Kommunalprofil, Bildungsjournal, Faktenblatt) und ihre Parameter.

Die Berichtsvorlagen in ``src/bimo/berichte/vorlagen/`` sind dünn: Sie rufen :func:`bericht` auf
und zeigen, was der :class:`Bericht` liefert. Gerechnet wird auf einer
:class:`bimo.berichte.datenbasis.Datenbasis` – Musterland oder ein Ordner mit Exporten der
Regionaldatenbank. Alles, was Zahlen enthält, geht durch :mod:`bimo.geheimhaltung`:
Tabellen und Grafiken zeigen nur veröffentlichte Werte, Vergleichswerte werden nur aus
veröffentlichten Werten gebildet.

Parameter der Vorlagen (papermill-Stil, geprüft mit deutschen Meldungen):

================= ============================================================
``kommune``       Gemeindeschlüssel (AGS) als Text, z. B. ``"17101"``
``jahr``          Berichtsjahr; ``None`` = das neueste Jahr der Daten. Je Kennzahl
                  gilt das neueste Jahr bis einschließlich ``jahr``.
``vergleich``     ``"aehnliche"`` (Land und die ähnlichsten Kommunen), ``"land"``
                  (nur das Land) oder Schlüssel, durch Komma getrennt
``thema``         ``"alle"`` oder ein Themenfeld, z. B. ``"Frühkindliche Bildung"``
                  (auch ``fruehkindliche_bildung``)
``mindestfallzahl`` kleinste Fallzahl, die veröffentlicht wird (Vorgabe 3)
``daten``         ``"musterland"`` oder ein Ordner mit Exporten
================= ============================================================
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from functools import cached_property

import pandas as pd

from bimo import grafik, indikatoren
from bimo.berichte import datenbasis
from bimo.berichte.parameter import (
    pruefe_daten,
    pruefe_jahr,
    pruefe_mindestfallzahl,
    pruefe_thema,
    pruefe_vergleich,
)
from bimo.berichte.vorlagen import ALLE, VORLAGEN
from bimo.fehler import ParameterFehler
from bimo.kapitel import analyse
from bimo.kern import format as zahlformat
from bimo.kern.darstellung import Tabelle, Text
from bimo.kern.format import GEHEIM, zahl

QUELLENVERMERK = datenbasis.MUSTERLAND_QUELLE
ANZAHL_AEHNLICHE = 5
JAHRE_ZEITREIHE = 10
# Merkmale für „ähnliche Kommunen“: Struktur, nicht Ergebnis (sonst vergleicht man Gleiches
# mit Gleichem); was die Datenbasis davon hat, wird genommen. Nicht der Anteil der unter
# 18-Jährigen: er hängt eng am Jugendquotienten (zählte die Jugend doppelt).
AEHNLICHKEIT = ("jugendquotient", "altenquotient", "sgb2_quote_unter_15")
RANG_ERKLAERUNG = "Rang: 1 = höchster Wert; gleiche (gerundete) Werte haben den gleichen Rang."


def kreistyp(name: str) -> str:
    """„kreisfreie Stadt“ oder „Landkreis“ – am Namen, wie ihn die Regionaldatenbank und
    Musterland schreiben („Braunschweig, Kreisfreie Stadt“, „Stuttgart, Stadtkreis“,
    „Ingolstadt“ – Bayerns kreisfreie Städte ohne Zusatz –, „Gifhorn, Landkreis“,
    „Rhein-Sieg-Kreis“, „Städteregion Aachen“, „Regionalverband Saarbrücken“)."""
    text = name.lower()
    if re.search(r"kreisfreie stadt|krsfr\. stadt|stadtkreis", text):
        return "kreisfreie Stadt"
    if re.search(r"kreis|region", text):
        return "Landkreis"
    return "kreisfreie Stadt"


def _md(text: str) -> str:
    """Text aus Daten für Markdown: HTML maskieren und Markdown-Zeichen entschärfen."""
    return re.sub(r"([\\`*_\[\]#|])", r"\\\1", html.escape(text))


def _kennzahl(ind: indikatoren.Indikator) -> str:
    """Name mit Einheit, wenn sie nicht „%“ ist und nicht schon im Namen steht."""
    if ind.einheit == "%" or ind.einheit in ind.name:
        return ind.name
    return f"{ind.name} ({ind.einheit})"


def _anzahl(zeile: pd.Series | None, spalte: str) -> str:
    """Eine Fallzahl aus einer geschützten Zeile; gesperrt oder fehlend: „.“."""
    if zeile is None or pd.isna(zeile[spalte]):
        return GEHEIM
    return zahl(float(zeile[spalte]))


def _grafiktext(text: str) -> str:
    """Text aus Daten für matplotlib: ``$`` würde sonst als Formel gesetzt."""
    return text.replace("$", r"\$")


# --- der Bericht -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Bericht:
    """Inhalte eines Berichts über eine Kommune (für alle drei Vorlagen)."""

    basis: datenbasis.Datenbasis
    kommune: str
    jahr: int | None = None
    vergleich: str = "aehnliche"
    thema: str = ALLE
    mindestfallzahl: int = 3

    # Gebiete
    @cached_property
    def name(self) -> str:
        return self.basis.name(self.kommune)

    @cached_property
    def land(self) -> str:
        return self.basis.land_von(self.kommune)

    @cached_property
    def land_name(self) -> str:
        return self.basis.name(self.land)

    @property
    def bezug(self) -> str:
        """Womit verglichen wird: „Land“ (Kreisprofil) oder „Kreis“ (Gemeindeprofil)."""
        return self.basis.bezug

    @cached_property
    def stadtstaat(self) -> bool:
        """Berlin, Hamburg: Kommune und Land sind dasselbe Gebiet – kein Landesvergleich."""
        if self.basis.ist_gemeindebasis():
            return False
        kreise = self.basis.kreise
        return set(kreise.loc[kreise["land"] == self.land, "ags"]) == {self.kommune}

    @cached_property
    def kreistyp(self) -> str:
        return kreistyp(self.name)

    @cached_property
    def aehnliche(self) -> list[str]:
        """Kommunen zum Vergleich: die ähnlichsten nach Struktur oder die angegebenen.

        Gesucht wird unter den Kommunen desselben Landes und desselben Kreistyps (kreisfreie
        Städte mit kreisfreien Städten) – Schularten und Übergänge unterscheiden sich von
        Land zu Land. Ein Stadtstaat hat kein Land mit anderen Kreisen: Er wird mit den
        kreisfreien Städten aller Länder verglichen, und der Bericht sagt es."""
        if self.vergleich == "land" or (
            self.basis.ist_gemeindebasis() and self.vergleich == "aehnliche"
        ):
            return []  # Gemeinden: verglichen wird mit ihrem Kreis
        if self.vergleich != "aehnliche":
            return [a for a in self.vergleich.split(",") if a != self.kommune]
        merkmale = [m for m in AEHNLICHKEIT if m in self.basis.werte]
        breit = {}
        for m in merkmale:
            t = self.basis.werte[m]
            breit[m] = t[t["jahr"] == t["jahr"].max()].set_index("ags")["wert"]
        tabelle = pd.DataFrame(breit).dropna()
        kreise = self.basis.kreise.set_index("ags")
        gleich = [
            a
            for a in tabelle.index
            if a in kreise.index
            and (self.stadtstaat or kreise.at[a, "land"] == self.land)
            and kreistyp(str(kreise.at[a, "name"])) == self.kreistyp
        ]
        tabelle = tabelle.loc[gleich]
        if self.kommune not in tabelle.index or len(tabelle) < 2:
            return []
        anzahl = min(ANZAHL_AEHNLICHE, len(tabelle) - 1, max(len(tabelle) // 4, 2))
        naechste = analyse.aehnliche_kommunen(
            self.kommune, merkmale=merkmale, anzahl=anzahl, tabelle=tabelle
        )
        return list(naechste["ags"])

    @property
    def themenfelder(self) -> list[str]:
        felder = self.basis.themenfelder()
        return felder if self.thema == ALLE else [f for f in felder if f == self.thema]

    # Zahlen (nur veröffentlichte)
    def _veroeffentlicht(self, kennung: str) -> pd.DataFrame:
        """Geschützte Werte aller Kreise und Länder; gesperrt = <NA>."""
        if self.basis.ist_gemeindebasis():  # nur die Gemeinden des eigenen Kreises
            return self.basis.geschuetzt(kennung, self.mindestfallzahl, bezug=self.land).tabelle
        return self.basis.geschuetzt(kennung, self.mindestfallzahl).tabelle

    def berichtsjahr(self, kennung: str) -> int | None:
        """Das neueste Jahr bis ``jahr``, in dem es für den Indikator Werte gibt."""
        jahre = [j for j in self.basis.jahre(kennung) if self.jahr is None or j <= self.jahr]
        return jahre[-1] if jahre else None

    def _wert(self, kennung: str, ags: str, jahr: int) -> pd.Series | None:
        t = self._veroeffentlicht(kennung)
        zeile = t[(t["ags"] == ags) & (t["jahr"] == jahr)]
        return None if zeile.empty else zeile.iloc[0]

    def _rang(self, kennung: str, jahr: int) -> tuple[int, int] | None:
        """Rang der Kommune unter den Kreisen ihres Landes (Gemeinden: ihres Kreises);
        1 = höchster Wert, gleiche angezeigte (gerundete) Werte haben den gleichen Rang."""
        t = self._veroeffentlicht(kennung)
        t = t[(t["jahr"] == jahr) & (t["land"] == self.land) & (t["ags"] != self.land)]
        t = t.dropna(subset=["wert"])
        if self.kommune not in set(t["ags"]):
            return None
        gerundet = t.set_index("ags")["wert"].astype(float).round(1)
        raenge = gerundet.rank(ascending=False, method="min")
        return int(raenge[self.kommune]), len(t)

    def _mittel_aehnliche(self, kennung: str, jahr: int) -> tuple[float | None, int]:
        """Der Wert der Vergleichskommunen als Gruppe, wie das Buch es lehrt: Summe der
        veröffentlichten Zähler durch Summe der veröffentlichten Nenner (nicht das Mittel
        der Quoten); Kommunen mit gesperrtem Zähler oder Nenner zählen nicht mit. Dazu die
        Zahl der Kommunen, die eingehen."""
        t = self._veroeffentlicht(kennung)
        t = t[(t["jahr"] == jahr) & t["ags"].isin(self.aehnliche)]
        t = t.dropna(subset=["zaehler", "nenner"])
        nenner = float(t["nenner"].astype(float).sum())
        if t.empty or nenner <= 0:
            return None, 0
        faktor = indikatoren.indikator(kennung).faktor
        return float(t["zaehler"].astype(float).sum()) / nenner * faktor, len(t)

    def _text(self, kennung: str, wert: object) -> str:
        ind = indikatoren.indikator(kennung)
        if wert is None or pd.isna(wert):
            return GEHEIM
        return zahlformat.wert(float(wert), ind.einheit, 1, mit_einheit=False)

    def _einheit(self, kennung: str) -> str:
        einheit = indikatoren.indikator(kennung).einheit
        return "" if einheit == "%" else einheit

    # Bausteine für die Vorlagen
    def kopf(self, vorlage: str = "kommunalprofil") -> Text:
        titel = VORLAGEN[vorlage].titel
        if VORLAGEN[vorlage].ein_thema:
            titel += f" „{self.themenfelder[0]}“" if self.thema != ALLE else ""
        vergleich = f"{_md(self.land_name)} ({self.bezug})"
        if self.stadtstaat:
            vergleich = (
                f"{len(self.aehnliche)} ähnliche Kommunen (Stadtstaat: kein Landesvergleich)"
            )
        elif self.aehnliche:
            vergleich += f" und {len(self.aehnliche)} ähnliche Kommunen"
        jahr = f"Berichtsjahr {self.jahr}" if self.jahr else "neueste verfügbare Jahre"
        if self.basis.ist_gemeindebasis():
            titel = titel.replace("Kommunalprofil", "Gemeindeprofil")
        return Text(
            f"# {titel} {_md(self.name)}\n\n"
            f"**Gemeindeschlüssel {self.kommune}** · {jahr} · Vergleich: {vergleich}\n\n"
            f"Alle Zahlen aus {_md(self.basis.titel)}. Fallzahlen kleiner als "
            f"{self.mindestfallzahl} sind gesperrt und als „.“ dargestellt; Vergleichswerte "
            "werden nur aus veröffentlichten Zahlen gebildet."
        )

    def vergleichskommunen(self) -> Text:
        if not self.aehnliche and self.basis.ist_gemeindebasis():
            return Text(f"Verglichen wird mit dem Kreis {_md(self.land_name)}.")
        if self.vergleich == "land":
            return Text("Verglichen wird mit dem Land.")
        namen = ", ".join(f"{_md(self.basis.name(a))} ({a})" for a in self.aehnliche)
        if self.vergleich == "aehnliche":
            merkmale = [
                indikatoren.indikator(m).name for m in AEHNLICHKEIT if m in self.basis.werte
            ]
            typ = "kreisfreien Städten" if self.kreistyp == "kreisfreie Stadt" else "Landkreisen"
            kreis = (
                f"{typ} aller Länder (ein Stadtstaat hat kein Land mit anderen Kreisen)"
                if self.stadtstaat
                else f"{typ} in {_md(self.land_name)}"
            )
            return Text(
                f"**Ähnliche Kommunen** – gesucht unter den {kreis}, nach "
                f"{', '.join(merkmale)} (z-standardisiert, kleinster Abstand): "
                f"{namen or 'keine'}. Ihr Wert in den Tabellen ist die Quote der Gruppe: "
                "die Summe ihrer veröffentlichten Zähler durch die Summe ihrer "
                "veröffentlichten Nenner (gesperrte zählen nicht mit). Kennzahlen, nach "
                "denen ausgewählt wurde, sind mit „(Auswahlmerkmal)“ markiert – dort sind "
                "die Vergleichskommunen ähnlich, weil sie so ausgewählt wurden."
            )
        fremd = [a for a in self.aehnliche if self.basis.land_von(a) != self.land]
        ueber = (
            " – auch aus anderen Ländern: Vergleiche über Ländergrenzen nur mit Erläuterung."
            if fremd
            else ""
        )
        return Text(
            f"**Vergleichskommunen** (vorgegeben): {namen}.{ueber} Ihr Wert in den Tabellen "
            "ist die Quote der Gruppe (Summe ihrer veröffentlichten Zähler durch Summe ihrer "
            "veröffentlichten Nenner)."
        )

    def _kennzahlen_mit_werten(self, themenfeld: str):  # noqa: ANN202 – Generator
        """Je Indikator des Themenfelds: Indikator, Berichtsjahr, Zeile der Kommune und des
        Landes (geschützt; ``None``, wenn es sie nicht gibt)."""
        for ind in self.basis.indikatoren(themenfeld):
            jahr = self.berichtsjahr(ind.kennung)
            if jahr is not None:
                ort = self._wert(ind.kennung, self.kommune, jahr)
                yield ind, jahr, ort, self._wert(ind.kennung, self.land, jahr)

    def kennzahlen(self, themenfeld: str) -> Tabelle:
        """Die Kennzahlen eines Themenfelds: Kommune, Fallzahlen, Land, Vergleich, Rang."""
        zeilen = []
        for ind, jahr, ort, land in self._kennzahlen_mit_werten(themenfeld):
            merkmal = self.vergleich == "aehnliche" and self.aehnliche
            zeile = {
                "Kennzahl": _kennzahl(ind)
                + (" (Auswahlmerkmal)" if merkmal and ind.kennung in AEHNLICHKEIT else ""),
                "Jahr": str(jahr),
                self.name: self._text(ind.kennung, None if ort is None else ort["wert"]),
                "Zähler": _anzahl(ort, "zaehler"),
                "Nenner": _anzahl(ort, "nenner"),
            }
            if not self.stadtstaat:
                zeile[self.land_name] = self._text(
                    ind.kennung, None if land is None else land["wert"]
                )
            if self.aehnliche:
                mittel, n = self._mittel_aehnliche(ind.kennung, jahr)
                zeile["Vergleichskommunen"] = self._text(ind.kennung, mittel)
            if not self.stadtstaat:
                rang = self._rang(ind.kennung, jahr)
                zeile[f"Rang im {self.bezug} (1 = höchster Wert)"] = (
                    f"{rang[0]} von {rang[1]}" if rang else GEHEIM
                )
            zeilen.append(zeile)
        return Tabelle(pd.DataFrame(zeilen), titel=themenfeld)

    def einordnung(self, themenfeld: str, *, lesart: bool = True) -> Text:
        """Je Kennzahl ein Satz: über oder unter dem Land, aus den veröffentlichten Zahlen;
        mit ``lesart`` dazu, was ein hoher Wert bedeutet."""
        saetze = []
        for ind, jahr, ort, land in self._kennzahlen_mit_werten(themenfeld):
            bezug = "dem Landeswert" if self.bezug == "Land" else "dem Kreiswert"
            if self.stadtstaat:  # verglichen wird mit den ähnlichen Kommunen
                mittel, _ = self._mittel_aehnliche(ind.kennung, jahr)
                land = None if mittel is None else pd.Series({"wert": mittel})
                bezug = "dem Mittel der ähnlichen Kommunen"
            if ort is None or pd.isna(ort["wert"]) or land is None or pd.isna(land["wert"]):
                saetze.append(f"- {ind.name} ({jahr}): gesperrt oder nicht vorhanden.")
                continue
            abstand = float(ort["wert"]) - float(land["wert"])
            einheit = "Prozentpunkte" if ind.einheit == "%" else self._einheit(ind.kennung)
            if round(abstand, 1) == 0:
                lage = f"genau auf {bezug}"
            else:
                lage = f"{zahl(abs(abstand), 1)} {einheit} {'über' if abstand > 0 else 'unter'}"
                lage += f" {bezug}"
            saetze.append(
                f"- **{ind.name}** ({jahr}): {self._text(ind.kennung, ort['wert'])}, "
                f"{lage} ({self._text(ind.kennung, land['wert'])})."
                + (f" {ind.lesart}" if lesart else "")
            )
        return Text("\n".join(saetze))

    def _reihe(self, kennung: str, gebiete: list[str]) -> pd.DataFrame:
        t = self._veroeffentlicht(kennung)
        jahre = [j for j in self.basis.jahre(kennung) if self.jahr is None or j <= self.jahr]
        jahre = jahre[-JAHRE_ZEITREIHE:]
        t = t[t["ags"].isin(gebiete) & t["jahr"].isin(jahre)].copy()
        t["name"] = t["ags"].map(lambda a: _grafiktext(self.basis.name(a)))
        t["wert"] = t["wert"].astype(float)
        return t

    def zeitreihe(self, kennung: str) -> grafik.Grafik | Text:
        """Verlauf der Kommune gegen das Land (Gemeinde: gegen den Kreis; Stadtstaat: allein –
        Stadt und Land sind dasselbe Gebiet), höchstens die letzten zehn Jahre."""
        ind = indikatoren.indikator(kennung)
        gebiete = [self.kommune] if self.stadtstaat else [self.kommune, self.land]
        t = self._reihe(kennung, gebiete)
        if t["jahr"].nunique() < 3:
            return Text(f"_Für „{ind.name}“ gibt es keine Zeitreihe (weniger als drei Jahre)._")
        return grafik.zeitreihe(
            t,
            titel=_grafiktext(ind.name),
            quelle=self.quellenzeile(),
            referenz=None if self.stadtstaat else _grafiktext(self.land_name),
            einheit="%" if ind.einheit == "%" else "",
        )

    def hauptindikator(self, themenfeld: str) -> str | None:
        """Der erste Indikator des Themenfelds mit einer Zeitreihe (sonst der erste)."""
        liste = [i.kennung for i in self.basis.indikatoren(themenfeld)]
        mit_reihe = [k for k in liste if len(self.basis.jahre(k)) >= 3]
        return (mit_reihe or liste or [None])[0]

    def karte(self, kennung: str) -> grafik.Grafik | Text:
        """Karte der Kreise des Landes; die Kommune ist schwarz umrandet."""
        geo = self.basis.geometrie()
        ind = indikatoren.indikator(kennung)
        if self.basis.ist_gemeindebasis():
            return Text(
                "_Keine Karte: Zu den Gemeinden liegen keine Gemeindeflächen vor (die "
                "Geometrie im Datenordner sind die Kreise)._"
            )
        if geo is None:
            return Text(
                "_Keine Karte: Zu diesen Daten liegt keine Geometrie vor (eine GeoJSON-Datei "
                "der Kreise mit Schlüssel AGS oder ARS im Datenordner)._"
            )
        if self.stadtstaat:
            return Text(
                f"_Keine Karte: {_md(self.name)} ist ein Stadtstaat – eine Karte der Kreise des "
                "Landes zeigte nur die Stadt selbst._"
            )
        jahr = self.berichtsjahr(kennung)
        t = self._veroeffentlicht(kennung)
        t = t[(t["jahr"] == jahr) & (t["land"] == self.land) & (t["ags"] != self.land)]
        kreise = set(self.basis.kreise.loc[self.basis.kreise["land"] == self.land, "ags"])
        geo = geo[geo["ags"].isin(kreise)]
        werte = t[["ags", "wert"]].assign(
            wert=lambda d: d["wert"].astype(float),
            name=lambda d: d["ags"].map(lambda a: _grafiktext(self.basis.name(a))),
        )
        bild = grafik.karte(
            geo,
            werte,
            titel=f"{_grafiktext(ind.name)} {jahr}",
            quelle=self.quellenzeile(),
            einheit="%" if ind.einheit == "%" else "",
        )
        geo[geo["ags"] == self.kommune].boundary.plot(
            ax=bild.figur.axes[0], color="black", linewidth=2.2
        )
        return grafik.Grafik(bild.figur, f"{bild.alt} Schwarz umrandet: {self.name}.")

    def vergleich_einzeln(self, kennung: str) -> Tabelle:
        """Die Kennzahl für die Kommune, jede Vergleichskommune und das Land."""
        ind = indikatoren.indikator(kennung)
        jahr = self.berichtsjahr(kennung)
        zeilen = []
        for ags in [self.kommune, *self.aehnliche, self.land]:
            w = self._wert(kennung, ags, jahr)
            zeilen.append(
                {
                    "Gebiet": self.basis.name(ags)
                    + (f" ({self.bezug})" if ags == self.land else ""),
                    "Schlüssel": ags,
                    f"{ind.name} {jahr}": self._text(kennung, None if w is None else w["wert"]),
                    "Zähler": _anzahl(w, "zaehler"),
                    "Nenner": _anzahl(w, "nenner"),
                }
            )
        return Tabelle(pd.DataFrame(zeilen), titel=f"Vergleich {ind.name}")

    def abschnitt(self, themenfeld: str, *, ausfuehrlich: bool = False) -> list[object]:
        """Was ein Themenfeld im Bericht zeigt: Überschrift, Tabelle, Sätze, Grafiken."""
        teile: list[object] = [
            Text(f"## {themenfeld}"),
            self.kennzahlen(themenfeld),
            self.einordnung(themenfeld),
        ]
        kennungen = [i.kennung for i in self.basis.indikatoren(themenfeld)]
        if not ausfuehrlich:
            kennungen = [k for k in [self.hauptindikator(themenfeld)] if k]
        for kennung in kennungen:
            if len(self.basis.jahre(kennung)) >= 3:
                teile.append(self.zeitreihe(kennung))
            if ausfuehrlich and self.aehnliche:
                teile.append(self.vergleich_einzeln(kennung))
        return teile

    def abschnitte(self) -> list[object]:
        teile: list[object] = []
        for feld in self.themenfelder:
            teile.extend(self.abschnitt(feld))
        return teile

    def kartenindikator(self) -> str:
        """Für die Karte im Profil: die U3-Betreuungsquote, sonst die erste Hauptkennzahl."""
        if "betreuungsquote_u3" in self.basis.werte:
            return "betreuungsquote_u3"
        return next(k for k in map(self.hauptindikator, self.themenfelder) if k)

    def journal(self) -> list[object]:
        """Bildungsjournal: ein Themenfeld ausführlich – jede Kennzahl mit Verlauf und
        Vergleich mit jeder Vergleichskommune, dazu die Karte."""
        if self.thema == ALLE:
            raise ParameterFehler(
                "Das Bildungsjournal behandelt genau ein Themenfeld: Geben Sie „thema“ an, "
                f"z. B. „{self.basis.themenfelder()[0]}“. Möglich sind: "
                f"{', '.join(self.basis.themenfelder())}."
            )
        feld = self.themenfelder[0]
        teile = self.abschnitt(feld, ausfuehrlich=True)
        teile.insert(1, Text(f"Kennzahlen des Themenfelds „{feld}“ im Überblick:"))
        if kennung := self.hauptindikator(feld):
            teile.append(self.karte(kennung))
        return teile

    def kurzfassung(self) -> Text:
        """Faktenblatt: je Themenfeld ein Satz zur Hauptkennzahl."""
        teile = []
        for feld in self.themenfelder:
            kennung = self.hauptindikator(feld)
            satz = self.einordnung(feld, lesart=False).markdown.split("\n")
            treffer = [z for z in satz if indikatoren.indikator(kennung).name in z]
            teile.append(treffer[0] if treffer else satz[0])
        return Text("**Einordnung**\n\n" + "\n".join(teile))

    def eckwerte(self) -> Tabelle:
        """Faktenblatt: je Themenfeld die Hauptkennzahl, Kommune und Land."""
        zeilen = []
        for feld in self.themenfelder:
            kennung = self.hauptindikator(feld)
            jahr = self.berichtsjahr(kennung) if kennung else None
            if jahr is None:
                continue
            ort = self._wert(kennung, self.kommune, jahr)
            land = self._wert(kennung, self.land, jahr)
            zeile = {
                "Themenfeld: Kennzahl": f"{feld}: {indikatoren.indikator(kennung).name}",
                "Jahr": str(jahr),
                self.name: self._text(kennung, None if ort is None else ort["wert"]),
            }
            if not self.stadtstaat:  # Berlin, Hamburg: das Land ist die Kommune selbst
                zeile[self.land_name] = self._text(kennung, None if land is None else land["wert"])
            zeilen.append(zeile)
        return Tabelle(pd.DataFrame(zeilen), titel="Eckwerte")

    def quellenzeile(self) -> str:
        """Kurzer Quellenvermerk unter Grafiken: Urheber der ersten Tabelle und Lizenz."""
        if self.basis.ist_musterland():
            return self.basis.quellen[0]
        zeile = self.basis.quellen[0].split(": ", 1)[-1]
        if any(q.startswith("Lizenz:") for q in self.basis.quellen):
            zeile += " (dl-de/by-2-0)"
        return zeile

    def _landeswerte_text(self) -> str:
        """Woher die Landeswerte dieses Berichts kommen: amtliche Landeszeile oder Summe."""
        amtlich, summe, vollstaendig = [], [], []
        for kennung in self.basis.werte:
            jahr = self.berichtsjahr(kennung)
            name = indikatoren.indikator(kennung).name
            zeilen = self.basis.landeswerte.get(kennung)
            if (
                zeilen is not None
                and ((zeilen["ags"] == self.land) & (zeilen["jahr"] == jahr)).any()
            ):
                amtlich.append(name)
                continue
            saetze = self.basis.landeswert_hinweise(kennung, land=self.land, jahr=jahr)
            summe.extend(f"{name}: {satz}" for satz in saetze)
            if not saetze:
                vollstaendig.append(name)
        teile = []
        if amtlich:
            teile.append(
                f"Landeswerte aus den amtlichen Landeszeilen der Dateien: {', '.join(amtlich)}."
            )
        if vollstaendig:
            teile.append(
                "Ohne Landeszeile in der Datei ist der Landeswert die Summe aller Kreise des "
                f"Landes (Zähler und Nenner): {', '.join(vollstaendig)}."
            )
        teile.extend(summe)
        return " ".join(teile)

    def _fehlende_kennzahlen(self) -> str:
        """Welche Kennzahlen des Registers fehlen und warum (keine amtliche Quelle, oder die
        Tabelle fehlt im Ordner)."""
        from bimo.indikatoren.adapter import amtliche_tabellen

        if self.basis.ist_gemeindebasis():
            kreis = self.basis.oberbasis
            nur_kreis = [
                indikatoren.indikator(k).name for k in kreis.werte if k not in self.basis.werte
            ]
            if not nur_kreis:
                return ""
            return (
                "Im Gemeindeprofil stehen nur Kennzahlen, deren Tabellen als Gemeindetabelle "
                f"(…-5) im Ordner liegen. Nur für Kreise, im Kommunalprofil {self.land}: "
                f"{'; '.join(nur_kreis)}."
            )
        ohne_quelle, ohne_datei = [], []
        for ind in indikatoren.alle_indikatoren():
            if ind.kennung in self.basis.werte:
                continue
            quellen = amtliche_tabellen(ind.kennung)
            if not all(quellen.values()):
                ohne_quelle.append(ind.name)
            else:
                codes = " und ".join(c[0] for c in quellen.values())
                ohne_datei.append(f"{ind.name} ({codes})")
        saetze = []
        if ohne_datei:
            saetze.append(
                "Nicht im Bericht, weil die Tabelle im Ordner fehlt oder keine passenden Jahre "
                f"hat: {'; '.join(ohne_datei)}."
            )
        if ohne_quelle:
            saetze.append(
                "Nicht im Bericht, weil bimo dafür keine Kreistabelle der Regionaldatenbank "
                f"einliest (kommunale oder eigene Quellen): {'; '.join(ohne_quelle)}."
            )
        return " ".join(saetze)

    def quellen(self) -> Text:
        zeilen = "\n".join(f"- {_md(q)}" for q in self.basis.quellen)
        teile = [f"**Datenquellen und Lizenz:**\n\n{zeilen}"]
        if not self.basis.ist_musterland():
            landeswerte = "" if self.stadtstaat else _md(self._landeswerte_text()) + " "
            if self.basis.ist_gemeindebasis():
                landeswerte = ""  # Kreiswerte wie im Kreisprofil: steht in den Hinweisen
            teile.append(
                landeswerte
                + "Schularten und Übergänge unterscheiden sich von Land zu Land: Vergleiche "
                "über Ländergrenzen nur mit Erläuterung."
            )
            teile.extend(_md(h) for h in self.basis.hinweise)
        teile.append(
            "**Zeichenerklärung:** „.“ Zahlenwert unbekannt oder geheim zu halten (Fallzahl "
            f"unter {self.mindestfallzahl} oder zum Schutz einer solchen gesperrt). "
            + RANG_ERKLAERUNG
        )
        if self.basis.dateien:
            teile.append(_md(self._fehlende_kennzahlen()))
            teile.append(
                "**Datengrundlage** – jede Datei des Datenordners, was sie speist oder warum "
                "sie nicht verwendet wird (wie `bimo daten pruefen`):\n\n"
                + self.basis.inventar_markdown()
            )
        teile.append("Erstellt mit bimo, dem Werkstattbuch für kommunales Bildungsmonitoring.")
        return Text("\n\n".join(teile))


def bericht(
    kommune: object,
    jahr: object = None,
    *,
    vergleich: object = "aehnliche",
    thema: object = ALLE,
    mindestfallzahl: object = 3,
    daten: object = datenbasis.MUSTERLAND,
) -> Bericht:
    """Prüft die Parameter (deutsche Meldungen) und gibt den :class:`Bericht` zurück."""
    daten = pruefe_daten(daten)
    basis = datenbasis.lade(daten)
    kommune = basis.pruefe_kommune(kommune)
    if len(kommune) == 8:  # eine Gemeinde: ihr Profil rechnet mit der Gemeindebasis
        basis = basis.gemeindebasis()
    return Bericht(
        basis,
        kommune,
        pruefe_jahr(jahr, daten),
        pruefe_vergleich(vergleich, daten),
        pruefe_thema(thema, daten),
        pruefe_mindestfallzahl(mindestfallzahl),
    )


def kommunalprofil(kommune: object, jahr: object = None, mindestfallzahl: object = 3) -> Bericht:
    """Kurzform für Musterland (wie in den Kapiteln): :func:`bericht` mit Vorgaben."""
    return bericht(kommune, jahr, mindestfallzahl=mindestfallzahl)
