"""Bausteine der Selbstkontrollen: Rückmeldung, Zahleneingabe, Widget-Oberfläche."""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from dataclasses import dataclass


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


class Selbstkontrolle:
    """Eingabefeld, Knopf „Prüfen“ und Rückmeldung als ipywidgets-Oberfläche.

    Die eigentliche Prüfung ist eine Funktion ``pruefe(antwort, versuch) -> Rueckmeldung``;
    die Oberfläche zählt nur die Versuche mit.
    """

    def __init__(self, pruefe, beschriftung: str, platzhalter: str = "z. B. 35,2") -> None:  # noqa: ANN001
        import ipywidgets as w

        self._pruefe = pruefe
        self.versuche = 0
        self.beschriftung = w.Label(beschriftung)
        self.eingabe = w.Text(placeholder=platzhalter, layout=w.Layout(width="12em"))
        self.knopf = w.Button(description="Prüfen", button_style="primary", icon="check")
        self.ausgabe = w.HTML(value="")
        self.knopf.on_click(lambda _knopf: self.pruefen())
        self.oberflaeche = w.VBox(
            [self.beschriftung, w.HBox([self.eingabe, self.knopf]), self.ausgabe]
        )

    def pruefen(self) -> Rueckmeldung:
        self.versuche += 1
        rueckmeldung = self._pruefe(self.eingabe.value, self.versuche)
        self.ausgabe.value = rueckmeldung._repr_html_()
        return rueckmeldung

    def _repr_mimebundle_(self, include=None, exclude=None):  # noqa: ANN001 – IPython-API
        return self.oberflaeche._repr_mimebundle_(include=include, exclude=exclude)


class Auswahlkontrolle:
    """Auswahlliste (oder Optionsfelder), Knopf „Prüfen“ und Rückmeldung als ipywidgets.

    ``pruefe(antwort, versuch) -> Rueckmeldung``; die Oberfläche zählt die Versuche mit.
    """

    def __init__(
        self,
        pruefe: Callable[[object, int], Rueckmeldung],
        beschriftung: str,
        optionen: list[str],
        *,
        knoepfe: bool = False,
    ) -> None:
        import ipywidgets as w

        self._pruefe = pruefe
        self.versuche = 0
        self.beschriftung = w.HTML(f"<b>{beschriftung}</b>")
        if knoepfe:
            self.auswahl = w.RadioButtons(
                options=optionen, value=None, layout=w.Layout(width="auto")
            )
        else:
            self.auswahl = w.Dropdown(options=["(bitte wählen)", *optionen], value="(bitte wählen)")
        self.knopf = w.Button(description="Prüfen", button_style="primary", icon="check")
        self.ausgabe = w.HTML(value="")
        self.knopf.on_click(lambda _knopf: self.pruefen())
        self.oberflaeche = w.VBox(
            [self.beschriftung, w.HBox([self.auswahl, self.knopf]), self.ausgabe]
        )

    def pruefen(self) -> Rueckmeldung:
        self.versuche += 1
        wert = self.auswahl.value
        rueckmeldung = self._pruefe("" if wert in (None, "(bitte wählen)") else wert, self.versuche)
        self.ausgabe.value = rueckmeldung._repr_html_()
        return rueckmeldung

    def _repr_mimebundle_(self, include=None, exclude=None):  # noqa: ANN001 – IPython-API
        return self.oberflaeche._repr_mimebundle_(include=include, exclude=exclude)
