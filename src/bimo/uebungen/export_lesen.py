"""Selbstkontrolle der Übung „Einen Export der Regionaldatenbank lesen“.

Die Übung liest ``21111-02-06-4_musterland.csv`` (Absolventen und Abgänger nach
Schulabschluss) mit reinem pandas. Geprüft werden die eingelesene Tabelle
(:func:`pruefe_tabelle`) und drei Zahlen daraus (:func:`pruefe_export_lesen`). Erkannt
werden: Schlüssel als Zahl (führende Null), ``-`` als fehlend gelesen, Land- und
Regierungsbezirkszeilen als Kreise gezählt, falsches Jahr, Summe mit der Landeszeile
(doppelt), die falsche Spalte (weiblich statt insgesamt, alle Abschlüsse statt ohne).
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pandas as pd

from bimo import daten
from bimo.kern.format import zahl
from bimo.uebungen._basis import Rueckmeldung, Selbstkontrolle, lies_zahl, mit_statischem_ersatz

DATEI = "21111-02-06-4_musterland.csv"
JAHR = 2023
KREIS, KREISNAME = "17252", "Landkreis Talgrund"
OHNE = "ohne Ersten Schulabschluss"
SPALTEN = ("jahr", "ags", "ohne_abschluss")

FRAGEN = {
    "kreise": f"Wie viele Kreise und kreisfreie Städte hatte Musterland {JAHR}?",
    "landessumme": f"Abgänger ohne Ersten Schulabschluss {JAHR} in Musterland (Summe der Kreise):",
    "kreiswert": f"Abgänger ohne Ersten Schulabschluss {JAHR} im {KREISNAME} ({KREIS}):",
}
"""Die drei Zahlen, die die Übung abfragt: Kennung → Frage."""


def pfad() -> Path:
    """Der Pfad der Übungsdatei im Ordner ``musterland_regionaldatenbank`` (Paketdaten)."""
    return daten.datenordner().with_name("musterland_regionaldatenbank") / DATEI


@lru_cache(maxsize=1)
def _export() -> pd.DataFrame:
    """Die Datei, richtig gelesen mit ``lese_regionalstatistik`` (Vergleichsmaßstab)."""
    return daten.lese_regionalstatistik(pfad())


def richtige_tabelle() -> pd.DataFrame:
    """Die Kreiszeilen mit ``jahr``, ``ags`` (Text) und ``ohne_abschluss`` (``-`` = 0)."""
    t = _export()
    t = t[(t["geschlecht"] == "Insgesamt") & (t["schulabschluss"] == OHNE)]
    t = t[t["ebene"] == "Kreis"]
    return (
        t.assign(ohne_abschluss=t["wert"])[["jahr", "ags", "ohne_abschluss", "zeichen"]]
        .sort_values(["jahr", "ags"])
        .reset_index(drop=True)
    )


def _wert(ebene: str | None, jahr: int | None, abschluss: str, geschlecht: str, ags=None) -> float:  # noqa: ANN001
    t = _export()
    auswahl = (t["schulabschluss"] == abschluss) & (t["geschlecht"] == geschlecht)
    if ebene is not None:
        auswahl &= t["ebene"] == ebene
    if jahr is not None:
        auswahl &= t["jahr"] == jahr
    if ags is not None:
        auswahl &= t["ags"] == ags
    return float(t.loc[auswahl, "wert"].fillna(0).sum())


def _kandidaten(frage: str) -> tuple[float, list[tuple[float, str]]]:
    """Die richtige Zahl und die typischen falschen mit ihrem Hinweis."""
    t = _export()
    jahre = sorted(int(j) for j in t["jahr"].unique() if j != JAHR)
    falsches_jahr = (
        f"Das ist die Zahl eines anderen Jahres. Gesucht ist {JAHR}: Die Datei enthält alle "
        f"Jahre von {min(t['jahr'])} bis {max(t['jahr'])} untereinander – filtern Sie die "
        "Jahresspalte."
    )
    weiblich = (
        "Das ist die Spalte „weiblich“. Die Kopfzeilen haben zwei Ebenen: Die ersten fünf "
        "Wertspalten sind „Geschlecht: Insgesamt“, die nächsten „weiblich“."
    )
    alle = (
        "Das sind alle Abgänger (Spalte „Insgesamt“). Gesucht ist die Spalte „ohne Ersten "
        "Schulabschluss“."
    )
    if frage == "kreise":
        kreise = t[(t["jahr"] == JAHR) & (t["ebene"] == "Kreis")].drop_duplicates("ags")
        richtig = float((kreise["zeichen"] != "-").sum())
        alle_zeilen = t[t["jahr"] == JAHR].drop_duplicates("ags")
        faelle = [
            (
                float(len(kreise)),
                "Sie haben auch die Zeilen mit „-“ gezählt. „-“ heißt „nichts vorhanden“: "
                "Diese Kreise gab es in dem Jahr nicht mehr (Gebietsreform).",
            ),
            (
                float(len(alle_zeilen)),
                "Sie haben auch das Land (2-stelliger Schlüssel) und die Regierungsbezirke "
                "(3 Stellen) gezählt. Kreise haben 5-stellige Schlüssel.",
            ),
            (
                float(len(alle_zeilen[alle_zeilen["zeichen"] != "-"])),
                "Sie haben das Land und die Regierungsbezirke mitgezählt. Kreise haben "
                "5-stellige Schlüssel.",
            ),
            (
                float(len(t[t["ebene"] == "Kreis"].drop_duplicates(["ags", "jahr"]))),
                f"Sie haben die Kreiszeilen aller Jahre gezählt. Gesucht ist nur {JAHR}.",
            ),
        ]
        for j in jahre:
            k = t[(t["jahr"] == j) & (t["ebene"] == "Kreis") & (t["zeichen"] != "-")]
            faelle.append((float(k["ags"].nunique()), falsches_jahr))
        return richtig, faelle
    if frage == "landessumme":
        richtig = _wert("Kreis", JAHR, OHNE, "Insgesamt")
        land = _wert("Land", JAHR, OHNE, "Insgesamt")
        bezirke = _wert("Regierungsbezirk", JAHR, OHNE, "Insgesamt")
        faelle = [
            (
                richtig + land + bezirke,
                "Ihre Summe ist etwa dreimal zu groß: Sie enthält neben den Kreisen auch die "
                "Regierungsbezirke und das Land – die sind selbst schon Summen der Kreise.",
            ),
            (
                richtig + land,
                "Ihre Summe ist doppelt so groß: Die Landeszeile (Schlüssel 17) ist schon die "
                "Summe aller Kreise. Zählen Sie nur die Kreise (5-stellige Schlüssel).",
            ),
            (
                _wert("Kreis", None, OHNE, "Insgesamt"),
                f"Das ist die Summe über alle Jahre. Gesucht ist nur {JAHR}.",
            ),
            (_wert("Kreis", JAHR, OHNE, "weiblich"), weiblich),
            (_wert("Kreis", JAHR, "Insgesamt", "Insgesamt"), alle),
        ]
        faelle += [(_wert("Kreis", j, OHNE, "Insgesamt"), falsches_jahr) for j in jahre]
        return richtig, faelle
    if frage == "kreiswert":
        richtig = _wert("Kreis", JAHR, OHNE, "Insgesamt", KREIS)
        faelle = [
            (_wert("Kreis", JAHR, OHNE, "weiblich", KREIS), weiblich),
            (_wert("Kreis", JAHR, "Insgesamt", "Insgesamt", KREIS), alle),
            (
                _wert("Regierungsbezirk", JAHR, OHNE, "Insgesamt", KREIS[:3]),
                "Das ist die Zeile des Regierungsbezirks (Schlüssel "
                f"{KREIS[:3]}), nicht die des Kreises {KREIS}.",
            ),
        ]
        faelle += [(_wert("Kreis", j, OHNE, "Insgesamt", KREIS), falsches_jahr) for j in jahre]
        return richtig, faelle
    raise daten.DatenFehler(f"Unbekannte Frage „{frage}“. Vorhanden: {', '.join(FRAGEN)}.")


def pruefe_export_lesen(
    antwort: object, frage: str = "landessumme", versuch: int = 1
) -> Rueckmeldung:
    """Prüft eine Zahl der Übung; ``frage`` ist ``kreise``, ``landessumme`` oder ``kreiswert``."""
    if frage not in FRAGEN:
        raise daten.DatenFehler(f"Unbekannte Frage „{frage}“. Vorhanden: {', '.join(FRAGEN)}.")
    wert = lies_zahl(antwort)
    if wert is None:
        return Rueckmeldung(False, f"„{antwort}“ ist keine Zahl. Geben Sie eine ganze Zahl ein.")
    richtig, faelle = _kandidaten(frage)
    if abs(wert - richtig) < 0.5:
        texte = {
            "kreise": f"{zahl(richtig)} Kreise und kreisfreie Städte – die Zeilen mit „-“ "
            "(die 2019 aufgelösten Kreise) zählen nicht.",
            "landessumme": f"{zahl(richtig)} – das ist genau die Zahl in der Landeszeile "
            "(Schlüssel 17). Die Probe stimmt.",
            "kreiswert": f"{zahl(richtig)} Abgänger ohne Ersten Schulabschluss im {KREISNAME}.",
        }
        return Rueckmeldung(True, texte[frage])
    for kandidat, hinweis in faelle:
        if abs(wert - kandidat) < 0.5 and abs(kandidat - richtig) >= 0.5:
            return Rueckmeldung(False, hinweis)
    if versuch <= 1:
        hinweis = "Prüfen Sie Jahr, Spalte und Ebene (nur 5-stellige Schlüssel sind Kreise)."
    elif versuch == 2:
        hinweis = (
            f"Filtern Sie: Jahr {JAHR}, Schlüssel mit 5 Stellen; Spalte „{OHNE}“ unter "
            "„Geschlecht: Insgesamt“; „-“ ist 0."
        )
    else:
        hinweis = {
            "kreise": "Zählen Sie die 5-stelligen Schlüssel des Jahres, deren Werte nicht "
            "„-“ sind.",
            "landessumme": "Die Summe der Kreise muss die Zahl der Landeszeile (Schlüssel 17) "
            "ergeben – vergleichen Sie.",
            "kreiswert": f"Suchen Sie die Zeile „{JAHR};{KREIS};…“ und nehmen Sie die zweite "
            "Wertspalte.",
        }[frage]
    return Rueckmeldung(False, hinweis)


def pruefe_tabelle(tabelle: object) -> Rueckmeldung:
    """Prüft die selbst eingelesene Kreistabelle (``jahr``, ``ags``, ``ohne_abschluss``)."""
    if not isinstance(tabelle, pd.DataFrame):
        return Rueckmeldung(
            False, "Erwartet wird eine Tabelle (pandas.DataFrame), z. B. aus pd.read_csv(…)."
        )
    fehlend = [s for s in SPALTEN if s not in tabelle.columns]
    if fehlend:
        return Rueckmeldung(
            False,
            f"Der Tabelle fehlen die Spalten {', '.join(fehlend)}. Benennen Sie die Spalten "
            f"so: {', '.join(SPALTEN)}.",
        )
    if tabelle.empty:
        return Rueckmeldung(False, "Die Tabelle ist leer. Haben Sie zu viele Zeilen übersprungen?")
    ags = tabelle["ags"]
    if not pd.api.types.is_numeric_dtype(ags) and not all(isinstance(a, str) for a in ags):
        return Rueckmeldung(
            False,
            "Die Spalte ags enthält leere Werte oder Zahlen zwischen den Texten. Stehen noch "
            "Kopf- oder Fußzeilen in der Tabelle? Behalten Sie nur Zeilen mit einer Jahreszahl.",
        )
    if pd.api.types.is_numeric_dtype(ags):
        return Rueckmeldung(
            False,
            "Die Schlüssel sind Zahlen, kein Text. Bei Musterland (17…) fällt das nicht auf, "
            "bei echten Daten schon: Aus „01001“ wird 1001, die führende Null ist weg. "
            "Lesen Sie mit dtype=str oder dtype={…: str}.",
        )
    laengen = set(ags.str.strip().str.len())
    if laengen & {2, 3}:
        return Rueckmeldung(
            False,
            "Die Tabelle enthält noch das Land (Schlüssel mit 2 Stellen) oder die "
            "Regierungsbezirke (3 Stellen). Behalten Sie nur Kreise: 5-stellige Schlüssel.",
        )
    richtig = richtige_tabelle()
    eigen = tabelle.assign(
        ags=ags.str.strip(), jahr=pd.to_numeric(tabelle["jahr"], errors="coerce")
    )
    if not pd.api.types.is_numeric_dtype(eigen["ohne_abschluss"]):
        return Rueckmeldung(
            False,
            "Die Spalte ohne_abschluss ist noch Text, keine Zahl – vermutlich wegen der „-“. "
            "Ersetzen Sie „-“ durch 0 und wandeln Sie dann in Zahlen um.",
        )
    verbunden = richtig.merge(eigen, on=["jahr", "ags"], how="left", suffixes=("", "_eigen"))
    strich = verbunden["zeichen"] == "-"
    if verbunden.loc[strich, "ohne_abschluss_eigen"].isna().any():
        return Rueckmeldung(
            False,
            "Wo die Datei „-“ hat, steht bei Ihnen ein fehlender Wert (NaN). „-“ heißt "
            "„nichts vorhanden“, also 0 – nicht „unbekannt“.",
        )
    if len(eigen) != len(richtig) or verbunden["ohne_abschluss_eigen"].isna().any():
        return Rueckmeldung(
            False,
            f"Die Tabelle hat {zahl(len(eigen))} Zeilen; erwartet sind {zahl(len(richtig))} "
            "(jede Kreiszeile der Datei einmal, alle Jahre). Fehlen Zeilen am Anfang oder "
            "stehen Fußzeilen noch drin?",
        )
    anders = (verbunden["ohne_abschluss_eigen"] - verbunden["ohne_abschluss"]).abs() > 0.5
    if anders.any():
        beispiel = verbunden[anders].iloc[0]
        return Rueckmeldung(
            False,
            f"Für {beispiel['ags']} im Jahr {int(beispiel['jahr'])} steht bei Ihnen "
            f"{zahl(beispiel['ohne_abschluss_eigen'])}, in der Datei "
            f"{zahl(beispiel['ohne_abschluss'])}. Haben Sie die richtige Spalte erwischt "
            "(zweite Wertspalte: ohne Ersten Schulabschluss, Geschlecht insgesamt)?",
        )
    return Rueckmeldung(
        True,
        f"{zahl(len(eigen))} Kreiszeilen, Schlüssel als Text, „-“ als 0 – genau wie "
        "bimo.daten.lese_regionalstatistik liest.",
    )


def aufgabe_export_lesen() -> object:
    """Die Oberfläche: je Frage ein Eingabefeld mit Knopf „Prüfen“."""
    import ipywidgets as w

    kontrollen = [
        Selbstkontrolle(
            lambda antwort, versuch, f=frage: pruefe_export_lesen(antwort, f, versuch),
            beschriftung=text,
            platzhalter="ganze Zahl",
        )
        for frage, text in FRAGEN.items()
    ]
    box = w.VBox([k.oberflaeche for k in kontrollen])
    box.kontrollen = kontrollen
    return mit_statischem_ersatz(
        box,
        f"{len(kontrollen)} Fragen zum gelesenen Export, je mit einem Eingabefeld für eine "
        "ganze Zahl und einem Knopf „Prüfen“; darunter erscheint jeweils die Rückmeldung. "
        "Fragen: " + " ".join(f"„{text.rstrip(':')}“" for text in FRAGEN.values()),
    )
