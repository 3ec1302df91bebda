"""Übung „Typen bilden“: Sozialräume mit k-Means gruppieren, Silhouette und Stabilität lesen.

Teil 1: Mit einem Schieberegler k = 2 … 8 durchgehen; welches k hat die höchste
Silhouette? Teil 2: Welches k empfehlen Sie, wenn es mindestens vier Typen sein
sollen und die Lösung über verschiedene Startwerte (Saaten) stabil sein muss?
Die Selbstkontrollen erkennen: das k mit der kleinsten Silhouette, das größte k
„weil mehr Details“, das k mit der höchsten Stabilität statt Silhouette und das
Übersehen der Stabilität.
"""

from __future__ import annotations

from functools import lru_cache

import pandas as pd

from bimo.kern.format import zahl
from bimo.uebungen._basis import Auswahlkontrolle, Kontrolle, Rueckmeldung, lies_zahl

KS = tuple(range(2, 9))
SAATEN = tuple(range(10))
#: Sozialräume mit weniger Einwohnern bleiben draußen: Ihre Quoten beruhen auf winzigen Nennern.
MINDEST_EINWOHNER = 1000
#: Übungsschwelle: ab diesem mittleren bereinigten Rand-Index gilt eine Lösung als stabil.
SCHWELLE_STABIL = 0.8
#: Der Fachausschuss möchte mindestens so viele Typen.
MINDEST_K = 4
KEINE = "Keine: Keine Lösung mit mindestens vier Typen ist stabil genug"


def _sr():
    from bimo.kapitel import sozialraum

    return sozialraum


def merkmale() -> list[str]:
    """Die Merkmale der Typisierung: die Indikatoren des Sozialindex (``RICHTUNG``)."""
    return list(_sr().RICHTUNG)


@lru_cache(maxsize=8)
def tabelle(jahr: int = 2024) -> pd.DataFrame:
    """Kennzahlen der Sozialräume mit mindestens ``MINDEST_EINWOHNER`` Einwohnern."""
    t = _sr().kennzahlen(jahr)
    t = t[t["einwohner"] >= MINDEST_EINWOHNER]
    return t.dropna(subset=merkmale())


@lru_cache(maxsize=64)
def typen(k: int, jahr: int = 2024, saat: int = 0):
    """Die k-Means-Typisierung für ``k`` (aus :func:`bimo.kapitel.sozialraum.typisierung`)."""
    return _sr().typisierung(tabelle(jahr), merkmale(), k, saat=saat)


@lru_cache(maxsize=8)
def guete(jahr: int = 2024) -> pd.DataFrame:
    """Je k: Silhouette (Saat 0) und Stabilität (mittlerer bereinigter Rand-Index, 10 Saaten)."""
    zeilen = [
        {
            "k": k,
            "silhouette": typen(k, jahr).silhouette,
            "stabilitaet": _sr().stabilitaet(tabelle(jahr), merkmale(), k, saaten=SAATEN),
        }
        for k in KS
    ]
    return pd.DataFrame(zeilen).set_index("k")


def bestes_k(jahr: int = 2024) -> int:
    """Das k mit der höchsten Silhouette."""
    return int(guete(jahr)["silhouette"].idxmax())


def empfehlung(jahr: int = 2024) -> int | None:
    """Das k ≥ ``MINDEST_K`` mit der höchsten Silhouette unter den stabilen Lösungen (oder None)."""
    g = guete(jahr)
    stabil = g[(g.index >= MINDEST_K) & (g["stabilitaet"] >= SCHWELLE_STABIL)]
    return None if stabil.empty else int(stabil["silhouette"].idxmax())


def _lies_k(antwort: object) -> int | None:
    text = str(antwort).strip().lower().replace("k", "").replace("=", "").strip()
    wert = lies_zahl(text)
    if wert is None or wert != int(wert):
        return None
    return int(wert)


