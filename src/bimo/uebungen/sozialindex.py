"""Übung „Gewichte verschieben“: Wie empfindlich reagieren die Klassen eines Sozialindex?

Teil 1: Mit Schiebereglern die Gewichte der Indikatoren ändern, bis ein genannter
Sozialraum die Klasse wechselt (Klassen nach Hamburger Art, gebildet über die
Standardabweichung der Statussumme). Teil 2: Wie viele Sozialräume wechseln die
Klasse, wenn das Gewicht der SGB-II-Quote verdoppelt wird? Die Selbstkontrolle
erkennt, wer Stufen statt Klassen zählt, alle Sozialräume einer Klasse statt der
Wechsel zählt oder mit der falschen Ausgangslage vergleicht.
"""

from __future__ import annotations

import itertools
from functools import lru_cache

import pandas as pd

from bimo.kern.format import zahl
from bimo.uebungen._basis import Kontrolle, Rueckmeldung, Selbstkontrolle, lies_zahl

SGB2 = "sgb2_quote_unter_15"
#: Sozialräume mit weniger Einwohnern kommen als Zielgebiet nicht in Frage.
MINDEST_EINWOHNER = 1000
#: Spielraum der Schieberegler (Gewicht je Indikator)
REGLER_MAX = 3.0

BESCHRIFTUNG = {
    "sgb2_quote_unter_15": "SGB-II-Quote unter 15",
    "anteil_migrationshintergrund": "Migrationshintergrund",
    "anteil_alleinerziehend": "Alleinerziehende",
    "sprachfoerderbedarf": "Sprachförderbedarf",
    "uebergewicht": "Übergewicht",
    "uebergangsquote_gymnasium": "Übergang Gymnasium",
}


def _sr():
    from bimo.kapitel import sozialraum

    return sozialraum


def _raeume(n: int) -> str:
    return "1 Sozialraum wechselt" if n == 1 else f"{zahl(n)} Sozialräume wechseln"


def beschriftung(indikator: str) -> str:
    """Lesbarer Name eines Indikators (sonst der Spaltenname)."""
    return BESCHRIFTUNG.get(indikator, indikator)


@lru_cache(maxsize=8)
def kennzahlen(jahr: int = 2024) -> pd.DataFrame:
    """Die Kennzahlen je Sozialraum (aus :func:`bimo.kapitel.sozialraum.kennzahlen`)."""
    return _sr().kennzahlen(jahr)


def indikatoren() -> list[str]:
    """Die Indikatoren des Sozialindex (Vorgabe des Moduls ``bimo.kapitel.sozialraum``)."""
    return list(_sr().RICHTUNG)


def _gewichte_vollstaendig(gewichte: dict | None) -> tuple[tuple[str, float], ...]:
    gewichte = gewichte or {}
    return tuple((i, float(gewichte.get(i, 1.0))) for i in indikatoren())


@lru_cache(maxsize=256)
def _index(gewichte: tuple[tuple[str, float], ...] | str, jahr: int):
    tabelle = kennzahlen(jahr)
    if isinstance(gewichte, str):
        return _sr().sozialindex(tabelle, gewichte=gewichte)
    return _sr().sozialindex(tabelle, gewichte=dict(gewichte))


def basis(jahr: int = 2024):
    """Der Sozialindex mit gleichen Gewichten – die Ausgangslage jedes Vergleichs."""
    return _index("gleich", jahr)


def mit_gewichten(gewichte: dict | None, jahr: int = 2024):
    """Sozialindex mit eigenen Gewichten (fehlende Indikatoren erhalten das Gewicht 1)."""
    return _index(_gewichte_vollstaendig(gewichte), jahr)


def verdoppelt(indikator: str = SGB2, jahr: int = 2024):
    """Sozialindex, in dem ``indikator`` doppelt so schwer zählt wie jeder andere."""
    return mit_gewichten({indikator: 2.0}, jahr)


def anzahl_klassenwechsel(vorher, nachher) -> int:
    """Zahl der Sozialräume, deren Klasse (hoch/mittel/niedrig/sehr niedrig) sich ändert."""
    return int(_sr().klassenwechsel(vorher, nachher)["klasse_geaendert"].sum())


