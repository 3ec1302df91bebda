"""Selbstkontrolle der Übung „Schulabgänger ohne Abschluss – zwei Definitionen“.

Geprüft werden (a) der Anteil der Abgänger ohne Ersten Schulabschluss an allen
Abgängern und (b) der Anteil an der gleichaltrigen Bevölkerung (Näherung des
Quotensummenverfahrens wie in :func:`bimo.indikatoren.ohne_abschluss_quotensumme`),
dazu die Frage, welcher Kreis in der Rangfolge am weitesten rückt.

Erkannt werden: Anteil statt Prozent, falsche Abschlussart, die jeweils andere
Definition, nur ein Teil der Abgänger (ein Geschlecht, eine Staatsangehörigkeit),
Zähler und Nenner vertauscht, drei Jahrgänge statt einem, Bevölkerung vom falschen
Stichtag.
"""

from __future__ import annotations

import pandas as pd

from bimo import daten, indikatoren
from bimo.kern.format import prozent, zahl
from bimo.uebungen._basis import (
    Auswahlkontrolle,
    Rueckmeldung,
    Selbstkontrolle,
    lies_zahl,
    mit_statischem_ersatz,
)

TOLERANZ = 0.1  # Prozentpunkte: Rundung auf eine Nachkommastelle ist in Ordnung
DEFINITIONEN = ("anteil", "jahrgang")
_ABSCHLUSS = "ohne Ersten Schulabschluss"


def _trifft(wert: float, kandidat: float) -> bool:
    return abs(wert - kandidat) <= max(TOLERANZ, abs(kandidat) * 0.002)


def _zahlen(ags: str, jahr: int) -> dict[str, float]:
    abg = daten.lade("abgaenger")
    bev = daten.lade("bevoelkerung")
    a = abg[(abg["ags"] == ags) & (abg["jahr"] == jahr)]
    if a.empty:
        raise daten.DatenFehler(f"Für {ags} im Jahr {jahr} gibt es keine Abgängerdaten.")
    ohne = a[a["abschluss"] == _ABSCHLUSS]

    def einwohner_15_18(j: int) -> float:
        teil = bev[(bev["ags"] == ags) & (bev["jahr"] == j) & bev["alter"].between(15, 17)]
        return float(teil["wert"].sum())

    return {
        "ohne": float(ohne["wert"].sum()),
        "alle": float(a["wert"].sum()),
        "erster": float(a.loc[a["abschluss"] == "Erster Schulabschluss", "wert"].sum()),
        "ohne_maennlich": float(ohne.loc[ohne["geschlecht"] == "maennlich", "wert"].sum()),
        "ohne_weiblich": float(ohne.loc[ohne["geschlecht"] == "weiblich", "wert"].sum()),
        "ohne_deutsch": float(ohne.loc[ohne["staatsangehoerigkeit"] == "deutsch", "wert"].sum()),
        "drei_jahrgaenge": einwohner_15_18(jahr - 1),
        "drei_jahrgaenge_gleiches_jahr": einwohner_15_18(jahr),
    }


def richtige_werte(ags: str, jahr: int) -> dict[str, float]:
    """Die richtigen Werte beider Definitionen für Kreis ``ags`` und ``jahr``, in Prozent
    (aus ``bimo.indikatoren`` – dieselbe Rechnung wie in den Steckbriefen)."""
    ergebnis = {}
    for definition, kennung in (
        ("anteil", "ohne_abschluss_anteil"),
        ("jahrgang", "ohne_abschluss_quotensumme"),
    ):
        t = indikatoren.indikator(kennung).berechne(land=False)
        zeile = t[(t["ags"] == ags) & (t["jahr"] == jahr)]
        if zeile.empty:
            raise daten.DatenFehler(f"Für {ags} im Jahr {jahr} gibt es keinen Wert „{kennung}“.")
        ergebnis[definition] = float(zeile["wert"].iloc[0])
    return ergebnis