def pruefe_typisierung(antwort: object, jahr: int = 2024, versuch: int = 1) -> Rueckmeldung:
    """Prüft das k mit der höchsten Silhouette (Teil 1)."""
    k = _lies_k(antwort)
    if k is None:
        return Rueckmeldung(
            False, f"„{antwort}“ ist keine ganze Zahl. Geben Sie ein k zwischen 2 und 8 ein."
        )
    g = guete(jahr)
    if k not in g.index:
        return Rueckmeldung(
            False, "Gefragt ist ein k zwischen 2 und 8 – so weit reicht der Regler."
        )
    richtig = bestes_k(jahr)
    s = g["silhouette"]
    if k == richtig:
        return Rueckmeldung(
            True,
            f"Bei k = {richtig} ist die Silhouette mit {zahl(s[richtig], 2)} am höchsten: Die "
            "Sozialräume liegen dort am deutlichsten in ihrem eigenen Typ und weit weg vom "
            "nächsten.",
        )
    schlechtestes = int(s.idxmin())
    stabilstes = int(g["stabilitaet"].idxmax())
    if k == schlechtestes:
        text = (
            f"Bei k = {k} ist die Silhouette am kleinsten ({zahl(s[k], 2)}). Größer ist "
            "besser: Nahe 1 heißt klar getrennte Typen, nahe 0 heißt, die Typen gehen "
            "ineinander über."
        )
        if k == max(KS):
            text += " Mehr Typen sind nicht automatisch besser."
        return Rueckmeldung(False, text)
    if k == max(KS):
        return Rueckmeldung(
            False,
            "Mehr Typen zeigen mehr Details – aber die Silhouette sagt, ob es diese Typen in "
            f"den Daten wirklich gibt. Bei k = {k} liegt sie nur bei {zahl(s[k], 2)}.",
        )
    if k == stabilstes:
        return Rueckmeldung(
            False,
            f"k = {k} ist die stabilste Lösung, gefragt war aber die höchste Silhouette. "
            "Beides zählt – schauen Sie in dieser Frage nur auf die Silhouette.",
        )
    if versuch <= 1:
        hinweis = (
            f"Bei k = {k} liegt die Silhouette bei {zahl(s[k], 2)}. Gehen Sie mit dem Regler "
            "alle k durch und merken Sie sich die größte Silhouette."
        )
    else:
        hinweis = (
            "Schneller geht es mit einer Zeile: uebung.guete()['silhouette'].idxmax() – oder "
            "lesen Sie die Tabelle, die guete() liefert."
        )
    return Rueckmeldung(False, hinweis)


def optionen_empfehlung() -> list[str]:
    """Die Wahlmöglichkeiten von Teil 2."""
    return [f"k = {k}" for k in KS] + [KEINE]


def pruefe_empfehlung(antwort: object, jahr: int = 2024, versuch: int = 1) -> Rueckmeldung:
    """Prüft die Empfehlung (Teil 2): mindestens ``MINDEST_K`` Typen, stabil, beste Silhouette."""
    text = str(antwort or "").strip()
    if not text:
        return Rueckmeldung(False, "Bitte wählen Sie eine Antwort aus.")
    g = guete(jahr)
    richtig = empfehlung(jahr)
    k = None if text == KEINE else _lies_k(text)
    if text != KEINE and (k is None or k not in g.index):
        return Rueckmeldung(False, "Wählen Sie ein k zwischen 2 und 8 oder „Keine“.")
    if k == richtig:
        if richtig is None:
            return Rueckmeldung(
                True,
                f"Keine Lösung mit mindestens {MINDEST_K} Typen kommt über verschiedene "
                "Saaten stabil "
                "heraus. Dann sind die Typen eher ein Zufall des Startwerts – besser nicht "
                "veröffentlichen, sondern Merkmale oder Verfahren überdenken.",
            )
        return Rueckmeldung(
            True,
            f"k = {k}: Silhouette {zahl(g.loc[k, 'silhouette'], 2)}, Stabilität "
            f"{zahl(g.loc[k, 'stabilitaet'], 2)}. Unter den stabilen Lösungen mit mindestens "
            f"{MINDEST_K} Typen trennt sie am besten.",
        )
    if k is None:
        return Rueckmeldung(
            False,
            f"Es gibt eine stabile Lösung (Stabilität ab {zahl(SCHWELLE_STABIL, 1)}) mit "
            f"mindestens {MINDEST_K} Typen. Schauen Sie in die Spalte „stabilitaet“.",
        )
    if k < MINDEST_K:
        return Rueckmeldung(
            False,
            f"Der Fachausschuss möchte mindestens {MINDEST_K} Typen; k = {k} kommt darum nicht "
            "in Frage, auch wenn die Silhouette gut ist.",
        )
    stab = g.loc[k, "stabilitaet"]
    if stab < SCHWELLE_STABIL:
        return Rueckmeldung(
            False,
            f"Sie haben die Stabilität übersehen: Bei k = {k} liegt sie nur bei "
            f"{zahl(stab, 2)} – mit einem anderen Startwert kämen andere Typen heraus. So "
            "eine Lösung lässt sich nicht verlässlich berichten.",
        )
    if k == max(KS):
        return Rueckmeldung(
            False,
            "Mehr Typen heißt nicht mehr Erkenntnis: Die Silhouette ist bei einer anderen "
            "stabilen Lösung höher. Wählen Sie unter den stabilen die mit der besten Silhouette.",
        )
    if versuch <= 1:
        hinweis = (
            f"k = {k} ist stabil, aber eine andere stabile Lösung mit mindestens {MINDEST_K} "
            "Typen hat eine höhere Silhouette."
        )
    else:
        hinweis = (
            f"Streichen Sie alle k unter {MINDEST_K} und alle mit einer Stabilität unter "
            f"{zahl(SCHWELLE_STABIL, 1)}; von den übrigen nehmen Sie die größte Silhouette."
        )
    return Rueckmeldung(False, hinweis)


