"""Eindimensionaler Schutz von Quoten- und Fallzahltabellen im Langformat.

Jede Tabelle mit Fallzahlen, die in einen Bericht, auf eine Seite oder in
einen Download geht, läuft durch :func:`schuetze_quoten`. Gesperrte Werte
erscheinen als „.“ (Zahlenwert geheim zu halten).

Regeln dieser Fassung:

- **Primäre Sperrung (Fallzahlregel):** eine Fallzahl n mit 0 < n < Mindestfallzahl
  ist sensibel. Echte Nullen sind nicht sensibel.
- **Quoten erben die Sperrung** ihres Zählers und Nenners: Aus Quote und Nenner
  ließe sich der Zähler zurückrechnen.
- **Sekundäre Sperrung bei einer Summenzeile:** Enthält die Tabelle eine Zeile,
  die die Summe der übrigen ist (z. B. das Land über den Kreisen), werden je
  Jahr weitere Teile gesperrt, bis keine gesperrte Zahl aus der Summe
  zurückgerechnet werden kann: Die Summe S der gesperrten Teile muss für jede
  primär gesperrte Zahl a mindestens max(a + 1, Mindestfallzahl) betragen –
  dann kann ein Angreifer weder ausschließen, dass a die Schwelle erreicht, noch
  dass a null ist (UPL = max(1, t − a), LPL = min(a, 1); siehe Kapitel
  Datenschutz).
- **Geprüft, bevor etwas herausgeht:** Jedes Sperrmuster mit Summenzeile läuft
  vor der Rückgabe durch die Angreiferprüfung :func:`~bimo.geheimhaltung.pruefe_sperrung`;
  besteht es nicht, wird nichts veröffentlicht (``GeheimhaltungsFehler``).
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from bimo.fehler import GeheimhaltungsFehler
from bimo.geheimhaltung.primaer import MINDESTFALLZAHL, ist_primaer_gesperrt
from bimo.kern.format import GEHEIM, prozent, zahl


@dataclass(frozen=True)
class Veroeffentlichung:
    """Eine geschützte Tabelle: ``tabelle`` mit <NA> an gesperrten Stellen, Maske ``gesperrt``."""

    tabelle: pd.DataFrame
    gesperrt: pd.DataFrame
    mindestfallzahl: int
    wertspalten: tuple[str, ...]

    def anzeige(
        self, stellen: dict[str, int] | None = None, prozentspalten: tuple[str, ...] = ()
    ) -> pd.DataFrame:
        """Tabelle als deutsch formatierter Text; gesperrte Werte als „.“.

        Formatiert werden die Wertspalten (``stellen`` Nachkommastellen je Spalte,
        Vorgabe 0); Schlüssel und Jahre bleiben, wie sie sind.
        """
        stellen = stellen or {}
        text = self.tabelle.copy().astype(object)
        for spalte in self.wertspalten:
            fmt = prozent if spalte in prozentspalten else zahl
            text[spalte] = [
                GEHEIM if gesperrt or pd.isna(wert) else fmt(wert, stellen.get(spalte, 0))
                for wert, gesperrt in zip(self.tabelle[spalte], self.gesperrt[spalte], strict=True)
            ]
        return text

    @property
    def anzahl_gesperrt(self) -> int:
        return int(self.gesperrt.to_numpy().sum())


def schuetze_quoten(
    tabelle: pd.DataFrame,
    *,
    zaehler: str = "zaehler",
    nenner: str = "nenner",
    quote: str = "wert",
    summenzeile: str | None = None,
    gebiet: str = "ags",
    gruppe: str = "jahr",
    mindestfallzahl: int = MINDESTFALLZAHL,
) -> Veroeffentlichung:
    """Schützt eine Tabelle von Quoten mit ihren Zählern und Nennern.

    ``tabelle`` hat je Zeile ein Gebiet und eine Gruppe (meist das Jahr).
    Gesperrt werden Zähler, Nenner und Quote einer Zeile, sobald Zähler oder
    Nenner sensibel sind. Ist ``summenzeile`` der Schlüssel eines Gebiets, das
    die Summe der übrigen ist (das Land), wird je Gruppe sekundär gesperrt.
    """
    return _schuetze(
        tabelle,
        (zaehler, nenner),
        (zaehler, nenner, quote),
        summenzeile,
        gebiet,
        gruppe,
        mindestfallzahl,
    )


def _schuetze(
    tabelle: pd.DataFrame,
    pruefen: tuple[str, ...],
    sperren: tuple[str, ...],
    summenzeile: str | None,
    gebiet: str,
    gruppe: str | list[str],
    mindestfallzahl: int,
) -> Veroeffentlichung:
    """Gemeinsamer Kern: Zeilen, in denen eine der ``pruefen``-Spalten sensibel ist, werden in
    allen ``sperren``-Spalten gesperrt; mit ``summenzeile`` zusätzlich sekundär."""
    gruppen = [gruppe] if isinstance(gruppe, str) else list(gruppe)
    fehlend = [s for s in (*sperren, gebiet, *gruppen) if s not in tabelle.columns]
    if fehlend:
        raise GeheimhaltungsFehler(
            f"Der Tabelle fehlen die Spalten {', '.join(fehlend)}; vorhanden: "
            f"{', '.join(map(str, tabelle.columns))}."
        )
    tabelle = tabelle.reset_index(drop=True)
    zeile_gesperrt = pd.Series(False, index=tabelle.index)
    for spalte in pruefen:
        zeile_gesperrt |= ist_primaer_gesperrt(tabelle[spalte], mindestfallzahl)
    if summenzeile is not None and zeile_gesperrt.any():
        zeile_gesperrt = _sekundaer(
            tabelle, zeile_gesperrt, pruefen, summenzeile, gebiet, gruppe, mindestfallzahl
        )
        _pruefe_wie_ein_angreifer(
            tabelle, zeile_gesperrt, pruefen, summenzeile, gebiet, gruppe, mindestfallzahl
        )
    gesperrt = pd.DataFrame(False, index=tabelle.index, columns=tabelle.columns)
    geschuetzt = tabelle.copy()
    for spalte in sperren:
        gesperrt[spalte] = zeile_gesperrt
        geschuetzt[spalte] = geschuetzt[spalte].astype("Float64").mask(zeile_gesperrt)
    return Veroeffentlichung(geschuetzt, gesperrt, mindestfallzahl, sperren)


def _pruefe_wie_ein_angreifer(
    tabelle: pd.DataFrame,
    gesperrt: pd.Series,
    spalten: tuple[str, ...],
    summenzeile: str,
    gebiet: str,
    gruppe: str | list[str],
    t: int,
) -> None:
    """Prüft je Gruppe und Spalte mit den LPs des Angreifers; wirft, wenn etwas durchsickert."""
    from bimo.geheimhaltung.audit import pruefe_sperrung
    from bimo.geheimhaltung.struktur import INSGESAMT

    for schluessel, teil in tabelle.groupby(gruppe):
        teile = teil[teil[gebiet] != summenzeile]
        maske = gesperrt[teile.index].to_numpy()
        if not maske.any():
            continue
        for spalte in spalten:
            innen = pd.DataFrame({spalte: teile[spalte].to_numpy()}, index=teile[gebiet].to_numpy())
            voll = pd.DataFrame(
                {spalte: [*maske, False], INSGESAMT: [*maske, False]},
                index=[*innen.index, INSGESAMT],
            )
            if not pruefe_sperrung(innen, voll, mindestfallzahl=t).bestanden:
                raise GeheimhaltungsFehler(
                    f"Das Sperrmuster für {gruppe} {schluessel} ({spalte}) hält der "
                    "Angreiferprüfung nicht stand; die Tabelle wird nicht veröffentlicht."
                )


def _sekundaer(
    tabelle: pd.DataFrame,
    gesperrt: pd.Series,
    spalten: tuple[str, ...],
    summenzeile: str,
    gebiet: str,
    gruppe: str | list[str],
    t: int,
) -> pd.Series:
    """Sperrt je Gruppe weitere Teile, bis keine gesperrte Zahl aus der Summe folgt."""
    gesperrt = gesperrt.copy()
    for schluessel, teil in tabelle.groupby(gruppe):
        wo = f"{gruppe} {schluessel}"
        teile = teil[teil[gebiet] != summenzeile]
        if len(teile) == len(teil):
            raise GeheimhaltungsFehler(f"Die Summenzeile „{summenzeile}“ fehlt in {wo}.")
        for spalte in spalten:
            werte = teile[spalte]
            while True:
                primaer = teile.index[gesperrt[teile.index] & ist_primaer_gesperrt(werte, t)]
                if len(primaer) == 0:
                    break
                summe = werte[gesperrt[teile.index]].sum()
                bedarf = max(max(werte[primaer]) + 1, t)
                if summe >= bedarf:
                    break
                frei = werte[~gesperrt[teile.index] & (werte > 0)].sort_values()
                if frei.empty:
                    raise GeheimhaltungsFehler(
                        f"Sperrung unmöglich: Für {wo} gibt es keine weitere Zelle mehr, "
                        "die die gesperrten Werte schützt."
                    )
                genug = frei[frei >= bedarf - summe]
                gesperrt[genug.index[0] if not genug.empty else frei.index[-1]] = True
    return gesperrt


def schuetze_anzahlen(
    tabelle: pd.DataFrame,
    *,
    wert: str = "wert",
    summenzeile: str | None = None,
    gebiet: str = "ags",
    gruppe: str | list[str] = "jahr",
    mindestfallzahl: int = MINDESTFALLZAHL,
) -> Veroeffentlichung:
    """Schützt eine Tabelle von Fallzahlen (eine Zahl je Gebiet und Gruppe).

    Primär gesperrt wird jede Zahl 0 < n < Mindestfallzahl; ist ``summenzeile`` das
    Gebiet, das die Summe der übrigen ist (z. B. der Kreis über seinen Gemeinden),
    wird je Gruppe sekundär gesperrt wie bei :func:`schuetze_quoten`.
    """
    return _schuetze(tabelle, (wert,), (wert,), summenzeile, gebiet, gruppe, mindestfallzahl)
