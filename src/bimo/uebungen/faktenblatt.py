"""Selbstkontrolle der Übung „Faktenblatt: die passende Grafik für jede Botschaft“.

Zu jeder Botschaft (aus den Musterland-Daten formuliert) wählen die Lernenden einen
Diagrammtyp. Die Prüfung folgt allgemein üblichen Regeln: Linie für Zeitreihen, sortierte
Balken für Vergleiche, gestapelte 100-%-Balken für Anteile, Karte der Quoten für die
regionale Verteilung, Punktwolke für Zusammenhänge. Typische Fehlgriffe (Torte, Karte der
Anzahlen, unsortierte Balken …) bekommen einen gezielten Hinweis.
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from dataclasses import dataclass, field

import numpy as np

from bimo import daten, indikatoren
from bimo.kern.format import prozent, zahl
from bimo.uebungen._basis import Kontrolle, Rueckmeldung

DIAGRAMMTYPEN = {
    "linie": "Liniendiagramm",
    "balken_sortiert": "Balken, nach Größe sortiert",
    "balken_unsortiert": "Balken in Schlüssel-Reihenfolge",
    "torte": "Tortendiagramm",
    "gestapelt": "gestapelter 100-%-Balken",
    "karte_quoten": "Karte der Quoten",
    "karte_anzahlen": "Karte der Anzahlen",
    "punktwolke": "Punktwolke",
}
"""Die Diagrammtypen zur Auswahl: Kennung → Beschriftung."""

_TORTE_ZEIT = (
    "Eine Torte zeigt die Teile eines Ganzen zu einem Zeitpunkt – eine Entwicklung über "
    "mehrere Jahre kann sie nicht zeigen."
)
_KARTE_ANZAHL = (
    "Eine Karte der Anzahlen zeigt vor allem, wo viele Menschen wohnen: Große Kreise sind "
    "immer dunkel. Flächen färbt man nach Quoten (Verhältniszahlen)."
)


@dataclass(frozen=True)
class Botschaft:
    """Eine Botschaft des Faktenblatts mit dem passenden Diagrammtyp und typischen Fehlgriffen."""

    kennung: str
    titel: str
    satz: str
    richtig: str
    regel: str
    hinweise: dict[str, str] = field(default_factory=dict)


def _werte(kennung: str, jahr: int) -> dict[str, float]:
    t = indikatoren.indikator(kennung).berechne(land=True)
    t = t[t["jahr"] == jahr]
    return dict(zip(t["ags"], t["wert"].astype(float), strict=True))


def _name(ags: str) -> str:
    g = daten.gebiete()
    return str(g.loc[g["ags"] == ags, "name"].iloc[0])


def botschaften(ags: str = "17252", jahr: int = 2024) -> list[Botschaft]:
    """Die fünf Botschaften der Übung, formuliert aus den Musterland-Daten für Kreis ``ags``."""
    name = _name(ags)
    kreise = [a for a in daten.kreise()["ags"]]
    u3_jetzt, u3_frueher = (
        _werte("betreuungsquote_u3", jahr),
        _werte("betreuungsquote_u3", jahr - 10),
    )
    sgb = _werte("sgb2_quote_unter_15", jahr)
    rang = sorted(kreise, key=lambda a: -sgb[a]).index(ags) + 1
    ab = daten.lade("abgaenger")
    ab = ab[(ab["ags"] == ags) & (ab["jahr"] == jahr)].groupby("abschluss")["wert"].sum()
    abi = ab["Allgemeine Hochschulreife"] / ab.sum() * 100
    gym = _werte("uebergangsquote_gymnasium", jahr)
    hoch, tief = max(kreise, key=gym.get), min(kreise, key=gym.get)
    r = float(np.corrcoef([sgb[a] for a in kreise], [gym[a] for a in kreise])[0, 1])
    return [
        Botschaft(
            "entwicklung",
            "Entwicklung über 10 Jahre",
            f"Die Betreuungsquote unter 3 Jahren in {name} stieg von "
            f"{prozent(u3_frueher[ags])} ({jahr - 10}) auf {prozent(u3_jetzt[ags])} ({jahr}).",
            "linie",
            "Für eine Entwicklung über die Zeit nimmt man ein Liniendiagramm: Die Jahre "
            "laufen von links nach rechts, Anstieg und Knicke sind sofort zu sehen.",
            {
                "torte": _TORTE_ZEIT,
                "balken_sortiert": "Nach Größe sortierte Jahre zerreißen die Zeitfolge. "
                "Eine Entwicklung zeigt man als Linie, die Jahre in ihrer Reihenfolge.",
                "karte_quoten": "Eine Karte zeigt einen Zeitpunkt an vielen Orten, keine "
                "Entwicklung über zehn Jahre.",
            },
        ),
        Botschaft(
            "vergleich",
            "Vergleich der Kreise",
            f"{name} hat {jahr} die {rang}.-höchste SGB-II-Quote der unter 15-Jährigen unter "
            f"den {len(kreise)} Kreisen.",
            "balken_sortiert",
            "Für einen Vergleich (eine Rangfolge) nimmt man Balken, nach Größe sortiert – "
            "am besten mit dem Landeswert als Linie.",
            {
                "balken_unsortiert": "Fast: Balken sind richtig, aber unsortiert muss das Auge "
                "hin und her springen. Sortiert ist der Rang sofort ablesbar.",
                "torte": "Quoten der Kreise sind keine Teile eines Ganzen – sie addieren sich "
                "nicht zu 100 %. Eine Torte ist hier falsch.",
                "karte_quoten": "Eine Karte zeigt die Lage, aber Rang und Abstände sind auf "
                "ihr kaum abzulesen. Für einen Vergleich: sortierte Balken.",
            },
        ),
        Botschaft(
            "zusammensetzung",
            "Zusammensetzung der Abschlüsse",
            f"In {name} erwarben {jahr} {prozent(abi)} der Absolventen und Abgänger die "
            "allgemeine Hochschulreife – wie verteilen sich die übrigen Abschlüsse?",
            "gestapelt",
            "Anteile, die sich zu 100 % ergänzen, zeigt ein gestapelter 100-%-Balken; "
            "mehrere Balken untereinander lassen sich vergleichen.",
            {
                "torte": "Bei vier Teilen ginge eine Torte zur Not – aber schon der Vergleich "
                "mit dem Land bräuchte eine zweite Torte, und Winkel vergleicht das Auge "
                "schlecht. Besser: gestapelte 100-%-Balken.",
                "linie": "Eine Linie verbindet Zeitpunkte; die Abschlussarten sind keine "
                "Zeitfolge.",
            },
        ),
        Botschaft(
            "regional",
            "Regionale Verteilung einer Quote",
            f"Die Übergangsquote auf das Gymnasium reicht {jahr} von {prozent(gym[tief])} "
            f"({_name(tief)}) bis {prozent(gym[hoch])} ({_name(hoch)}) – wo im Land liegen "
            "die hohen und die niedrigen Werte?",
            "karte_quoten",
            "Für die Frage „wo?“ nimmt man eine Karte, eingefärbt nach der Quote.",
            {
                "karte_anzahlen": _KARTE_ANZAHL,
                "torte": "Eine Torte zeigt weder Orte noch Quoten, die sich nicht zu 100 % "
                "ergänzen.",
            },
        ),
        Botschaft(
            "zusammenhang",
            "Zusammenhang zweier Kennzahlen",
            "Haben Kreise mit hoher SGB-II-Quote der unter 15-Jährigen eine niedrigere "
            f"Übergangsquote auf das Gymnasium? (Korrelation {jahr}: r = {zahl(r, 2)})",
            "punktwolke",
            "Für den Zusammenhang zweier Kennzahlen nimmt man eine Punktwolke: ein Punkt je "
            "Kreis, die eine Kennzahl nach rechts, die andere nach oben.",
            {
                "linie": "Eine Linie verbindet Jahre. Für zwei Kennzahlen je Kreis braucht "
                "man eine Punktwolke.",
                "balken_sortiert": "Balken zeigen eine Kennzahl. Ob zwei Kennzahlen "
                "zusammenhängen, zeigt eine Punktwolke.",
            },
        ),
    ]


def _typ(wahl: object) -> str | None:
    """Kennung oder Beschriftung eines Diagrammtyps → Kennung; None, wenn unbekannt."""
    if wahl is None:
        return None
    text = str(wahl).strip()
    if text in DIAGRAMMTYPEN:
        return text
    for kennung, beschriftung in DIAGRAMMTYPEN.items():
        if text.lower() == beschriftung.lower():
            return kennung
    return None


_ALLGEMEIN = (
    "Fragen Sie bei jeder Botschaft: Was soll man sehen – eine Entwicklung, eine Rangfolge, "
    "Anteile eines Ganzen, einen Ort oder einen Zusammenhang?"
)


def pruefe_faktenblatt(
    antwort: object, ags: str = "17252", jahr: int = 2024, versuch: int = 1
) -> Rueckmeldung:
    """Prüft die Wahl der Diagrammtypen: ``antwort`` ordnet jeder Botschaft
    (``entwicklung``, ``vergleich``, ``zusammensetzung``, ``regional``, ``zusammenhang``)
    einen Diagrammtyp aus :data:`DIAGRAMMTYPEN` zu (Kennung oder Beschriftung)."""
    liste = botschaften(ags, jahr)
    kennungen = ", ".join(f"„{b.kennung}“" for b in liste)
    if not isinstance(antwort, Mapping):
        return Rueckmeldung(
            False,
            "Die Antwort ist eine Zuordnung Botschaft → Diagrammtyp, z. B. "
            '{"entwicklung": "linie", …}. Die Botschaften heißen ' + kennungen + ".",
        )
    fehlend = [b.titel for b in liste if antwort.get(b.kennung) in (None, "", ...)]
    if len(fehlend) == len(liste):
        return Rueckmeldung(False, "Sie haben noch keine Grafik gewählt. " + _ALLGEMEIN)
    unbekannt = [
        f"„{antwort[b.kennung]}“"
        for b in liste
        if b.titel not in fehlend and _typ(antwort[b.kennung]) is None
    ]
    if unbekannt:
        return Rueckmeldung(
            False,
            f"{', '.join(unbekannt)} kenne ich nicht als Diagrammtyp. Möglich sind: "
            + ", ".join(f"„{k}“ ({v})" for k, v in DIAGRAMMTYPEN.items())
            + ".",
        )
    if fehlend:
        return Rueckmeldung(False, f"Noch ohne Wahl: {', '.join(fehlend)}.")

    falsch = []
    for b in liste:
        wahl = _typ(antwort[b.kennung])
        if wahl == b.richtig:
            continue
        if wahl in b.hinweise:
            hinweis = b.hinweise[wahl]
        elif wahl == "karte_anzahlen":
            hinweis = _KARTE_ANZAHL
        elif versuch <= 1:
            hinweis = _ALLGEMEIN
        elif versuch == 2:
            hinweis = b.regel
        else:
            hinweis = f"{b.regel} Also: {DIAGRAMMTYPEN[b.richtig]}."
        falsch.append(f"„{b.titel}“ – {DIAGRAMMTYPEN[wahl]}: {hinweis}")
    if not falsch:
        return Rueckmeldung(
            True,
            "Jede Botschaft hat ihre Grafik: Linie für die Entwicklung, sortierte Balken für "
            "den Vergleich, gestapelte 100-%-Balken für Anteile, eine Karte der Quoten für "
            "die regionale Verteilung, eine Punktwolke für den Zusammenhang.",
        )
    richtig = len(liste) - len(falsch)
    return Rueckmeldung(False, f"{richtig} von {len(liste)} passen. " + " ".join(falsch))


class AufgabeFaktenblatt(Kontrolle):
    """Oberfläche: je Botschaft ein Auswahlfeld, Knopf „Prüfen“, Rückmeldung."""

    beschreibung = (
        "fünf Botschaften aus den Musterland-Daten, je mit einer Auswahlliste der "
        "Diagrammtypen (Linie, Balken, Torte, gestapelter Balken, Karte, Punktwolke), und ein "
        "Knopf „Prüfen“; darunter erscheint die Rückmeldung mit einem Hinweis je unpassender Wahl."
    )

    def __init__(self, ags: str = "17252", jahr: int = 2024) -> None:
        import ipywidgets as w

        super().__init__(lambda antwort, versuch: pruefe_faktenblatt(antwort, ags, jahr, versuch))
        self.ags, self.jahr = ags, jahr
        self.botschaften = botschaften(ags, jahr)
        optionen = [("– bitte wählen –", "")] + [(v, k) for k, v in DIAGRAMMTYPEN.items()]
        self.auswahl = {
            b.kennung: w.Dropdown(options=optionen, value="", layout=w.Layout(width="20em"))
            for b in self.botschaften
        }
        zeilen = [
            w.VBox(
                [
                    w.HTML(f"<b>{html.escape(b.titel)}</b>: {html.escape(b.satz)}"),
                    self.auswahl[b.kennung],
                ]
            )
            for b in self.botschaften
        ]
        self.oberflaeche = w.VBox([*zeilen, self.knopf, self.ausgabe])

    def antwort(self) -> dict[str, str]:
        return {k: d.value for k, d in self.auswahl.items()}

    def _repr_mimebundle_(self, include=None, exclude=None):  # noqa: ANN001 – IPython-API
        bundle = dict(super()._repr_mimebundle_(include=include, exclude=exclude))
        bundle["text/plain"] = "Übung Faktenblatt: " + " | ".join(b.satz for b in self.botschaften)
        return bundle


def aufgabe_faktenblatt(ags: str = "17252", jahr: int = 2024) -> AufgabeFaktenblatt:
    """Die Selbstkontrolle zur Übung „Faktenblatt: die passende Grafik je Botschaft“."""
    return AufgabeFaktenblatt(ags, jahr)
