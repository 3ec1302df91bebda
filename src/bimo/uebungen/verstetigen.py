"""Selbstkontrolle der Übung „Verstetigen: Wann kommt der nächste Wert?“.

Für einige Indikatoren tragen Lernende die Stichtage des nächsten Werts ein: wann der
Zähler gezählt wird und welcher Stand im Nenner steht. Die richtige Antwort kommt aus dem
Register (:func:`bimo.kapitel.auftrag.stichtage`) und dem neuesten Jahr der Musterland-Daten.
Erkannt werden: 31.12. statt 01.03. (und umgekehrt), der schon vorhandene Stand statt des
nächsten, das Jahr der Veröffentlichung statt des Datenjahrs, der falsche Jahrgang im
Nenner (Vorjahres-Nenner vergessen oder zu Unrecht angewandt).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache

from bimo import indikatoren
from bimo.kapitel import auftrag
from bimo.uebungen._basis import Rueckmeldung, mit_statischem_ersatz

INDIKATOREN = ("betreuungsquote_u3", "jugendquotient", "kinder_je_kita")
"""Die Indikatoren der Übung: alle mit Stichtagen, die ein Datum sind."""

TEILE = ("zaehler", "nenner")


@lru_cache(maxsize=1)
def neuestes_jahr() -> dict[str, int]:
    """Neuestes vollständiges Jahr je Indikator laut Aktualisierungskalender."""
    kalender = auftrag.aktualisierungskalender()
    return dict(zip(kalender["Kennung"], kalender["neuestes Jahr"].astype(int), strict=True))


def richtige_antwort(kennung: str) -> tuple[str, str]:
    """Stichtag des nächsten Zählers und des Nenners dazu, z. B. („01.03.2025“, „31.12.2024“)."""
    return auftrag.stichtage(kennung, neuestes_jahr()[kennung] + 1)


def _lies_datum(antwort: object) -> tuple[int, int, int] | None:
    treffer = re.fullmatch(r"\s*(\d{1,2})\.(\d{1,2})\.(\d{4})\s*", str(antwort))
    if not treffer:
        return None
    tag, monat, jahr = (int(t) for t in treffer.groups())
    if not (1 <= tag <= 31 and 1 <= monat <= 12):
        return None
    return tag, monat, jahr


def _text(datum: tuple[int, int, int]) -> str:
    return f"{datum[0]:02d}.{datum[1]:02d}.{datum[2]}"


def pruefe_stichtag(antwort: object, kennung: str, teil: str, versuch: int = 1) -> Rueckmeldung:
    """Prüft ein Datum (TT.MM.JJJJ): Stichtag des nächsten Zählers oder des Nenners dazu."""
    ind = indikatoren.indikator(kennung)
    rolle = "Zähler" if teil == "zaehler" else "Nenner"
    datum = _lies_datum(antwort)
    if datum is None:
        return Rueckmeldung(
            False,
            f"{rolle}: „{antwort}“ ist kein Datum. Schreiben Sie es als TT.MM.JJJJ, "
            "z. B. 01.03.2025.",
        )
    richtig = _lies_datum(richtige_antwort(kennung)[TEILE.index(teil)])
    zaehler = _lies_datum(richtige_antwort(kennung)[0])
    n = neuestes_jahr()[kennung]
    if datum == richtig:
        return Rueckmeldung(True, f"{rolle}: {_text(datum)}.")
    tag_monat, jahr = datum[:2], datum[2]
    kita = ind.stichtag == "01.03."
    if teil == "zaehler":
        if tag_monat == richtig[:2] and jahr == n:
            return Rueckmeldung(
                False,
                f"{rolle}: Den Stand {_text(datum)} gibt es schon – er ist der neueste Wert "
                f"({n}). Gefragt ist der nächste Stichtag.",
            )
        if tag_monat == richtig[:2] and jahr > richtig[2]:
            return Rueckmeldung(
                False,
                f"{rolle}: Sie haben wohl das Jahr genommen, in dem die Zahlen erscheinen. "
                "Im Datenkatalog steht das Datenjahr – der Stichtag, an dem gezählt wird; "
                "veröffentlicht wird immer erst danach.",
            )
        if tag_monat in ((31, 12), (1, 3)) and tag_monat != richtig[:2]:
            if kita:
                grund = "Kinder und Einrichtungen zählt die Kita-Statistik am 01.03.; der "
                grund += "31.12. ist der Stichtag des Bevölkerungsstands."
            else:
                grund = "Der Bevölkerungsstand gilt am 31.12.; der 01.03. ist der Stichtag "
                grund += "der Kita-Statistik."
            return Rueckmeldung(False, f"{rolle}: Stichtag verwechselt. {grund}")
    else:
        if ind.kennung.startswith("betreuungsquote") and datum == (31, 12, zaehler[2]):
            return Rueckmeldung(
                False,
                f"{rolle}: Vorjahres-Nenner vergessen. Die Kinder werden am 01.03. gezählt; "
                "der letzte Bevölkerungsstand davor ist der 31.12. des Vorjahres – und der "
                "liegt schon vor.",
            )
        if ind.stichtag == "31.12." and datum == (31, 12, zaehler[2] - 1):
            return Rueckmeldung(
                False,
                f"{rolle}: Hier gibt es keinen Vorjahres-Nenner. Zähler und Nenner stammen "
                "aus derselben Bevölkerungszählung am 31.12. desselben Jahres.",
            )
        if kita and tag_monat == (31, 12) and richtig[:2] == (1, 3):
            return Rueckmeldung(
                False,
                f"{rolle}: Die Einrichtungen werden wie die Kinder am 01.03. gezählt – der "
                "Nenner braucht keinen Bevölkerungsstand.",
            )
    if versuch <= 1:
        hinweis = "Sehen Sie im Steckbrief des Indikators nach: Stichtag und Nenner stehen dort."
    elif versuch == 2:
        hinweis = f"Laut Steckbrief: Stichtag {ind.stichtag}; Nenner: {ind.nenner}."
    else:
        hinweis = (
            f"Der neueste Wert gehört zum Jahr {n}, der nächste zum Jahr {n + 1}. "
            f"Stichtag {ind.stichtag}; Nenner: {ind.nenner}."
        )
    return Rueckmeldung(False, f"{rolle}: {_text(datum)} stimmt nicht. {hinweis}")


def pruefe_verstetigen(antwort: object, versuch: int = 1) -> Rueckmeldung:
    """Prüft den Aktualisierungskalender der Übung.

    ``antwort`` ordnet jeder Kennung aus :data:`INDIKATOREN` ein Paar
    (Stichtag des nächsten Zählers, Stichtag des Nenners dazu) zu, je als TT.MM.JJJJ.
    """
    if not isinstance(antwort, Mapping):
        return Rueckmeldung(
            False,
            "Geben Sie je Indikator zwei Daten an, z. B. "
            '{"betreuungsquote_u3": ("01.03.2025", "31.12.2024"), …}.',
        )
    fehlend = [indikatoren.REGISTER[k].name for k in INDIKATOREN if not antwort.get(k)]
    if fehlend:
        return Rueckmeldung(False, f"Es fehlen noch Angaben für: {', '.join(fehlend)}.")
    teile = []
    alle_richtig = True
    for kennung in INDIKATOREN:
        paar = antwort[kennung]
        if isinstance(paar, str) or not hasattr(paar, "__len__") or len(paar) != len(TEILE):
            paar = (paar, "")
        for teil, wert in zip(TEILE, paar, strict=True):
            r = pruefe_stichtag(wert, kennung, teil, versuch)
            alle_richtig &= r.richtig
            if not r.richtig:
                teile.append(f"{indikatoren.REGISTER[kennung].name} – {r.text}")
    if alle_richtig:
        return Rueckmeldung(
            True,
            "Alle Stichtage stimmen. So ein Kalender sagt Ihnen, wann Sie welche Daten "
            "anfragen – und dass der Nenner der Betreuungsquote schon vorliegt, bevor die "
            "Kinder gezählt werden.",
        )
    return Rueckmeldung(False, " ".join(teile))


def aufgabe_verstetigen():  # noqa: ANN201 – ipywidgets
    """Die Oberfläche der Übung: je Indikator zwei Datumsfelder und ein Knopf „Prüfen“."""
    import ipywidgets as w

    felder: dict[str, tuple[w.Text, w.Text]] = {}
    zeilen = [
        w.HBox(
            [
                w.HTML("<b>Indikator (neuester Wert)</b>", layout=w.Layout(width="26em")),
                w.HTML("<b>nächster Zähler</b>", layout=w.Layout(width="10em")),
                w.HTML("<b>Nenner dazu</b>", layout=w.Layout(width="10em")),
            ]
        )
    ]
    for kennung in INDIKATOREN:
        ind = indikatoren.REGISTER[kennung]
        z = w.Text(placeholder="TT.MM.JJJJ", layout=w.Layout(width="10em"))
        n = w.Text(placeholder="TT.MM.JJJJ", layout=w.Layout(width="10em"))
        felder[kennung] = (z, n)
        beschriftung = w.Label(
            f"{ind.name} ({neuestes_jahr()[kennung]})", layout=w.Layout(width="26em")
        )
        zeilen.append(w.HBox([beschriftung, z, n]))
    knopf = w.Button(description="Prüfen", button_style="primary", icon="check")
    ausgabe = w.HTML(value="")
    zaehler = {"versuch": 0}

    def pruefen(_knopf: object) -> None:
        zaehler["versuch"] += 1
        antwort = {k: (z.value, n.value) for k, (z, n) in felder.items()}
        ausgabe.value = pruefe_verstetigen(antwort, zaehler["versuch"])._repr_html_()

    knopf.on_click(pruefen)
    return mit_statischem_ersatz(
        w.VBox([*zeilen, knopf, ausgabe]),
        "eine Tabelle mit je einer Zeile für "
        + ", ".join(indikatoren.REGISTER[k].name for k in INDIKATOREN)
        + " (mit dem Jahr des neuesten Werts) und zwei Eingabefeldern (TT.MM.JJJJ) für den "
        "Stichtag des nächsten Zählers und des Nenners dazu, darunter ein Knopf „Prüfen“ mit "
        "der Rückmeldung.",
    )
