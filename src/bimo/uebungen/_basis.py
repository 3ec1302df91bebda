"""Bausteine der Selbstkontrollen: Rückmeldung, Zahleneingabe, Widget-Oberfläche."""

from __future__ import annotations

import functools
import html
import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

WIDGET_MIME = "application/vnd.jupyter.widget-view+json"

#: Wie man eine Selbstkontrolle live ausführt – Teil jedes statischen Ersatzes.
LIVE_AUSFUEHREN = (
    "Live ausführen: in JupyterLab (`make lab`) oder, wo eingerichtet, über den Knopf zum "
    "Starten auf dem JupyterHub (Raketen-Symbol oben auf der Seite)."
)


@dataclass(frozen=True)
class Rueckmeldung:
    """Ergebnis einer Selbstkontrolle."""

    richtig: bool
    text: str

    def __str__(self) -> str:
        return ("✔ Richtig! " if self.richtig else "✘ Noch nicht. ") + self.text

    def _repr_html_(self) -> str:
        farbe, zeichen = ("#1b7837", "✔ Richtig!") if self.richtig else ("#b35806", "✘ Noch nicht.")
        return (
            f'<div class="bimo-rueckmeldung" style="border-left:4px solid {farbe};'
            f'padding:0.4em 0.8em"><strong style="color:{farbe}">{zeichen}</strong> '
            f"{html.escape(self.text)}</div>"
        )

    def _repr_pretty_(self, p, cycle) -> None:  # noqa: ANN001 – IPython-API
        p.text(str(self))


def lies_zahl(antwort: object) -> float | None:
    """Liest eine Eingabe wie ``35,2``, ``35.2`` oder ``35,2 %``; None, wenn keine Zahl."""
    if isinstance(antwort, int | float) and not isinstance(antwort, bool):
        return float(antwort)
    text = str(antwort).strip().rstrip("%").strip().replace("\u00a0", "")
    if re.fullmatch(r"-?\d{1,3}(\.\d{3})+(,\d+)?", text):  # 1.234,5
        text = text.replace(".", "")
    text = text.replace(",", ".")
    try:
        return float(text)
    except ValueError:
        return None


def statischer_ersatz(beschreibung: str) -> dict[str, str]:
    """Text für Leserinnen und Leser, die kein Widget sehen (ohne JavaScript, PDF, Druck).

    ``beschreibung`` sagt, was das Widget zeigt. Ergebnis: ``text/markdown`` und
    ``text/plain`` mit dem Hinweis, wie man die Übung live ausführt.
    """
    text = f"Hier erscheint eine interaktive Selbstkontrolle: {beschreibung.strip()}"
    markdown = f"*{text}* {LIVE_AUSFUEHREN}"
    plain = f"{text} {LIVE_AUSFUEHREN.replace('`', '')}"
    return {"text/markdown": markdown, "text/plain": plain}


def widget_mit_ersatz(widget, beschreibung: str, include=None, exclude=None) -> dict:  # noqa: ANN001
    """MIME-Bündel eines Widgets samt statischem Ersatz.

    Neben der Widget-Ansicht stehen ``text/markdown``/``text/plain`` (LaTeX/PDF und
    Programme ohne Widgets zeigen sie) und ``text/html``: derselbe Platzhalter, aus dem
    das eingebettete Widget im Buch gezeichnet wird, dazu der Ersatz in ``<noscript>``.
    """
    buendel = widget.__class__._repr_mimebundle_(widget, include=include, exclude=exclude)
    if isinstance(buendel, tuple):  # (Daten, Metadaten)
        buendel = buendel[0]
    daten = dict(buendel or {})
    ersatz = statischer_ersatz(beschreibung)
    daten.update(ersatz)
    ansicht = daten.get(WIDGET_MIME)
    platzhalter = ""
    if ansicht is not None:
        inhalt = json.dumps(ansicht).replace("</", "<\\/")
        platzhalter = f'<script type="{WIDGET_MIME}">{inhalt}</script>'
    text = html.escape(f"Hier erscheint eine interaktive Selbstkontrolle: {beschreibung.strip()}")
    live = html.escape(LIVE_AUSFUEHREN.replace("`make lab`", "\0")).replace(
        "\0", "<code>make lab</code>"
    )
    daten["text/html"] = (
        f'{platzhalter}<noscript><div class="bimo-statisch" style="border:1px dashed #666;'
        f'padding:0.5em 0.8em"><p><em>{text}</em></p><p>{live}</p></div></noscript>'
    )
    return daten


def mit_statischem_ersatz(widget, beschreibung: str):  # noqa: ANN001, ANN201 – ipywidgets
    """Gibt ``widget`` einen statischen Ersatz (:func:`widget_mit_ersatz`); liefert es zurück.

    Für Übungen, die eine eigene Box statt einer :class:`Kontrolle` anzeigen.
    """
    widget._repr_mimebundle_ = functools.partial(widget_mit_ersatz, widget, beschreibung)
    return widget


