"""Selbstkontrolle der Übung „Vergleichen: Prozentpunkte oder Prozent?“.

Ein Kreis wird mit einer Referenz verglichen (Land, ähnliche Kreise, Vorjahr). Als
Unterschied gelten zwei Angaben als richtig: die Differenz in **Prozentpunkten**
(Kreis − Referenz) und die relative Abweichung in **Prozent**
((Kreis − Referenz) ÷ Referenz × 100).

Erkannt werden: „um 10 %“, wo 10 Prozentpunkte richtig sind (und umgekehrt),
vertauschtes Vorzeichen, die relative Abweichung auf den falschen Wert bezogen und
ein Anteil statt Prozent.
"""

from __future__ import annotations

from bimo import daten
from bimo.kapitel import analyse
from bimo.kern.format import prozent, zahl
from bimo.uebungen._basis import Rueckmeldung, lies_zahl, mit_statischem_ersatz

TOLERANZ = 0.1
REFERENZEN = ("Land", "ähnliche Kreise", "Vorjahr")
EINHEITEN = ("Prozentpunkte", "Prozent")


def _trifft(wert: float, kandidat: float) -> bool:
    return abs(wert - kandidat) <= max(TOLERANZ, abs(kandidat) * 0.002)


def vergleichswerte(
    ags: str, jahr: int, referenz: str, kennung: str = "uebergangsquote_gymnasium"
) -> tuple[float, float, str]:
    """Wert des Kreises, Wert der Referenz und ein Text, was die Referenz ist.

    ``referenz``: „Land“, „ähnliche Kreise“ (die drei nächsten Nachbarn in SGB-II-Quote
    unter 15 und Anteil Nichtdeutscher, :func:`bimo.kapitel.analyse.aehnliche_kommunen`; Quote aus
    den Summen) oder „Vorjahr“.
    """
    if referenz not in REFERENZEN:
        erlaubt = ", ".join(f"„{r}“" for r in REFERENZEN)
        raise daten.DatenFehler(f"Unbekannte Referenz „{referenz}“. Erlaubt: {erlaubt}.")
    tabelle = analyse.werte(kennung)

    def wert(schluessel: str, j: int) -> float:
        zeile = tabelle[(tabelle["ags"] == schluessel) & (tabelle["jahr"] == j)]
        if zeile.empty:
            raise daten.DatenFehler(f"Für {schluessel} gibt es im Jahr {j} keinen Wert.")
        return float(zeile["wert"].iloc[0])

    eigen = wert(ags, jahr)
    if referenz == "Land":
        return eigen, wert(daten.LAND_AGS, jahr), f"Musterland {jahr}"
    if referenz == "Vorjahr":
        return eigen, wert(ags, jahr - 1), f"derselbe Kreis {jahr - 1}"
    nachbarn = analyse.aehnliche_kommunen(ags, jahr, anzahl=3)
    gruppe = analyse.gruppenquote(tabelle, nachbarn["ags"].tolist(), "ähnliche Kreise")
    gruppenwert = float(gruppe.loc[gruppe["jahr"] == jahr, "wert"].iloc[0])
    return eigen, gruppenwert, f"ähnliche Kreise {jahr}: " + ", ".join(nachbarn["name"])