def wechsel(gewichte: dict | None, jahr: int = 2024) -> pd.DataFrame:
    """Die Sozialräume, die gegenüber gleichen Gewichten die Klasse wechseln.

    Grundlage ist :func:`bimo.kapitel.sozialraum.klassenwechsel`; gezeigt werden nur die
    Klassenwechsel (nicht die Stufen), mit Name, Klasse vorher und nachher.
    """
    vorher, nachher = basis(jahr), mit_gewichten(gewichte, jahr)
    tabelle = _sr().klassenwechsel(vorher, nachher)
    tabelle = tabelle[tabelle["klasse_geaendert"]]
    namen = kennzahlen(jahr)["name"]
    return pd.DataFrame(
        {
            "Sozialraum": tabelle.index.astype(str),
            "Name": [namen.get(sr, sr) for sr in tabelle.index],
            "Klasse vorher": tabelle["klasse_vorher"].to_numpy(),
            "Klasse nachher": tabelle["klasse_nachher"].to_numpy(),
        }
    )


@lru_cache(maxsize=8)
def zielraum(jahr: int = 2024) -> str:
    """Der Sozialraum, der am knappsten an einer Klassengrenze liegt (ohne sehr kleine Räume).

    Die Grenzen liegen bei Mittelwert ± 1 und + 2 Standardabweichungen der Statussumme.
    """
    index = basis(jahr)
    s = index.statussumme.dropna()
    grenzen = [index.grenzen[g] for g in ("hoch_bis", "mittel_bis", "niedrig_bis")]
    einwohner = kennzahlen(jahr)["einwohner"]
    gross = [sr for sr in s.index if einwohner.get(sr, 0) >= MINDEST_EINWOHNER]
    abstand = {sr: min(abs(s[sr] - g) for g in grenzen) for sr in gross}
    return min(sorted(abstand), key=lambda sr: abstand[sr])


def _lies_gewichte(gewichte: object) -> dict[str, float] | None:
    if not isinstance(gewichte, dict) or not gewichte:
        return None
    ergebnis = {}
    for i in indikatoren():
        wert = lies_zahl(gewichte.get(i, 1.0))
        if wert is None or wert < 0:
            return None
        ergebnis[i] = wert
    return ergebnis


@lru_cache(maxsize=8)
def _vorschlag(ziel: str, jahr: int) -> tuple[tuple[str, float], ...] | None:
    stufen = [0.0, 1.0, 2.0, REGLER_MAX]
    alle = list(itertools.product(stufen, repeat=len(indikatoren())))
    alle.sort(key=lambda g: (sum(abs(w - 1.0) for w in g), g))
    vorher = basis(jahr).klassen[ziel]
    for g in alle:
        if (
            sum(g) > 0
            and mit_gewichten(dict(zip(indikatoren(), g, strict=True)), jahr).klassen[ziel]
            != vorher
        ):
            return tuple(zip(indikatoren(), g, strict=True))
    return None


def vorschlag_gewichte(ziel: str | None = None, jahr: int = 2024) -> dict[str, float] | None:
    """Gewichte aus den Reglerstufen 0, 1, 2, 3, mit denen ``ziel`` die Klasse wechselt –
    möglichst nah an gleichen Gewichten (für den dritten Hinweis und die Lösung)."""
    ergebnis = _vorschlag(ziel or zielraum(jahr), jahr)
    return None if ergebnis is None else dict(ergebnis)