class Kontrolle:
    """Gemeinsamer Rahmen jeder Übungsoberfläche: Knopf „Prüfen“, Rückmeldung, Versuche.

    Die eigentliche Prüfung ist eine Funktion ``pruefe(antwort, versuch) -> Rueckmeldung``;
    eine Unterklasse baut die Eingabefelder, setzt ``oberflaeche`` und liefert mit
    :meth:`antwort` die aktuelle Eingabe. Die Oberfläche zählt nur die Versuche mit.
    """

    #: Was die Oberfläche zeigt – für den statischen Ersatz (Unterklassen ergänzen).
    beschreibung = "Eingaben, ein Knopf „Prüfen“ und darunter die Rückmeldung mit Hinweisen."

    def __init__(self, pruefe: Callable[[object, int], Rueckmeldung]) -> None:
        import ipywidgets as w

        self._pruefe = pruefe
        self.versuche = 0
        self.knopf = w.Button(description="Prüfen", button_style="primary", icon="check")
        self.ausgabe = w.HTML(value="")
        self.knopf.on_click(lambda _knopf: self.pruefen())
        self.oberflaeche = w.VBox([self.knopf, self.ausgabe])

    def antwort(self) -> object:
        """Die Eingabe, so wie die Prüffunktion sie erwartet."""
        raise NotImplementedError

    def pruefen(self) -> Rueckmeldung:
        self.versuche += 1
        rueckmeldung = self._pruefe(self.antwort(), self.versuche)
        self.ausgabe.value = rueckmeldung._repr_html_()
        return rueckmeldung

    def _frage(self) -> str:
        beschriftung = getattr(self, "beschriftung", None)
        wert = getattr(beschriftung, "value", beschriftung)
        text = re.sub(r"<[^>]+>", "", str(wert or "")).strip()
        return f" Frage: „{html.unescape(text)}“" if text else ""

    def _repr_mimebundle_(self, include=None, exclude=None):  # noqa: ANN001 – IPython-API
        return widget_mit_ersatz(
            self.oberflaeche, self.beschreibung + self._frage(), include=include, exclude=exclude
        )


class Selbstkontrolle(Kontrolle):
    """Eingabefeld, Knopf „Prüfen“ und Rückmeldung (für eine Zahl oder ein Wort)."""

    beschreibung = (
        "ein Eingabefeld für Ihre Antwort und ein Knopf „Prüfen“; darunter erscheint die "
        "Rückmeldung, mit jedem Versuch mit genauerem Hinweis."
    )

    def __init__(self, pruefe, beschriftung: str, platzhalter: str = "z. B. 35,2") -> None:  # noqa: ANN001
        import ipywidgets as w

        super().__init__(pruefe)
        self.beschriftung = w.Label(beschriftung)
        self.eingabe = w.Text(placeholder=platzhalter, layout=w.Layout(width="12em"))
        self.oberflaeche = w.VBox(
            [self.beschriftung, w.HBox([self.eingabe, self.knopf]), self.ausgabe]
        )

    def antwort(self) -> str:
        return self.eingabe.value


class Auswahlkontrolle(Kontrolle):
    """Auswahlliste (oder Optionsfelder), Knopf „Prüfen“ und Rückmeldung."""

    beschreibung = (
        "eine Auswahl von Antworten und ein Knopf „Prüfen“; darunter erscheint die "
        "Rückmeldung mit einer Erklärung."
    )

    def __init__(
        self,
        pruefe: Callable[[object, int], Rueckmeldung],
        beschriftung: str,
        optionen: list[str],
        *,
        knoepfe: bool = False,
    ) -> None:
        import ipywidgets as w

        super().__init__(pruefe)
        self.beschriftung = w.HTML(f"<b>{beschriftung}</b>")
        if knoepfe:
            self.auswahl = w.RadioButtons(
                options=optionen, value=None, layout=w.Layout(width="auto")
            )
        else:
            self.auswahl = w.Dropdown(options=["(bitte wählen)", *optionen], value="(bitte wählen)")
        self.oberflaeche = w.VBox(
            [self.beschriftung, w.HBox([self.auswahl, self.knopf]), self.ausgabe]
        )

    def antwort(self) -> str:
        wert = self.auswahl.value
        return "" if wert in (None, "(bitte wählen)") else wert


