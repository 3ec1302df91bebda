"""Übung „Was darf veröffentlicht werden?“: Fallzahlen je Sozialraum mit Stadtsumme sperren.

Teil 1: In einer Tabelle mit Fallzahlen je Sozialraum (SGB-II-Empfänger unter 15,
Einschüler mit Sprachförderbedarf, Alleinerziehende) und der Stadtsumme markieren
die Teilnehmenden die Zellen, die bei Mindestfallzahl 3 nicht erscheinen dürfen.
Die Selbstkontrolle vergleicht mit dem Veröffentlichungsweg
(:func:`bimo.kapitel.datenschutz.sozialraum_veroeffentlichung`, also
:func:`bimo.geheimhaltung.schuetze_anzahlen` mit der Stadt als Summenzeile) und
prüft das Muster wie ein Angreifer (:func:`bimo.geheimhaltung.pruefe_sperrung`).
Sie erkennt übersehene kleine Zahlen, die vergessene sekundäre Sperrung
(Differenz zur Stadtsumme), gesperrte echte Nullen, eine gesperrte Stadtsumme und
zu viele Sperren. Teil 2: Warum fehlen die Quoten der fast unbewohnten Sozialräume?

Die Rückmeldungen nennen nie den Wert einer zu sperrenden Zelle.
"""

from __future__ import annotations

from functools import lru_cache

import pandas as pd

from bimo import daten
from bimo.geheimhaltung import INSGESAMT, MINDESTFALLZAHL, pruefe_sperrung
from bimo.kapitel.datenschutz import STADT, sozialraum_breit, sozialraum_veroeffentlichung
from bimo.kern.format import zahl
from bimo.uebungen._basis import Auswahlkontrolle, Rasterkontrolle, Rueckmeldung, markierte_zellen

MERKMALE = ("sgb2_unter_15", "einschueler_sprachfoerderbedarf", "haushalte_alleinerziehend")
BESCHRIFTUNG = {
    "sgb2_unter_15": "SGB-II-Empfänger unter 15",
    "einschueler_sprachfoerderbedarf": "Einschüler mit Sprachförderbedarf",
    "haushalte_alleinerziehend": "Alleinerziehende Haushalte",
}

RICHTIGER_GRUND = (
    "Die Nenner sind winzig: Aus Quote und Nenner ließe sich die kleine Fallzahl "
    "zurückrechnen, und die Quote wäre ohnehin Zufall."
)
GRUENDE = [
    RICHTIGER_GRUND,
    "Quoten sind keine Fallzahlen – sie dürfen immer gezeigt werden, hier fehlen nur Daten.",
    "Die Quoten sind 0 %, und Nullen werden immer gesperrt.",
    "Die Quoten liegen weit über dem Stadtwert; solche Ausreißer werden nicht gezeigt.",
]


def _name(merkmal: str) -> str:
    return BESCHRIFTUNG.get(merkmal, merkmal)


@lru_cache(maxsize=16)
def _referenz(jahr: int, mindestfallzahl: int):
    return sozialraum_veroeffentlichung(jahr, MERKMALE, mindestfallzahl)


def geschuetzt(jahr: int = 2024, mindestfallzahl: int = MINDESTFALLZAHL) -> pd.DataFrame:
    """Die geschützte Tabelle (Sozialräume × Merkmale, gesperrt als „.“) – zum Zeigen."""
    breit = sozialraum_breit(_referenz(jahr, mindestfallzahl))
    return breit[list(MERKMALE)].rename(columns=BESCHRIFTUNG)


def rohdaten(jahr: int = 2024) -> pd.DataFrame:
    """Die ungeschützten Fallzahlen mit Stadtsumme – nur zum Arbeiten in der eigenen Sitzung.

    Diese Tabelle gehört auf keine Seite und in keinen Bericht: Sie enthält kleine Zahlen.
    """
    sr = daten.lade("sozialraum_daten")
    teil = sr[(sr["jahr"] == jahr) & sr["merkmal"].isin(MERKMALE)]
    breit = teil.pivot(index="sozialraum", columns="merkmal", values="wert").astype(int)
    breit = breit[list(MERKMALE)].sort_index()
    breit.loc[STADT] = breit.sum()
    breit.columns.name = None
    return breit