def beschreibung(k: int, jahr: int = 2024) -> str:
    """HTML: Silhouette, Stabilität und die Sozialräume je Typ für ``k``."""
    g = guete(jahr)
    gruppen = typen(k, jahr).gruppen
    zeilen = "".join(
        f"<li>Typ {typ}: {', '.join(sorted(gruppen[gruppen == typ].index))}</li>"
        for typ in sorted(gruppen.dropna().unique())
    )
    return (
        f"<p>k = {k}: Silhouette <b>{zahl(g.loc[k, 'silhouette'], 2)}</b>, Stabilität über "
        f"{len(SAATEN)} Saaten <b>{zahl(g.loc[k, 'stabilitaet'], 2)}</b></p><ul>{zeilen}</ul>"
    )


class Typenregler(Kontrolle):
    """Schieberegler für k, darunter Silhouette, Stabilität und Typen; Eingabe für Teil 1."""

    def __init__(self, jahr: int, k: int) -> None:
        import ipywidgets as w

        super().__init__(lambda antwort, versuch: pruefe_typisierung(antwort, jahr, versuch))
        self.jahr = jahr
        self.regler = w.IntSlider(
            value=k, min=min(KS), max=max(KS), description="k", continuous_update=False
        )
        self.info = w.HTML(value=beschreibung(k, jahr))
        self.regler.observe(
            lambda aenderung: setattr(self.info, "value", beschreibung(aenderung["new"], jahr)),
            names="value",
        )
        self.eingabe = w.Text(placeholder="z. B. 4", layout=w.Layout(width="8em"))
        self.oberflaeche = w.VBox(
            [
                self.regler,
                self.info,
                w.Label("Welches k hat die höchste Silhouette?"),
                w.HBox([self.eingabe, self.knopf]),
                self.ausgabe,
            ]
        )

    def antwort(self) -> str:
        return self.eingabe.value


def aufgabe_typisierung(jahr: int = 2024, k: int = 4) -> Typenregler:
    """Schieberegler k = 2 … 8 mit Silhouette und Stabilität, dazu die Frage nach dem besten k."""
    return Typenregler(jahr, k)


def aufgabe_empfehlung(jahr: int = 2024) -> Auswahlkontrolle:
    """Auswahl: Welches k empfehlen Sie (mindestens drei Typen, stabil)?"""
    return Auswahlkontrolle(
        lambda antwort, versuch: pruefe_empfehlung(antwort, jahr, versuch),
        f"Welches k empfehlen Sie (mindestens {MINDEST_K} Typen, stabil)?",
        optionen_empfehlung(),
    )