class Zuordnungskontrolle(Kontrolle):
    """Je Element ein Auswahlfeld mit denselben Gruppen; die Antwort ist ``{element: gruppe}``.

    ``elemente`` bildet den Schlüssel, den die Prüffunktion erhält, auf die Beschriftung ab;
    ``gruppen`` sind die Wahlmöglichkeiten (Text oder Paare aus Beschriftung und Wert).
    """

    beschreibung = (
        "je Element eine Auswahlliste zum Zuordnen und ein Knopf „Prüfen“; darunter erscheint "
        "die Rückmeldung, welche Zuordnungen noch nicht stimmen."
    )

    def __init__(
        self,
        pruefe: Callable[[object, int], Rueckmeldung],
        beschriftung: str,
        elemente: dict[str, str],
        gruppen: list,
        *,
        breite: str = "26em",
    ) -> None:
        import ipywidgets as w

        super().__init__(pruefe)
        optionen = [("– bitte wählen –", "")] + [
            g if isinstance(g, tuple) else (g, g) for g in gruppen
        ]
        self.auswahl = {
            schluessel: w.Dropdown(
                options=optionen,
                value="",
                description=text,
                style={"description_width": "initial"},
                layout=w.Layout(width=breite),
            )
            for schluessel, text in elemente.items()
        }
        self.oberflaeche = w.VBox(
            [w.Label(beschriftung), *self.auswahl.values(), self.knopf, self.ausgabe]
        )

    def antwort(self) -> dict[str, str]:
        return {schluessel: feld.value for schluessel, feld in self.auswahl.items()}


def markierte_zellen(auswahl: object, tabelle) -> set[tuple] | None:  # noqa: ANN001 – DataFrame
    """Die markierten Zellen einer Tabelle als Menge ``{(zeile, spalte)}``.

    ``auswahl`` ist eine bool-Maske (DataFrame) oder eine Liste von Paaren
    (Zeile, Spalte) – etwa die Antwort einer :class:`Rasterkontrolle`. ``None``,
    wenn sich die Eingabe nicht lesen lässt oder eine Zelle nicht in ``tabelle`` steht.
    """
    import pandas as pd

    if isinstance(auswahl, pd.DataFrame):
        try:
            maske = auswahl.reindex(index=tabelle.index, columns=tabelle.columns).fillna(False)
            return {(z, s) for z in tabelle.index for s in tabelle.columns if bool(maske.loc[z, s])}
        except (TypeError, ValueError):
            return None
    if auswahl is None or isinstance(auswahl, str | bytes | int | float | dict):
        return None
    if not isinstance(auswahl, Iterable):
        return None
    zellen = set()
    for eintrag in auswahl:
        if not isinstance(eintrag, tuple | list) or len(eintrag) != 2:
            return None
        z, s = eintrag
        if z not in tabelle.index or s not in tabelle.columns:
            return None
        zellen.add((z, s))
    return zellen


class Rasterkontrolle(Kontrolle):
    """Ein Raster von Umschaltknöpfen, je Zelle einer (anklicken = sperren, dann „.“).

    ``zeilen`` und ``spalten`` sind ``{schluessel: beschriftung}``; ``aufschrift(zeile,
    spalte)`` ist der Text eines Knopfs, solange er nicht gedrückt ist. Die Antwort ist
    die Liste der gedrückten Zellen ``(zeile, spalte)``.
    """

    beschreibung = (
        "eine Tabelle aus Knöpfen – ein Klick sperrt eine Zelle („.“) – und ein Knopf "
        "„Prüfen“; darunter erscheint die Rückmeldung."
    )

    def __init__(
        self,
        pruefe: Callable[[object, int], Rueckmeldung],
        ecke: str,
        zeilen: dict,
        spalten: dict,
        aufschrift: Callable[[object, object], str],
        *,
        breite_zeilen: str = "12em",
        breite: str = "8em",
    ) -> None:
        import ipywidgets as w

        super().__init__(pruefe)
        self.zellen: dict[tuple, object] = {}
        kinder = [w.HTML(f"<b>{html.escape(ecke)}</b>")]
        kinder += [w.HTML(f"<b>{html.escape(str(t))}</b>") for t in spalten.values()]
        for z, zeilentext in zeilen.items():
            kinder.append(w.HTML(html.escape(str(zeilentext))))
            for s, spaltentext in spalten.items():
                text = aufschrift(z, s)
                knopf = w.ToggleButton(
                    value=False,
                    description=text,
                    tooltip=f"{zeilentext}, {spaltentext}: anklicken zum Sperren",
                    layout=w.Layout(width=breite),
                )

                def umschalten(aenderung, knopf=knopf, text=text):  # noqa: ANN001
                    knopf.description = "." if aenderung["new"] else text
                    knopf.button_style = "warning" if aenderung["new"] else ""

                knopf.observe(umschalten, names="value")
                self.zellen[(z, s)] = knopf
                kinder.append(knopf)
        raster = w.GridBox(
            kinder,
            layout=w.Layout(
                grid_template_columns=f"{breite_zeilen} repeat({len(spalten)}, {breite})"
            ),
        )
        self.oberflaeche = w.VBox([raster, self.knopf, self.ausgabe])

    def antwort(self) -> list[tuple]:
        return [zelle for zelle, knopf in self.zellen.items() if knopf.value]