@lru_cache(maxsize=16)
def _masken(jahr: int, mindestfallzahl: int) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """(Werte, primär gesperrt, Referenzmuster) – je Sozialräume (mit Stadt) × Merkmale."""
    werte = rohdaten(jahr)
    primaer = (werte > 0) & (werte < mindestfallzahl)
    primaer.loc[STADT] = False
    ref = _referenz(jahr, mindestfallzahl)
    lang = ref.tabelle.assign(gesperrt=ref.gesperrt["wert"].to_numpy())
    gesperrt = lang.pivot(index="sozialraum", columns="merkmal", values="gesperrt")
    gesperrt = gesperrt.reindex(index=werte.index, columns=list(MERKMALE)).fillna(False)
    return werte, primaer, gesperrt.astype(bool)


def referenzmuster(jahr: int = 2024, mindestfallzahl: int = MINDESTFALLZAHL) -> list[tuple]:
    """Die Zellen, die der Veröffentlichungsweg sperrt, als Liste (Sozialraum, Merkmal)."""
    _, _, gesperrt = _masken(jahr, mindestfallzahl)
    return [(z, s) for z in gesperrt.index for s in gesperrt.columns if gesperrt.loc[z, s]]


def _text(zelle: tuple) -> str:
    return f"({zelle[0]}, {_name(zelle[1])})"


def _spalte_geschuetzt(werte: pd.Series, gesperrt: pd.Series, t: int) -> tuple[bool, bool]:
    """(bestanden, exakt) für eine Spalte mit der Stadt als Summe – wie ein Angreifer."""
    teile = werte.drop(STADT)
    maske = gesperrt.drop(STADT).to_numpy()
    innen = pd.DataFrame({"wert": teile.to_numpy()}, index=teile.index)
    voll = pd.DataFrame(
        {"wert": [*maske, False], INSGESAMT: [*maske, False]}, index=[*teile.index, INSGESAMT]
    )
    pruefung = pruefe_sperrung(innen, voll, mindestfallzahl=t)
    if pruefung.bestanden:
        return True, False
    return False, any(b.unten == b.oben for b in pruefung.maengel)