def pruefe_ohne_abschluss(
    antwort: object, ags: str, jahr: int, definition: str = "anteil", versuch: int = 1
) -> Rueckmeldung:
    """Prüft einen selbst berechneten Anteil der Abgänger ohne Ersten Schulabschluss.

    ``definition="anteil"``: Anteil an allen Absolventen und Abgängern, in Prozent.
    ``definition="jahrgang"``: je 100 Personen eines Altersjahrgangs (Einwohner von 15 bis
    unter 18 Jahren am 31.12. des Vorjahres ÷ 3), in Prozent.
    """
    if definition not in DEFINITIONEN:
        return Rueckmeldung(
            False, f"Unbekannte Definition „{definition}“: erlaubt sind „anteil“ und „jahrgang“."
        )
    wert = lies_zahl(antwort)
    if wert is None:
        return Rueckmeldung(
            False,
            f"„{antwort}“ ist keine Zahl. Geben Sie den Wert in Prozent ein, z. B. 8,4 "
            "(Komma oder Punkt gehen beide).",
        )
    z = _zahlen(ags, jahr)
    richtig = richtige_werte(ags, jahr)
    jahrgang = z["drei_jahrgaenge"] / 3
    if definition == "anteil":
        nenner, text_nenner = z["alle"], "Absolventen und Abgängern insgesamt"
    else:
        nenner, text_nenner = jahrgang, "Personen eines Altersjahrgangs"
    if _trifft(wert, richtig[definition]):
        return Rueckmeldung(
            True,
            f"{zahl(z['ohne'])} Abgänger ohne Ersten Schulabschluss je "
            f"{zahl(nenner, 0 if definition == 'anteil' else 1)} "
            f"{text_nenner} ergeben {prozent(richtig[definition])}.",
        )

    andere = "jahrgang" if definition == "anteil" else "anteil"
    typische_fehler: list[tuple[float, str]] = [
        (
            richtig[definition] / 100,
            "Sie haben einen Anteil (zwischen 0 und 1) angegeben. Gefragt ist der Wert in "
            "Prozent – also mal 100.",
        ),
        (
            richtig[andere],
            "Das ist der Wert der anderen Definition. "
            + (
                "Hier ist der Nenner die Zahl aller Absolventen und Abgänger, nicht der "
                "Altersjahrgang."
                if definition == "anteil"
                else "Hier ist der Nenner der Altersjahrgang in der Bevölkerung, nicht die "
                "Zahl aller Abgänger."
            ),
        ),
        (
            z["erster"] / nenner * 100,
            "Falsche Abschlussart: Sie haben die Abgänger mit Erstem Schulabschluss gezählt. "
            "Gesucht sind die ohne Ersten Schulabschluss – dazu gehören auch Jugendliche, die "
            "eine Förderschule mit einem Förderschulabschluss verlassen.",
        ),
        (
            (z["alle"] - z["ohne"]) / nenner * 100,
            "Falsche Abschlussart: Sie haben alle Abgänger mit Abschluss gezählt. In den Zähler "
            "gehören nur die Abgänger ohne Ersten Schulabschluss.",
        ),
        (
            nenner / z["ohne"] * 100,
            "Zähler und Nenner sind vertauscht: Oben stehen die Abgänger ohne Ersten "
            "Schulabschluss.",
        ),
    ]
    for teil in ("ohne_maennlich", "ohne_weiblich", "ohne_deutsch"):
        typische_fehler.append(
            (
                z[teil] / nenner * 100,
                "Sie haben nur einen Teil der Abgänger gezählt (nur ein Geschlecht oder nur eine "
                "Staatsangehörigkeit). Summieren Sie über Geschlecht und Staatsangehörigkeit.",
            )
        )
    if definition == "jahrgang":
        typische_fehler += [
            (
                z["ohne"] / z["drei_jahrgaenge"] * 100,
                "Der Nenner umfasst drei Altersjahrgänge (15, 16 und 17 Jahre). Ein Jahrgang ist "
                "ein Drittel davon – teilen Sie die Einwohnerzahl durch 3.",
            ),
            (
                z["ohne"] / (z["drei_jahrgaenge_gleiches_jahr"] / 3) * 100,
                f"Fast: Sie haben die Bevölkerung am 31.12.{jahr} genommen. Die Abgänger "
                f"verlassen die Schule im Sommer {jahr}; der Nenner ist die Bevölkerung am "
                f"31.12.{jahr - 1}.",
            ),
        ]
    for kandidat, hinweis in typische_fehler:
        if _trifft(wert, kandidat):
            return Rueckmeldung(False, hinweis)

    if definition == "anteil":
        stufen = (
            "Der Anteil ist: Abgänger ohne Ersten Schulabschluss ÷ alle Absolventen und "
            "Abgänger × 100.",
            f"Nehmen Sie die Zeilen des Kreises {ags} im Jahr {jahr}; summieren Sie über "
            "Geschlecht und Staatsangehörigkeit – im Zähler nur „ohne Ersten "
            "Schulabschluss“, im Nenner alle Abschlussarten.",
            f"Der Rechenweg: {zahl(z['ohne'])} ÷ {zahl(z['alle'])} × 100.",
        )
    else:
        stufen = (
            "Der Wert ist: Abgänger ohne Ersten Schulabschluss ÷ Personen eines "
            "Altersjahrgangs × 100.",
            f"Einen Altersjahrgang nähern wir so: Einwohner von 15 bis unter 18 Jahren am "
            f"31.12.{jahr - 1}, geteilt durch 3.",
            f"Der Rechenweg: {zahl(z['ohne'])} ÷ ({zahl(z['drei_jahrgaenge'])} ÷ 3) × 100.",
        )
    hinweis = stufen[min(max(versuch, 1), 3) - 1]
    abstand = (
        f"Ihr Wert {zahl(wert, 1)} liegt "
        f"{'über' if wert > richtig[definition] else 'unter'} dem Ergebnis."
    )
    return Rueckmeldung(False, f"{abstand} {hinweis}")