def pruefe_gewichtung(
    gewichte: object, ziel: str | None = None, jahr: int = 2024, versuch: int = 1
) -> Rueckmeldung:
    """Prüft, ob der Sozialraum ``ziel`` unter den Gewichten ``gewichte`` die Klasse wechselt.

    ``gewichte``: ``{indikator: gewicht}``; fehlende Indikatoren zählen mit 1.
    """
    ziel = ziel or zielraum(jahr)
    name = kennzahlen(jahr)["name"].get(ziel, ziel)
    g = _lies_gewichte(gewichte)
    if g is None:
        return Rueckmeldung(
            False,
            "Das kann ich nicht lesen. Geben Sie die Gewichte als Zuordnung an, z. B. "
            '{"sgb2_quote_unter_15": 2, "uebergewicht": 1} – Zahlen ab 0.',
        )
    if sum(g.values()) <= 0:
        return Rueckmeldung(
            False,
            "Alle Gewichte stehen auf 0 – dann gibt es keinen Index. Mindestens ein Indikator "
            "muss zählen.",
        )
    vorher, nachher = basis(jahr), mit_gewichten(g, jahr)
    klasse_vorher = vorher.klassen[ziel]
    klasse_nachher = nachher.klassen[ziel]
    n = anzahl_klassenwechsel(vorher, nachher)
    if klasse_nachher != klasse_vorher:
        return Rueckmeldung(
            True,
            f"{name} ({ziel}) wechselt von „{klasse_vorher}“ nach „{klasse_nachher}“; insgesamt "
            f"{_raeume(n)} die Klasse. Die Klasse hängt also auch an den Gewichten, "
            "die jemand festgelegt hat: Legen Sie sie offen und begründen Sie sie.",
        )
    if len(set(g.values())) == 1:
        return Rueckmeldung(
            False,
            "Alle Gewichte sind gleich groß – das ist genau die Ausgangslage (gleiche "
            "Gewichte). Verschieben Sie einzelne Regler gegeneinander.",
        )
    z = vorher.z.loc[ziel]
    s = vorher.statussumme
    grenzen = [vorher.grenzen[g] for g in ("hoch_bis", "mittel_bis", "niedrig_bis")]
    naechste = min(grenzen, key=lambda grenze: abs(s[ziel] - grenze))
    nach_oben = naechste > s[ziel]
    stark, schwach = z.idxmax(), z.idxmin()
    if versuch <= 1:
        hinweis = (
            f"{name} bleibt „{klasse_vorher}“. Schauen Sie, bei welchen Indikatoren der "
            "z-Wert des Sozialraums weit über oder unter seinem Durchschnitt liegt: Diese "
            "Indikatoren schieben ihn, wenn Sie ihr Gewicht erhöhen."
        )
    elif versuch == 2:
        hinweis = (
            f"{name} bleibt „{klasse_vorher}“. Sein größter z-Wert gehört zu "
            f"„{beschriftung(stark)}“, sein kleinster zu „{beschriftung(schwach)}“. Erhöhen "
            "Sie das Gewicht des einen und senken Sie das des anderen."
        )
    else:
        vorschlag = vorschlag_gewichte(ziel, jahr)
        if vorschlag is None:  # pragma: no cover – mit den Musterdaten gibt es immer einen
            rauf, runter = (stark, schwach) if nach_oben else (schwach, stark)
            vorschlag = {i: 1.0 for i in indikatoren()} | {rauf: REGLER_MAX, runter: 0.0}
        text = ", ".join(f"„{beschriftung(i)}“ auf {zahl(w, 1)}" for i, w in vorschlag.items())
        hinweis = f"{name} bleibt „{klasse_vorher}“. Probieren Sie: {text}."
    return Rueckmeldung(False, hinweis)


def pruefe_verdoppeln(
    antwort: object, indikator: str = SGB2, jahr: int = 2024, versuch: int = 1
) -> Rueckmeldung:
    """Prüft die Zahl der Sozialräume, die bei doppeltem Gewicht von ``indikator`` die Klasse
    wechseln (Vergleich mit gleichen Gewichten desselben Jahres)."""
    wert = lies_zahl(antwort)
    if wert is None:
        return Rueckmeldung(
            False,
            f"„{antwort}“ ist keine Zahl. Geben Sie die Zahl der Sozialräume ein, z. B. 4.",
        )
    vorher, nachher = basis(jahr), verdoppelt(indikator, jahr)
    richtig = anzahl_klassenwechsel(vorher, nachher)
    if wert == richtig:
        return Rueckmeldung(
            True,
            f"{_raeume(richtig)} die Klasse, wenn „{beschriftung(indikator)}“ "
            "doppelt zählt. Eine scheinbar kleine Entscheidung über Gewichte verschiebt "
            "Sozialräume – und damit womöglich Fördermittel.",
        )
    tabelle = _sr().klassenwechsel(vorher, nachher)
    stufen = int(tabelle["stufe_geaendert"].sum())
    alle = len(tabelle)
    typische = [
        (
            stufen,
            "So viele Sozialräume wechseln die Stufe (1 bis 9). Gefragt sind die Klassen "
            "(hoch, mittel, niedrig, sehr niedrig) – eine andere Einteilung: Stufen nach "
            "Quantilen, Klassen nach Standardabweichungen der Statussumme.",
        ),
        (
            alle,
            "Sie haben alle Zeilen von klassenwechsel gezählt – dort steht auch, wer nur die "
            "Stufe wechselt. Zählen Sie nur die Zeilen, in denen sich die Klasse ändert.",
        ),
    ]
    for index, wort in ((nachher, "nach"), (vorher, "vor")):
        for klasse, anzahl in index.klassen.value_counts().sort_index().items():
            if anzahl == 0:
                continue
            typische.append(
                (
                    int(anzahl),
                    f"Das ist die Zahl aller Sozialräume in der Klasse „{klasse}“ ({wort} der "
                    "Verdopplung). Gefragt sind nur die Sozialräume, die die Klasse wechseln.",
                )
            )
    falsche_basis = []
    try:
        falsche_basis.append((_index("pca", jahr), "den Gewichten aus der Hauptkomponente"))
    except Exception:  # noqa: BLE001 – der Vergleich ist nur ein Zusatz
        pass
    try:
        falsche_basis.append((basis(jahr - 1), f"dem Index von {jahr - 1}"))
    except Exception:  # noqa: BLE001
        pass
    for andere, text in falsche_basis:
        typische.append(
            (
                anzahl_klassenwechsel(andere, nachher),
                f"Sie haben mit {text} verglichen. Die Ausgangslage ist der Index desselben "
                f"Jahres ({jahr}) mit gleichen Gewichten – nur das Gewicht ändert sich.",
            )
        )
    try:
        ohne = _sr().sozialindex(
            kennzahlen(jahr), indikatoren=[i for i in indikatoren() if i != indikator]
        )
        typische.append(
            (
                anzahl_klassenwechsel(vorher, ohne),
                f"So viele wechseln, wenn „{beschriftung(indikator)}“ ganz wegfällt. Gefragt "
                "ist das doppelte Gewicht, nicht das Weglassen.",
            )
        )
    except Exception:  # noqa: BLE001
        pass
    for kandidat, hinweis in typische:
        if kandidat != richtig and wert == kandidat:
            return Rueckmeldung(False, hinweis)
    if versuch <= 1:
        hinweis = (
            "Rechnen Sie zwei Indizes: einen mit gleichen Gewichten und einen, in dem "
            f"„{beschriftung(indikator)}“ das Gewicht 2 hat (alle anderen 1). Zählen Sie, wie "
            "viele Sozialräume in beiden verschiedene Klassen haben."
        )
    else:
        hinweis = (
            "So geht es: a = sozialindex(tabelle); b = sozialindex(tabelle, "
            f'gewichte={{..., "{indikator}": 2}}); dann '
            'klassenwechsel(a, b)["klasse_geaendert"].sum() – nicht a.klassen != b.klassen, '
            "denn die unbewerteten Sozialräume (NaN) zählten sonst mit."
        )
    return Rueckmeldung(False, hinweis)