def pruefe_sozialraum_veroeffentlichen(
    auswahl: object,
    jahr: int = 2024,
    mindestfallzahl: int = MINDESTFALLZAHL,
    versuch: int = 1,
) -> Rueckmeldung:
    """Prüft die markierten Zellen (Liste von (Sozialraum, Merkmal) oder bool-Maske).

    Richtig ist ein Muster, das jede kleine Zahl sperrt, keine aus der Stadtsumme
    zurückrechnen lässt und nicht mehr Zellen sperrt als der Veröffentlichungsweg.
    """
    werte, primaer, referenz = _masken(jahr, mindestfallzahl)
    zellen = markierte_zellen(auswahl, werte)
    if zellen is None:
        return Rueckmeldung(
            False,
            "Das kann ich nicht lesen. Klicken Sie die Zellen im Raster an oder geben Sie eine "
            'Liste von Paaren (Sozialraum, Merkmal) an, z. B. [("SR07", "sgb2_unter_15")].',
        )
    kleine = [(z, s) for z in werte.index for s in werte.columns if primaer.loc[z, s]]
    if not zellen:
        anzahl = (
            "eine kleine Fallzahl" if len(kleine) == 1 else f"{zahl(len(kleine))} kleine Fallzahlen"
        )
        return Rueckmeldung(
            False,
            f"Sie haben nichts gesperrt. Die Tabelle enthält {anzahl} unter "
            f"{mindestfallzahl} – so darf sie nicht erscheinen.",
        )
    offen = [zelle for zelle in kleine if zelle not in zellen]
    if offen:
        if versuch <= 1:
            text = (
                f"Noch steht mindestens eine kleine Fallzahl (unter {mindestfallzahl}, aber "
                "nicht 0) offen da. Gehen Sie jede Spalte durch, auch die fast unbewohnten "
                "Sozialräume."
            )
        else:
            text = (
                f"Die Zelle {_text(offen[0])} ist eine kleine Fallzahl unter {mindestfallzahl} "
                "und muss gesperrt werden (primäre Sperrung)."
            )
        return Rueckmeldung(False, text)
    stadt = [zelle for zelle in zellen if zelle[0] == STADT]
    if stadt:
        return Rueckmeldung(
            False,
            f"Sie haben die Stadtsumme gesperrt ({_name(stadt[0][1])}). Sie ist groß, nicht "
            "sensibel und wird ohnehin veröffentlicht, etwa in der amtlichen Statistik. "
            "Schützen Sie die kleine Zahl darum mit einem weiteren Sozialraum, nicht mit "
            "der Summe.",
        )
    nullen = sorted(zelle for zelle in zellen if werte.loc[zelle] == 0)
    if nullen:
        return Rueckmeldung(
            False,
            f"Die Zelle {_text(nullen[0])} ist eine echte Null. Nullen sind nicht sensibel – "
            "über niemanden lässt sich etwas verraten – und schützen als Partner einer "
            "gesperrten Zelle auch nichts.",
        )
    for spalte in werte.columns:
        if not primaer[spalte].any():
            continue
        maske = pd.Series([(z, spalte) in zellen for z in werte.index], index=werte.index)
        bestanden, exakt = _spalte_geschuetzt(werte[spalte], maske, mindestfallzahl)
        if bestanden:
            continue
        if exakt:
            text = (
                f"In der Spalte „{_name(spalte)}“ lässt sich die gesperrte Zahl aus der "
                "Stadtsumme zurückrechnen: Stadt minus alle gezeigten Sozialräume. Sperren "
                "Sie dort mindestens eine weitere Zelle (sekundäre Sperrung)."
            )
        else:
            text = (
                f"In der Spalte „{_name(spalte)}“ lässt sich die kleine Zahl über die "
                "Stadtsumme noch zu eng eingrenzen: Die gesperrten Zellen zusammen sind zu "
                "klein. Nehmen Sie als Partner eine Zelle mit einem größeren Wert."
            )
        return Rueckmeldung(False, text)
    unnoetig = [
        spalte
        for spalte in werte.columns
        if not primaer[spalte].any() and any(zelle[1] == spalte for zelle in zellen)
    ]
    if unnoetig:
        return Rueckmeldung(
            False,
            f"Sicher, aber in der Spalte „{_name(unnoetig[0])}“ gibt es keine kleine Zahl – "
            "dort muss nichts gesperrt werden. Jede unnötige Sperre ist verlorene Information.",
        )
    noetig = int(referenz.to_numpy().sum())
    if len(zellen) > noetig:
        return Rueckmeldung(
            False,
            f"Sicher – aber Sie haben {zahl(len(zellen))} Zellen gesperrt, der "
            f"Veröffentlichungsweg kommt mit {zahl(noetig)} aus. Welche Sperre können Sie "
            "wieder aufheben?",
        )
    return Rueckmeldung(
        True,
        f"Sicher und sparsam: {zahl(len(zellen))} gesperrte Zellen. Jede kleine Zahl ist "
        "gesperrt, und über die Stadtsumme lässt sich keine zurückrechnen – so wie beim "
        "Veröffentlichungsweg mit schuetze_anzahlen.",
    )


def kleine_sozialraeume(jahr: int = 2024) -> list[str]:
    """Die fast unbewohnten Sozialräume
    (``kleinraum`` in :func:`bimo.kapitel.sozialraum.kennzahlen`)."""
    from bimo.kapitel import sozialraum

    t = sozialraum.kennzahlen(jahr)
    return sorted(t.index[t["kleinraum"]])


