"""Selbstkontrolle der Übung „Auftrag klären: Kernfrage und Indikatoren“.

Die richtige Auswahl steht in :data:`bimo.kapitel.auftrag.KERNFRAGEN`: alle Kernindikatoren und
mindestens ein Kontextindikator. Erkannt werden: Indikatoren, die die Frage nicht
beantworten (mit Grund), der Reflex „alle Daten“ (zu viele), ein fehlender Kern und ein
fehlender Kontext.
"""

from __future__ import annotations

from collections.abc import Iterable

from bimo import indikatoren
from bimo.kapitel import auftrag
from bimo.uebungen._basis import Rueckmeldung, mit_statischem_ersatz

HOECHSTENS = 6
"""Mehr Indikatoren als so viele für eine einzige Kernfrage: der Reflex „alle Daten“."""


def _liste(kennungen: Iterable[str]) -> str:
    return ", ".join(f"„{indikatoren.REGISTER[k].name}“" for k in kennungen)


def _auswahl(antwort: object) -> list[str] | None:
    if antwort is None or antwort is Ellipsis:
        return []
    if isinstance(antwort, str):
        return [antwort] if antwort.strip() else []
    try:
        return [str(a) for a in antwort]  # type: ignore[union-attr]
    except TypeError:
        return None


def _warum_nicht(frage: auftrag.Kernfrage, kennung: str) -> str:
    ind = indikatoren.REGISTER[kennung]
    if kennung in frage.warum_nicht:
        return f"„{ind.name}“: {frage.warum_nicht[kennung]}"
    if ind.themenfeld != frage.themenfeld:
        return (
            f"„{ind.name}“ gehört zum Themenfeld „{ind.themenfeld}“ und hilft bei dieser "
            f"Frage (Themenfeld „{frage.themenfeld}“) weder als Antwort noch als Kontext."
        )
    return (
        f"„{ind.name}“ liegt im richtigen Themenfeld, misst aber etwas anderes, als die "
        "Frage wissen will."
    )


def pruefe_auftrag(antwort: object, frage: str, versuch: int = 1) -> Rueckmeldung:
    """Prüft die Indikatoren (Kennungen), die jemand für die Kernfrage ``frage`` gewählt hat."""
    if frage not in auftrag.KERNFRAGEN:
        return Rueckmeldung(False, "Wählen Sie zuerst eine Kernfrage aus der Liste.")
    k = auftrag.KERNFRAGEN[frage]
    auswahl = _auswahl(antwort)
    if auswahl is None:
        return Rueckmeldung(
            False, "Geben Sie die Indikatoren als Liste von Kennungen an, z. B. ['jugendquotient']."
        )
    if not auswahl:
        return Rueckmeldung(
            False,
            "Sie haben noch keinen Indikator gewählt. Welche Kennzahl beantwortet die Frage "
            "direkt? (Mehrere wählen: Strg bzw. ⌘ gedrückt halten.)",
        )
    unbekannt = [a for a in auswahl if a not in indikatoren.REGISTER]
    if unbekannt:
        return Rueckmeldung(
            False,
            f"Diese Kennungen gibt es im Register nicht: {', '.join(unbekannt)}. Wählen Sie "
            "aus der Liste.",
        )
    auswahl = list(dict.fromkeys(auswahl))
    if len(auswahl) > HOECHSTENS:
        return Rueckmeldung(
            False,
            f"{len(auswahl)} Indikatoren für eine Frage – das ist der Reflex „alle Daten“. Eine "
            "Anfrage wie „alle Bildungsdaten 2005–2014“ beantwortet keine Frage, sie erzeugt "
            "Arbeit. Wählen Sie nur, was die Frage beantwortet, und dazu den nötigen Kontext.",
        )
    fremd = [a for a in auswahl if a not in k.passende]
    if fremd:
        gruende = " ".join(_warum_nicht(k, a) for a in fremd)
        return Rueckmeldung(False, f"Nicht jeder Indikator passt zur Frage. {gruende}")
    fehlender_kern = [a for a in k.kern if a not in auswahl]
    if fehlender_kern:
        if versuch <= 1:
            hinweis = "Es fehlt eine Kennzahl, die die Frage direkt beantwortet."
        elif versuch == 2:
            hinweis = (
                f"Es fehlt eine Kennzahl aus dem Themenfeld „{k.themenfeld}“, die die Frage "
                "direkt beantwortet."
            )
        else:
            hinweis = f"Es fehlt: {_liste(fehlender_kern)}."
        return Rueckmeldung(False, hinweis)
    if not any(a in k.kontext for a in auswahl):
        if versuch <= 1:
            hinweis = (
                "Der Kern stimmt. Es fehlt aber der Kontext: Eine Zahl allein ist schwer zu "
                "lesen. Was hilft, sie einzuordnen (Größe der Zielgruppe, Einflüsse)?"
            )
        else:
            hinweis = (
                "Der Kern stimmt. Als Kontext passen zum Beispiel "
                f"{_liste(k.kontext)} – einer davon genügt."
            )
        return Rueckmeldung(False, hinweis)
    kern = _liste(k.kern)
    gewaehlt = [a for a in auswahl if a in k.kontext]
    kontext = _liste(gewaehlt)
    beantworten = "beantwortet" if len(k.kern) == 1 else "beantworten"
    machen = "macht" if len(gewaehlt) == 1 else "machen"
    return Rueckmeldung(
        True,
        f"{kern} {beantworten} die Frage, {kontext} {machen} den Wert lesbar. Den Vergleich "
        "mit dem Land liefert jede Indikatortabelle gleich mit.",
    )


def aufgabe_auftrag():  # noqa: ANN201 – ipywidgets
    """Die Oberfläche der Übung: Kernfrage wählen, Indikatoren wählen, prüfen."""
    import ipywidgets as w

    fragen = w.Dropdown(
        options=[(k.frage, k.kennung) for k in auftrag.KERNFRAGEN.values()],
        description="Kernfrage:",
        style={"description_width": "initial"},
        layout=w.Layout(width="95%"),
    )
    wahl = w.SelectMultiple(
        options=[(f"{i.name} ({i.themenfeld})", i.kennung) for i in indikatoren.REGISTER.values()],
        rows=len(indikatoren.REGISTER),
        description="Indikatoren:",
        style={"description_width": "initial"},
        layout=w.Layout(width="95%"),
    )
    knopf = w.Button(description="Prüfen", button_style="primary", icon="check")
    ausgabe = w.HTML(value="")
    zaehler = {"versuch": 0}

    def neu(_aenderung: object) -> None:
        zaehler["versuch"] = 0
        ausgabe.value = ""

    def pruefen(_knopf: object) -> None:
        zaehler["versuch"] += 1
        rueckmeldung = pruefe_auftrag(list(wahl.value), fragen.value, zaehler["versuch"])
        ausgabe.value = rueckmeldung._repr_html_()

    fragen.observe(neu, names="value")
    knopf.on_click(pruefen)
    return mit_statischem_ersatz(
        w.VBox([fragen, wahl, knopf, ausgabe]),
        "eine Auswahlliste mit den Kernfragen, darunter eine Liste aller Indikatoren des "
        "Registers zur Mehrfachauswahl und ein Knopf „Prüfen“; die Rückmeldung sagt, ob die "
        "gewählten Indikatoren die Kernfrage beantworten, einordnen und lesbar machen.",
    )