class Gewichtsregler(Kontrolle):
    """Je Indikator ein Schieberegler; darunter, wer die Klasse wechselt, und „Prüfen“."""

    def __init__(self, ziel: str, jahr: int) -> None:
        import ipywidgets as w

        super().__init__(lambda g, versuch: pruefe_gewichtung(g, ziel, jahr, versuch))
        self.ziel, self.jahr = ziel, jahr
        self.regler = {
            i: w.FloatSlider(
                value=1.0,
                min=0.0,
                max=REGLER_MAX,
                step=0.5,
                description=beschriftung(i),
                continuous_update=False,
                style={"description_width": "12em"},
                layout=w.Layout(width="32em"),
            )
            for i in indikatoren()
        }
        self.lage = w.HTML(value=self._lage())
        for r in self.regler.values():
            r.observe(lambda _aenderung: self._aktualisieren(), names="value")
        name = kennzahlen(jahr)["name"].get(ziel, ziel)
        kopf = w.HTML(f"<b>Ziel: {name} ({ziel}) soll die Klasse wechseln.</b>")
        self.oberflaeche = w.VBox(
            [kopf, *self.regler.values(), self.lage, self.knopf, self.ausgabe]
        )

    def antwort(self) -> dict[str, float]:
        return {i: r.value for i, r in self.regler.items()}

    def _aktualisieren(self) -> None:
        self.lage.value = self._lage()

    def _lage(self) -> str:
        g = self.antwort()
        if sum(g.values()) <= 0:
            return "<i>Alle Gewichte stehen auf 0.</i>"
        tabelle = wechsel(g, self.jahr)
        klasse = mit_gewichten(g, self.jahr).klassen[self.ziel]
        text = (
            f"<p>{_raeume(len(tabelle))} gegenüber gleichen Gewichten die "
            f"Klasse. {self.ziel} ist jetzt: <b>{klasse}</b>.</p>"
        )
        if len(tabelle):
            text += tabelle.to_html(index=False)
        return text


def aufgabe_sozialindex(ziel: str | None = None, jahr: int = 2024) -> Gewichtsregler:
    """Schieberegler für die Gewichte; Ziel: ``ziel`` (Vorgabe: :func:`zielraum`) wechselt."""
    return Gewichtsregler(ziel or zielraum(jahr), jahr)


def aufgabe_verdoppeln(indikator: str = SGB2, jahr: int = 2024) -> Selbstkontrolle:
    """Eingabefeld: Wie viele Sozialräume wechseln bei doppeltem Gewicht die Klasse?"""
    return Selbstkontrolle(
        lambda antwort, versuch: pruefe_verdoppeln(antwort, indikator, jahr, versuch),
        f"Klassenwechsel bei doppeltem Gewicht für „{beschriftung(indikator)}“:",
        platzhalter="z. B. 4",
    )