def quoten_geschuetzt(quote: str = "sprachfoerderbedarf", jahr: int = 2024) -> pd.DataFrame:
    """Die Quote je Sozialraum als Text
    (über :func:`bimo.kapitel.sozialraum.veroeffentliche_quote`)."""
    from bimo.kapitel import sozialraum

    v = sozialraum.veroeffentliche_quote(sozialraum.kennzahlen(jahr), quote)
    anzeige = v.anzeige(stellen={"wert": 1}, prozentspalten=("wert",))
    return anzeige[["sozialraum", "name", "zaehler", "nenner", "wert"]].set_index("sozialraum")


def pruefe_quoten_grund(antwort: object, jahr: int = 2024, versuch: int = 1) -> Rueckmeldung:
    """Prüft den Grund, warum die Quoten der fast unbewohnten Sozialräume fehlen."""
    text = str(antwort or "").strip()
    if text not in GRUENDE:
        return Rueckmeldung(False, "Bitte wählen Sie eine der Begründungen.")
    klein = ", ".join(kleine_sozialraeume(jahr))
    if text == RICHTIGER_GRUND:
        return Rueckmeldung(
            True,
            f"In {klein} wurden nur sehr wenige Kinder untersucht. Eine Quote erbt die "
            "Sperrung ihres Zählers und Nenners: Wer Quote und Nenner kennt, rechnet den "
            "Zähler aus. Und ein einziges Kind mehr oder weniger verschiebt sie um viele "
            "Prozentpunkte.",
        )
    if text == GRUENDE[1]:
        return Rueckmeldung(
            False,
            "Quoten erben die Sperrung: Aus Quote × Nenner ergibt sich der Zähler. Eine Quote "
            "aus kleinen Zahlen ist darum so sensibel wie die Zahl selbst.",
        )
    if text == GRUENDE[2]:
        return Rueckmeldung(
            False,
            "Echte Nullen sind nicht sensibel – und nicht jede Quote dort ist 0 %. Schauen "
            "Sie auf die Nenner.",
        )
    if versuch <= 1:
        return Rueckmeldung(
            False,
            "Hohe Werte allein sind kein Grund zu sperren. Schauen Sie auf die Nenner der "
            f"Quoten in {klein}.",
        )
    return Rueckmeldung(
        False,
        "Ausreißer dürfen erscheinen. Entscheidend ist, auf wie vielen Menschen eine Quote "
        "beruht und ob sich daraus eine kleine Fallzahl zurückrechnen lässt.",
    )


class Sperrraster(Rasterkontrolle):
    """Je Zelle ein Umschaltknopf ohne Zahl (anklicken = sperren), darunter „Prüfen“."""

    def __init__(self, jahr: int, mindestfallzahl: int) -> None:
        werte, _, _ = _masken(jahr, mindestfallzahl)
        namen = daten.lade("sozialraeume").set_index("sozialraum")["name"]
        super().__init__(
            lambda auswahl, versuch: pruefe_sozialraum_veroeffentlichen(
                auswahl, jahr, mindestfallzahl, versuch
            ),
            "Sozialraum",
            {z: f"{z} {namen.get(z, '')}".strip() for z in werte.index},
            {s: _name(s) for s in werte.columns},
            lambda _z, _s: "zeigen",
            breite_zeilen="14em",
            breite="12em",
        )


def aufgabe_sozialraum_veroeffentlichen(
    jahr: int = 2024, mindestfallzahl: int = MINDESTFALLZAHL
) -> Sperrraster:
    """Raster ohne Zahlen: Welche Zellen müssen gesperrt werden? (Zahlen: :func:`rohdaten`)."""
    return Sperrraster(jahr, mindestfallzahl)


def aufgabe_quoten(jahr: int = 2024) -> Auswahlkontrolle:
    """Optionsfelder: Warum fehlen die Quoten der fast unbewohnten Sozialräume?"""
    klein = ", ".join(kleine_sozialraeume(jahr))
    return Auswahlkontrolle(
        lambda antwort, versuch: pruefe_quoten_grund(antwort, jahr, versuch),
        f"Warum zeigt die Tabelle für {klein} keine Quote?",
        GRUENDE,
        knoepfe=True,
    )