def pruefe_vergleich(
    antwort: object,
    einheit: object,
    ags: str,
    jahr: int,
    referenz: str = "Land",
    kennung: str = "uebergangsquote_gymnasium",
    versuch: int = 1,
) -> Rueckmeldung:
    """Prüft den Unterschied Kreis minus Referenz: ``antwort`` (Zahl, negativ, wenn der Kreis
    darunter liegt) mit ``einheit`` „Prozentpunkte“ oder „Prozent“ (relativ zur Referenz)."""
    wert = lies_zahl(antwort)
    if wert is None:
        return Rueckmeldung(
            False,
            f"„{antwort}“ ist keine Zahl. Geben Sie den Unterschied ein, z. B. -3,2 "
            "(negativ, wenn der Kreis unter der Referenz liegt).",
        )
    if einheit not in EINHEITEN:
        return Rueckmeldung(False, "Bitte wählen Sie eine Einheit: Prozentpunkte oder Prozent.")
    eigen, ref, _ = vergleichswerte(ags, jahr, referenz, kennung)
    pp = eigen - ref
    relativ = pp / ref * 100
    richtig = pp if einheit == "Prozentpunkte" else relativ
    if _trifft(wert, richtig):
        satz = (
            f"{prozent(eigen)} − {prozent(ref)} = {zahl(pp, 1)} Prozentpunkte."
            if einheit == "Prozentpunkte"
            else f"({zahl(eigen, 1)} − {zahl(ref, 1)}) ÷ {zahl(ref, 1)} × 100 = "
            f"{prozent(relativ)}: die Abweichung relativ zur Referenz."
        )
        return Rueckmeldung(True, satz)

    typische_fehler = [
        (
            pp if einheit == "Prozent" else float("nan"),
            f"Ihre Zahl ist die Differenz der beiden Quoten – das sind {zahl(pp, 1)} "
            "Prozentpunkte, nicht Prozent. „Prozent“ wäre die relative Abweichung: die "
            "Differenz geteilt durch den Wert der Referenz.",
        ),
        (
            relativ if einheit == "Prozentpunkte" else float("nan"),
            "Ihre Zahl ist die relative Abweichung (Differenz ÷ Referenz × 100) – die wird in "
            "Prozent angegeben. Prozentpunkte sind die einfache Differenz der beiden Quoten.",
        ),
        (
            -richtig,
            "Das Vorzeichen ist vertauscht: Rechnen Sie Kreis minus Referenz – liegt der Kreis "
            "darunter, ist der Unterschied negativ.",
        ),
        (
            pp / eigen * 100 if einheit == "Prozent" else float("nan"),
            "Fast: Die relative Abweichung bezieht sich auf die Referenz, nicht auf den Wert des "
            "Kreises. Teilen Sie die Differenz durch den Wert der Referenz.",
        ),
        (
            richtig / 100,
            "Sie haben einen Anteil angegeben (durch 100 geteilt). Geben Sie die Zahl so an, wie "
            "sie im Satz stünde: „um 3,2 Prozentpunkte“ oder „um 8,1 %“.",
        ),
    ]
    for kandidat, hinweis in typische_fehler:
        if kandidat == kandidat and _trifft(wert, kandidat):  # NaN überspringen
            return Rueckmeldung(False, hinweis)

    if einheit == "Prozentpunkte":
        stufen = (
            "Prozentpunkte sind die Differenz zweier Quoten: Kreis minus Referenz.",
            f"Der Kreis hat {prozent(eigen)}, die Referenz {prozent(ref)}.",
            f"Der Rechenweg: {zahl(eigen, 1)} − {zahl(ref, 1)}.",
        )
    else:
        stufen = (
            "Prozent (relativ) ist die Differenz geteilt durch den Wert der Referenz, mal 100.",
            f"Der Kreis hat {prozent(eigen)}, die Referenz {prozent(ref)}.",
            f"Der Rechenweg: ({zahl(eigen, 1)} − {zahl(ref, 1)}) ÷ {zahl(ref, 1)} × 100.",
        )
    return Rueckmeldung(False, stufen[min(max(versuch, 1), 3) - 1])


def aufgabe_vergleich(ags: str, jahr: int, kennung: str = "uebergangsquote_gymnasium"):  # noqa: ANN201
    """Die Oberfläche zur Übung: Referenz wählen, Werte sehen, Unterschied mit Einheit prüfen."""
    import ipywidgets as w

    referenz = w.Dropdown(options=list(REFERENZEN), value="Land", description="Referenz:")
    werte = w.HTML()
    eingabe = w.Text(placeholder="z. B. -3,2", layout=w.Layout(width="10em"))
    einheit = w.ToggleButtons(options=list(EINHEITEN), value=None)
    knopf = w.Button(description="Prüfen", button_style="primary", icon="check")
    ausgabe = w.HTML()
    versuche = {"zahl": 0}

    def zeige_werte(_aenderung: object = None) -> None:
        eigen, ref, text = vergleichswerte(ags, jahr, referenz.value, kennung)
        werte.value = f"Kreis: <b>{prozent(eigen)}</b> · Referenz ({text}): <b>{prozent(ref)}</b>"
        versuche["zahl"] = 0
        ausgabe.value = ""

    def pruefen(_knopf: object = None) -> Rueckmeldung:
        versuche["zahl"] += 1
        r = pruefe_vergleich(
            eingabe.value, einheit.value, ags, jahr, referenz.value, kennung, versuche["zahl"]
        )
        ausgabe.value = r._repr_html_()
        return r

    referenz.observe(zeige_werte, names="value")
    knopf.on_click(pruefen)
    zeige_werte()
    oberflaeche = w.VBox(
        [
            referenz,
            werte,
            w.Label("Unterschied (Kreis minus Referenz):"),
            w.HBox([eingabe, einheit, knopf]),
            ausgabe,
        ]
    )
    oberflaeche.pruefen = pruefen  # für Tests und Lösung
    oberflaeche.eingabe, oberflaeche.einheit, oberflaeche.referenz = eingabe, einheit, referenz
    return mit_statischem_ersatz(
        oberflaeche,
        "eine Auswahlliste für die Referenz (" + ", ".join(REFERENZEN) + ") mit dem Wert des "
        "Kreises und der Referenz darunter, ein Eingabefeld für den Unterschied (Kreis minus "
        "Referenz), Knöpfe für die Einheit (" + ", ".join(EINHEITEN) + ") und ein Knopf "
        "„Prüfen“; darunter erscheint die Rückmeldung.",
    )
