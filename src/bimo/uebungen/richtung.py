"""Übung „Die Richtungsfalle“: Stufen nach NRW-Art und Sozialindex nach Hamburger Art lesen.

Der Schulsozialindex in NRW hat 9 Stufen, 9 bedeutet die höchste Belastung; der
Hamburger Schulsozialindex läuft andersherum (1 = stark belastet … 6 =
privilegiert). Die Übung legt beide Skalen auf die Sozialräume von Musterstadt:
die Stufen 1–9 aus :func:`bimo.kapitel.sozialraum.sozialindex` und eine Skala „nach
Hamburger Art“ (sechs gleich große Gruppen der Statussumme, 1 = am stärksten
belastet). Die Selbstkontrollen erkennen, wer beide Zahlen gleich herum liest.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np
import pandas as pd

from bimo.kern.format import zahl
from bimo.uebungen._basis import Auswahlkontrolle, Rueckmeldung, Zuordnungskontrolle

MINDEST_EINWOHNER = 1000
STARK, WENIG = "stark belastet", "wenig belastet"
STUFE_A, HAMBURG_B = 3, 2  # die Werte des Paars in der ersten Frage

#: Skala → (kleinster Wert, größter Wert, Richtung: +1 = höhere Zahl heißt mehr Belastung)
SKALEN = {
    "NRW-Art": (1, 9, +1),
    "Hamburger Art": (1, 6, -1),
}
SKALENTEXT = {
    "NRW-Art": "Stufe {} (NRW-Art, 1 = wenig … 9 = höchste Belastung)",
    "Hamburger Art": "Sozialindex {} (Hamburger Art, 1 = stark belastet … 6 = privilegiert)",
}
#: Die Angaben der Übersetzungsaufgabe: Schlüssel → (Skala, Wert)
ANGABEN = {
    "nrw_8": ("NRW-Art", 8),
    "hamburg_2": ("Hamburger Art", 2),
    "nrw_2": ("NRW-Art", 2),
    "hamburg_5": ("Hamburger Art", 5),
}
GEGEN = "−1: Je höher die Übergangsquote, desto geringer die Belastung"
MIT = "+1: Je höher die Übergangsquote, desto höher die Belastung"
EGAL = "Egal: Die z-Standardisierung gleicht die Richtung aus"
VORZEICHEN_OPTIONEN = [GEGEN, MIT, EGAL]


def _sr():
    from bimo.kapitel import sozialraum

    return sozialraum


def hamburger_art(statussumme: pd.Series, stufen: int = 6) -> pd.Series:
    """Skala nach Hamburger Art: ``stufen`` gleich große Gruppen, 1 = am stärksten belastet.

    ``statussumme``: + = mehr Belastung. Die Skala ist nur zum Üben gebaut (Richtung und
    Spannweite wie beim Hamburger Schulsozialindex), kein amtliches Verfahren.
    """
    rang = statussumme.rank(method="first", ascending=False)  # 1 = höchste Belastung
    gruppe = np.ceil(rang / len(statussumme) * stufen).astype(int)
    return gruppe.clip(1, stufen).rename("hamburger_art")


@lru_cache(maxsize=8)
def skalen(jahr: int = 2024) -> pd.DataFrame:
    """Je Sozialraum: Name, Statussumme, Klasse, Stufe (NRW-Art) und Sozialindex (Hamburger Art)."""
    sr = _sr()
    tabelle = sr.kennzahlen(jahr)
    index = sr.sozialindex(tabelle)
    bewertet = index.statussumme.dropna().index
    ergebnis = pd.DataFrame(
        {
            "name": tabelle["name"].reindex(bewertet),
            "einwohner": tabelle["einwohner"].reindex(bewertet),
            "statussumme": index.statussumme.reindex(bewertet),
            "klasse": index.klassen.reindex(bewertet).astype(str),
            "NRW-Art": index.stufen.reindex(bewertet).astype(int),
            "Hamburger Art": hamburger_art(index.statussumme.reindex(bewertet)),
        }
    )
    return ergebnis.sort_index()


@lru_cache(maxsize=8)
def paar(jahr: int = 2024) -> tuple[str, str]:
    """Zwei Sozialräume für die Richtungsfalle: A mit Stufe 3 (NRW-Art), B mit Sozialindex 2
    (Hamburger Art). Wer beide Zahlen gleich herum liest, hält A für belasteter."""
    s = skalen(jahr)
    gross = s[s["einwohner"] >= MINDEST_EINWOHNER]
    a = gross[gross["NRW-Art"] == STUFE_A].index
    b = gross[gross["Hamburger Art"] == HAMBURG_B].index
    if len(a) == 0 or len(b) == 0:  # pragma: no cover – nur bei sehr wenigen Sozialräumen
        raise ValueError("Für die Übung fehlen Sozialräume mit Stufe 3 oder Sozialindex 2.")
    return a[0], b[0]


def _option(sr: str, jahr: int) -> str:
    return f"{sr} ({skalen(jahr).loc[sr, 'name']})"


def optionen_richtung(jahr: int = 2024) -> list[str]:
    """Die Wahlmöglichkeiten der ersten Frage."""
    a, b = paar(jahr)
    return [
        _option(a, jahr),
        _option(b, jahr),
        "Beide gleich belastet",
        "Das lässt sich nicht sagen",
    ]


def frage_richtung(jahr: int = 2024) -> str:
    """Die erste Frage als Satz (mit den Werten aus den Daten)."""
    s = skalen(jahr)
    a, b = paar(jahr)
    return (
        f"{_option(a, jahr)}: {SKALENTEXT['NRW-Art'].format(s.loc[a, 'NRW-Art'])}. "
        f"{_option(b, jahr)}: "
        f"{SKALENTEXT['Hamburger Art'].format(s.loc[b, 'Hamburger Art'])}. "
        "Welcher Sozialraum ist stärker belastet?"
    )


def pruefe_richtung(antwort: object, jahr: int = 2024, versuch: int = 1) -> Rueckmeldung:
    """Prüft, welcher der beiden Sozialräume aus :func:`paar` als stärker belastet erkannt wird.

    ``antwort``: eine der :func:`optionen_richtung` oder der Schlüssel (z. B. ``"SR05"``).
    """
    s = skalen(jahr)
    a, b = paar(jahr)
    text = str(antwort or "").strip()
    belasteter = a if s.loc[a, "statussumme"] > s.loc[b, "statussumme"] else b
    anderer = b if belasteter == a else a
    if not text:
        return Rueckmeldung(False, "Bitte wählen Sie eine Antwort aus.")
    gewaehlt = next((sr for sr in (a, b) if text == sr or text == _option(sr, jahr)), None)
    if gewaehlt == belasteter:
        return Rueckmeldung(
            True,
            f"{_option(belasteter, jahr)} ist stärker belastet: Auf der Hamburger Skala "
            "bedeutet eine kleine Zahl viel Belastung, auf der NRW-Skala eine große. Nennen "
            "Sie in jedem Bericht die Richtung der Skala mit.",
        )
    if gewaehlt == anderer:
        return Rueckmeldung(
            False,
            "Sie haben beide Zahlen gleich herum gelesen: größere Zahl = mehr Belastung. "
            "Das gilt nur für die NRW-Art (9 = höchste Belastung). Die Hamburger Skala läuft "
            "andersherum: 1 = stark belastet … 6 = privilegiert. Prüfen Sie bei jedem Index "
            "zuerst, in welche Richtung er zeigt.",
        )
    if text.startswith("Beide"):
        return Rueckmeldung(
            False,
            "Die beiden Zahlen stammen von verschiedenen Skalen und lassen sich nicht direkt "
            "vergleichen. Übersetzen Sie zuerst jede Zahl in „eher belastet“ oder „eher "
            "wenig belastet“.",
        )
    if text.startswith("Das lässt sich nicht"):
        hinweis = (
            "Doch: Wenn Sie die Richtung beider Skalen kennen, können Sie jede Zahl einordnen "
            f"– Stufe {STUFE_A} von 9 und Sozialindex {HAMBURG_B} von 6 liegen auf "
            "verschiedenen Seiten der Mitte."
        )
        return Rueckmeldung(False, hinweis)
    if versuch <= 1:
        return Rueckmeldung(
            False, "Wählen Sie einen der beiden Sozialräume oder eine der Aussagen."
        )
    return Rueckmeldung(
        False,
        "NRW-Art: 9 = höchste Belastung. Hamburger Art: 1 = stärkste Belastung. Übersetzen Sie "
        "beide Zahlen und vergleichen Sie dann.",
    )


def belastung(skala: str, wert: int) -> str:
    """„stark belastet“ oder „wenig belastet“: die Lesart eines Werts auf einer Skala."""
    unten, oben, richtung = SKALEN[skala]
    mitte = (unten + oben) / 2
    hoch = wert > mitte if richtung > 0 else wert < mitte
    return STARK if hoch else WENIG


def angaben_text() -> dict[str, str]:
    """Die Angaben der Übersetzungsaufgabe als Text."""
    return {k: SKALENTEXT[skala].format(wert) for k, (skala, wert) in ANGABEN.items()}


def pruefe_uebersetzung(antwort: object, versuch: int = 1) -> Rueckmeldung:
    """Prüft die Zuordnung ``{angabe: "stark belastet" | "wenig belastet"}`` (siehe ``ANGABEN``)."""
    if not isinstance(antwort, dict):
        return Rueckmeldung(False, "Bitte ordnen Sie jeder Angabe eine Lesart zu.")
    offen = [k for k in ANGABEN if antwort.get(k) not in (STARK, WENIG)]
    if len(offen) == len(ANGABEN):
        return Rueckmeldung(False, "Bitte ordnen Sie jeder Angabe eine Lesart zu.")
    if offen:
        return Rueckmeldung(False, f"Noch offen: {', '.join(angaben_text()[k] for k in offen)}.")
    falsch = [k for k, (skala, wert) in ANGABEN.items() if antwort[k] != belastung(skala, wert)]
    if not falsch:
        return Rueckmeldung(
            True,
            "Alle richtig gelesen. Stufe 8 und Sozialindex 2 meinen beide viel Belastung – "
            "obwohl die eine Zahl groß und die andere klein ist.",
        )
    skalen_falsch = {ANGABEN[k][0] for k in falsch}
    alle_der_skala = {
        s: all(k in falsch for k, (sk, _) in ANGABEN.items() if sk == s) for s in skalen_falsch
    }
    if skalen_falsch == {"Hamburger Art"} and alle_der_skala["Hamburger Art"]:
        return Rueckmeldung(
            False,
            "Die NRW-Stufen haben Sie richtig gelesen, die Hamburger Werte aber umgedreht: "
            "Dort ist 1 die stärkste Belastung und 6 privilegiert. Darum gehört zu jedem "
            "Indexwert der Satz, in welche Richtung die Skala zeigt.",
        )
    if skalen_falsch == {"NRW-Art"} and alle_der_skala["NRW-Art"]:
        return Rueckmeldung(
            False,
            "Die NRW-Stufen sind umgedreht: Beim Schulsozialindex in NRW bedeutet Stufe 9 die "
            "höchste Belastung, Stufe 1 die geringste.",
        )
    if len(falsch) == len(ANGABEN):
        return Rueckmeldung(
            False,
            "Alles genau verkehrt herum – beide Skalen sind umgedreht gelesen. NRW-Art: 9 = "
            "höchste Belastung; Hamburger Art: 1 = stark belastet.",
        )
    if versuch <= 1:
        return Rueckmeldung(
            False,
            f"{len(falsch)} von {len(ANGABEN)} Angaben stimmen noch nicht. Lesen Sie bei jeder "
            "Angabe zuerst, welches Ende der Skala die Belastung meint.",
        )
    return Rueckmeldung(
        False,
        "Noch falsch: " + "; ".join(angaben_text()[k] for k in falsch) + ".",
    )


@lru_cache(maxsize=8)
def korrelation(indikator: str = "uebergangsquote_gymnasium", jahr: int = 2024) -> float:
    """Korrelation (Pearson) von ``indikator`` mit der SGB-II-Quote unter 15 über die
    Sozialräume mit mindestens ``MINDEST_EINWOHNER`` Einwohnern."""
    t = _sr().kennzahlen(jahr)
    t = t[t["einwohner"] >= MINDEST_EINWOHNER].dropna(subset=[indikator, "sgb2_quote_unter_15"])
    return float(t[indikator].corr(t["sgb2_quote_unter_15"]))


def pruefe_vorzeichen(
    antwort: object,
    indikator: str = "uebergangsquote_gymnasium",
    jahr: int = 2024,
    versuch: int = 1,
) -> Rueckmeldung:
    """Prüft die Richtung, die ``indikator`` in einem Belastungsindex braucht.

    Richtig ist −1, wenn der Indikator mit der SGB-II-Quote negativ zusammenhängt
    (mehr davon = weniger Belastung).
    """
    r = korrelation(indikator, jahr)
    richtig = GEGEN if r < 0 else MIT
    text = str(antwort or "").strip()
    if text not in VORZEICHEN_OPTIONEN:
        return Rueckmeldung(False, "Bitte wählen Sie eine der drei Aussagen.")
    sr = _sr()
    vorgabe = {**getattr(sr, "BILDUNGSINDIKATOREN", {}), **sr.RICHTUNG}.get(indikator)
    zusatz = (
        f" Im Modul bimo.kapitel.sozialraum steht sie mit {'+1' if vorgabe > 0 else '−1'}."
        if vorgabe
        else ""
    )
    if text == richtig:
        return Rueckmeldung(
            True,
            f"Die Übergangsquote hängt mit der SGB-II-Quote mit r = {zahl(r, 2)} zusammen: "
            "Viele Gymnasialübergänge sind ein Zeichen für wenig Belastung. In einem "
            "Belastungsindex braucht sie darum die Richtung −1." + zusatz,
        )
    if text == EGAL:
        return Rueckmeldung(
            False,
            "Die z-Standardisierung verschiebt und streckt nur; das Vorzeichen bleibt. Ohne "
            "Umkehr würde ein Sozialraum mit vielen Gymnasialübergängen belasteter wirken.",
        )
    falsch = (
        "Mit dieser Richtung würde ein Sozialraum mit vielen Gymnasialübergängen als "
        "belasteter gelten – genau verkehrt herum."
    )
    if versuch <= 1:
        return Rueckmeldung(
            False,
            falsch + " Fragen Sie sich: Ist ein Sozialraum mit vielen Übergängen aufs "
            "Gymnasium eher stärker oder eher weniger belastet?",
        )
    return Rueckmeldung(
        False,
        falsch + f" In Musterstadt hängt die Übergangsquote mit der SGB-II-Quote mit "
        f"r = {zahl(r, 2)} zusammen. Was heißt das für die Richtung?",
    )


def aufgabe_richtung(jahr: int = 2024) -> Auswahlkontrolle:
    """Optionsfelder: Welcher der beiden Sozialräume ist stärker belastet?"""
    return Auswahlkontrolle(
        lambda antwort, versuch: pruefe_richtung(antwort, jahr, versuch),
        frage_richtung(jahr),
        optionen_richtung(jahr),
        knoepfe=True,
    )


def aufgabe_uebersetzung() -> Zuordnungskontrolle:
    """Je Angabe ein Auswahlfeld: stark oder wenig belastet?"""
    return Zuordnungskontrolle(
        pruefe_uebersetzung,
        "Wie ist die Angabe zu lesen?",
        angaben_text(),
        [STARK, WENIG],
        breite="46em",
    )


def aufgabe_vorzeichen(indikator: str = "uebergangsquote_gymnasium", jahr: int = 2024):
    """Optionsfelder: Welche Richtung braucht die Übergangsquote im Belastungsindex?"""
    return Auswahlkontrolle(
        lambda antwort, versuch: pruefe_vorzeichen(antwort, indikator, jahr, versuch),
        "Welche Richtung braucht die „Übergangsquote Gymnasium“ in einem Belastungsindex?",
        VORZEICHEN_OPTIONEN,
        knoepfe=True,
    )