def rangvergleich(jahr: int) -> pd.DataFrame:
    """Beide Definitionen für alle Kreise in ``jahr`` mit Rangplatz (1 = höchster Anteil)
    und ``rangwechsel`` (Rang nach Jahrgang minus Rang nach Anteil; positiv = rückt nach
    hinten, also zu günstigeren Werten)."""
    teile = []
    for definition, kennung in (
        ("anteil", "ohne_abschluss_anteil"),
        ("jahrgang", "ohne_abschluss_quotensumme"),
    ):
        t = indikatoren.indikator(kennung).berechne(land=False)
        teile.append(t[t["jahr"] == jahr].set_index("ags")["wert"].rename(definition))
    tabelle = pd.concat(teile, axis=1)
    if tabelle.empty:
        raise daten.DatenFehler(f"Für das Jahr {jahr} gibt es keine Abgängerdaten.")
    tabelle["rang_anteil"] = tabelle["anteil"].rank(ascending=False, method="min").astype(int)
    tabelle["rang_jahrgang"] = tabelle["jahrgang"].rank(ascending=False, method="min").astype(int)
    tabelle["rangwechsel"] = tabelle["rang_jahrgang"] - tabelle["rang_anteil"]
    tabelle = daten.mit_namen(tabelle.rename_axis("ags").reset_index())
    return tabelle.sort_values("rang_anteil", kind="stable").reset_index(drop=True)


def pruefe_rangwechsel(antwort: object, jahr: int, versuch: int = 1) -> Rueckmeldung:
    """Prüft die Antwort auf „Welcher Kreis ändert seinen Rang am stärksten?“ (Name oder
    Schlüssel des Kreises)."""
    tabelle = rangvergleich(jahr)
    text = str(antwort or "").strip()
    zeile = tabelle[(tabelle["name"] == text) | (tabelle["ags"] == text)]
    if not text or zeile.empty:
        return Rueckmeldung(
            False, "Bitte wählen Sie einen Kreis aus der Liste (Name oder Schlüssel)."
        )
    groesster = tabelle["rangwechsel"].abs().max()
    gewaehlt = zeile.iloc[0]
    if abs(gewaehlt["rangwechsel"]) == groesster:
        richtung = "nach hinten" if gewaehlt["rangwechsel"] > 0 else "nach vorn"
        return Rueckmeldung(
            True,
            f"{gewaehlt['name']} rückt um {int(abs(gewaehlt['rangwechsel']))} Plätze "
            f"{richtung}: Rang {gewaehlt['rang_anteil']} nach dem Anteil an allen Abgängern, "
            f"Rang {gewaehlt['rang_jahrgang']} nach dem Anteil am Altersjahrgang.",
        )
    if gewaehlt["rangwechsel"] == 0:
        hinweis = (
            f"{gewaehlt['name']} steht in beiden Rangfolgen auf Rang {gewaehlt['rang_anteil']}."
        )
    else:
        hinweis = (
            f"{gewaehlt['name']} rückt um {int(abs(gewaehlt['rangwechsel']))} Platz/Plätze – "
            "ein anderer Kreis rückt weiter."
        )
    if versuch >= 2:
        hinweis += (
            " Ordnen Sie die Kreise nach beiden Definitionen (Rang 1 = höchster Wert) und "
            "bilden Sie für jeden Kreis die Differenz der beiden Rangplätze."
        )
    return Rueckmeldung(False, hinweis)


def aufgabe_ohne_abschluss(ags: str, jahr: int):  # noqa: ANN201 – ipywidgets optional
    """Die Selbstkontrollen zur Übung: beide Definitionen und die Frage nach dem Rangwechsel."""
    import ipywidgets as w

    anteil = Selbstkontrolle(
        lambda antwort, versuch: pruefe_ohne_abschluss(antwort, ags, jahr, "anteil", versuch),
        beschriftung=f"a) Anteil an allen Abgängern {jahr} in %:",
        platzhalter="z. B. 8,4",
    )
    jahrgang = Selbstkontrolle(
        lambda antwort, versuch: pruefe_ohne_abschluss(antwort, ags, jahr, "jahrgang", versuch),
        beschriftung=f"b) Anteil am Altersjahrgang {jahr} in %:",
        platzhalter="z. B. 8,4",
    )
    namen = daten.kreise()["name"].tolist()
    rang = Auswahlkontrolle(
        lambda antwort, versuch: pruefe_rangwechsel(antwort, jahr, versuch),
        "c) Welcher Kreis ändert seinen Rangplatz am stärksten?",
        namen,
    )
    return mit_statischem_ersatz(
        w.VBox([anteil.oberflaeche, jahrgang.oberflaeche, rang.oberflaeche]),
        f"zwei Eingabefelder für den Anteil ohne Abschluss {jahr} in Prozent – a) an allen "
        "Abgängern, b) am Altersjahrgang –, dazu c) eine Auswahlliste der Kreise für die "
        "Frage, welcher Kreis seinen Rangplatz am stärksten ändert; jede Frage hat einen "
        "Knopf „Prüfen“ mit Rückmeldung darunter.",
    )
