"""Ein großes synthetisches Land als Exporte der Regionaldatenbank.

Wofür: ``bimo berichte`` soll für 10, 100 und 1.000 Kommunen gemessen werden,
und der Ordner-Import (``bimo berichte --daten ORDNER``) braucht Testdaten in
der Form echter Downloads. :func:`erzeuge_grosses_land` schreibt dazu einen
Ordner mit drei klassischen CSV-Exporten der Regionaldatenbank Deutschland für
ein erfundenes Gebiet mit beliebig vielen Kreisen:

==================== ==================================================================
``12411-02-03-4.csv`` Bevölkerung nach Geschlecht und 17 Altersgruppen, Stichtag 31.12.
                      der Jahre 2018–2023 (UTF-8)
``22543-01-02-4.csv`` Kinder in Tagesbetreuung nach Altersgruppen, Stichtag 01.03. der
                      Jahre 2019–2024 (UTF-8)
``21111-02-06-4.csv`` Absolventen und Abgänger nach Schulabschluss und Geschlecht,
                      Schuljahre 2018–2023 (latin-1/cp1252 wie ältere Downloads)
==================== ==================================================================

Aufbau wie echte Dateien: Tabellencode, Titelzeilen, mehrzeiliger Spaltenkopf,
Datenzeilen mit Zeit, Gebietsschlüssel und eingerücktem Namen (Deutschland
„DG“ ohne Einrückung, Land 2, Kreis 6 Leerzeichen), Fußteil mit Fußnote,
©-Vermerk und „Stand:“. Die Dateien lesen :func:`bimo.daten.lese_regionalstatistik`
und danach ``bevoelkerung_aus_regionalstatistik``, ``kita_aus_regionalstatistik`` und
``abgaenger_aus_regionalstatistik`` aus :mod:`bimo.indikatoren`.

Das Gebiet: die Kreise verteilen sich auf bis zu 16 Länder (etwa 40 Kreise je
Land). Die Länder haben die Schlüssel 17, 18, … – Schlüssel, die es in
Deutschland nicht gibt (echte Länder: 01–16), damit kein erfundener Wert für
einen echten Ort gehalten wird. Ein Kreis hat den Schlüssel Land + 3 Stellen
(kreisfreie Städte ab ``001``, Landkreise ab ``051``). Länder und „DG“ sind die
Summen ihrer Kreise. Die Kreise haben etwa 40.000 bis 700.000 Einwohner, dazu
einige sehr kleine mit 5.000 bis 12.000 – dort liegen Fallzahlen unter der
Mindestfallzahl 3 (etwa Abgängerinnen ohne Abschluss). Wie in echten Exporten
stehen Zeichen statt Zahlen: ``-`` (nichts vorhanden) für Nullen in der
Abgängertabelle und für die Fachhochschulreife in einem Land, in dem sie nur
an beruflichen Schulen erworben wird; ``.`` (geheim bzw. nicht erfasst) für
kleine Zahlen von Kindern mit ausländischer Herkunft in der Tagespflege und für
den schulischen Teil der Fachhochschulreife in einem Land, das ihn nicht erfasst.

Alle Zahlen sind erfunden (``numpy.random.default_rng(seed)``): gleicher
Startwert und gleiche Anzahl ergeben Byte für Byte gleiche Dateien.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from bimo.fehler import ParameterFehler
from bimo.kern.dateien import schreibe_atomar

__all__ = [
    "DATEIEN",
    "FEINDLICHER_NAME",
    "HOECHSTZAHL",
    "JAHRE_ABGAENGER",
    "JAHRE_BEVOELKERUNG",
    "JAHRE_KITA",
    "erzeuge_grosses_land",
]

JAHRE_BEVOELKERUNG = tuple(range(2018, 2024))
"""Stichtage 31.12. der Bevölkerung (Nenner der Betreuungsquote im Folgejahr)."""
JAHRE_KITA = tuple(range(2019, 2025))
"""Stichtage 01.03. der Kindertagesbetreuung."""
JAHRE_ABGAENGER = tuple(range(2018, 2024))
"""Schuljahre (Ende) der Absolventen und Abgänger."""

HOECHSTZAHL = 10_000
"""Höchstens so viele Kreise (die Schlüssel reichen je Land für knapp 1.000)."""

KREISE_JE_LAND = 40
HOECHSTE_LAENDER = 16
ERSTER_LANDESSCHLUESSEL = 17

FEINDLICHER_NAME = "<script>alert(\"bimo\")</script> & „Söhne“ 'Land'"
"""Name eines Kreises mit ``feindlicher_name=True``: prüft das Maskieren in HTML und CSV."""

DATEIEN = ("12411-02-03-4.csv", "22543-01-02-4.csv", "21111-02-06-4.csv")
"""Die Dateinamen im Zielordner, in der Reihenfolge der Rückgabe."""

QUELLE = (
    "© bimo-Projekt, 2025: großes Musterland - synthetische Beispieldaten, keine amtlichen "
    "Zahlen.\nDieses Werk ist lizenziert unter CC BY 4.0.\n"
    "Aufbau nach den Exporten der Regionaldatenbank Deutschland."
)
STAND = "15.01.2025 / 10:00:00"

LAENDER = (
    "Musterland",
    "Nordmark",
    "Ostheide",
    "Südhang",
    "Westerwaldmark",
    "Bergland",
    "Seenplatte",
    "Hügelland",
    "Flussmark",
    "Küstenland",
    "Waldmark",
    "Talmark",
    "Heideland",
    "Steinmark",
    "Rebenland",
    "Grünmark",
)

_PRAEFIXE = (
    "Linden", "Birken", "Eichen", "Buchen", "Tannen", "Erlen", "Eschen", "Ulmen",
    "Fichten", "Weiden", "Hasel", "Ahorn", "Nord", "Süd", "Ost", "West", "Ober",
    "Nieder", "Alt", "Neu", "Hohen", "Kirch", "Berg", "Tal", "Wald", "See", "Bach",
    "Stein", "Burg", "Mühl", "Rosen", "Falken", "Hirsch", "Wolfs", "Adler", "Kranich",
    "Schön", "Grün", "Weiß", "Rot", "Schwarz", "Blau", "Gold", "Silber", "Eisen",
    "Salz", "Kupfer", "Heide", "Moor", "Marsch", "Wiesen", "Sonnen", "Stern", "Löwen",
    "Greifen", "Brunn", "Hain", "Kreuz", "Mark", "Elm", "Hahnen", "Kron", "Lauter",
    "Sieben", "Wester", "Oster", "Roden", "Blumen", "Lerchen", "Finken", "Otter",
    "Biber", "Fuchs", "Hagel", "Espen",
)  # fmt: skip
_SUFFIXE = (
    "au", "heim", "hausen", "burg", "berg", "dorf", "feld", "stedt", "ingen", "bach",
    "tal", "hagen", "rode", "felde", "walde", "brück", "kirchen", "stein", "furt",
    "hofen", "born", "wede", "leben", "sund", "hude", "wang", "lar", "stadt",
)  # fmt: skip

ALTERSGRUPPEN = (
    "unter 3 Jahre",
    "3 bis unter 6 Jahre",
    "6 bis unter 10 Jahre",
    "10 bis unter 15 Jahre",
    "15 bis unter 18 Jahre",
    "18 bis unter 20 Jahre",
    "20 bis unter 25 Jahre",
    "25 bis unter 30 Jahre",
    "30 bis unter 35 Jahre",
    "35 bis unter 40 Jahre",
    "40 bis unter 45 Jahre",
    "45 bis unter 50 Jahre",
    "50 bis unter 55 Jahre",
    "55 bis unter 60 Jahre",
    "60 bis unter 65 Jahre",
    "65 bis unter 75 Jahre",
    "75 Jahre und mehr",
)
# Anteile der Altersgruppen an allen Einwohnern (gerundet, deutschlandähnlich), in Prozent.
_ANTEILE = np.array(
    [2.9, 2.8, 3.6, 4.5, 2.8, 2.0, 5.4, 6.3, 6.6, 6.2, 5.9, 6.4, 8.1, 7.9, 6.8, 10.3, 11.5]
)
# Anteil der Männer je Altersgruppe.
_MAENNLICH = np.array(
    [0.513, 0.513, 0.513, 0.514, 0.515, 0.52, 0.52, 0.515, 0.51, 0.505, 0.503, 0.502,
     0.5, 0.497, 0.49, 0.475, 0.405]
)  # fmt: skip
_JUNG = np.arange(17) < 6  # unter 20
_ALT = np.arange(17) >= 15  # ab 65
_STUDIUM = (np.arange(17) >= 6) & (np.arange(17) <= 8)  # 20 bis unter 35

_ARTEN = ("Tageseinrichtung", "Tagespflege", "Insgesamt (ohne Doppelzählungen)")
_ABSCHLUESSE = (
    "Insgesamt",
    "ohne Hauptschulabschluss",
    "mit Hauptschulabschluss",
    "mit Mittlerem Abschluss",
    "dar. schulischer Teil der Fachhochschulreife",
    "mit Fachhochschulreife",
    "mit allgemeiner Hochschulreife",
)
_WEIBLICH_JE_ABSCHLUSS = np.array([0.38, 0.42, 0.49, 0.5, 0.5, 0.55])  # ohne … AHR, dar.


@dataclass(frozen=True)
class _Gebiet:
    """Länder und Kreise; die Kreise liegen nach Land geordnet hintereinander."""

    land_ags: list[str]
    land_namen: list[str]
    land_je_kreis: np.ndarray  # Index des Landes je Kreis
    ags: list[str]
    namen: list[str]
    stadt: np.ndarray  # kreisfreie Stadt?
    klein: np.ndarray  # sehr kleiner Kreis?
    einwohner: np.ndarray  # Einwohner am 31.12. des ersten Jahres (vor Zufallsstreuung)

    @property
    def anfang(self) -> np.ndarray:
        """Position des ersten Kreises jedes Landes."""
        return np.searchsorted(self.land_je_kreis, np.arange(len(self.land_ags)))


def erzeuge_grosses_land(
    ziel: Path | str, anzahl: int, *, seed: int = 0, feindlicher_name: bool = False
) -> list[Path]:
    """Schreibt ein synthetisches Land mit ``anzahl`` Kreisen als Regionaldatenbank-Exporte.

    Gedacht für Messungen von ``bimo berichte`` mit vielen Kommunen (10, 100, 1.000)
    und für Tests des Ordner-Imports (``--daten ORDNER``): Die Dateien sehen aus wie
    Downloads der Regionaldatenbank und lassen sich mit
    :func:`bimo.daten.lese_regionalstatistik` lesen; aus ihnen rechnen die Indikatoren
    Betreuungsquoten (unter 3 und 3 bis unter 6), Jugend- und Altenquotient, Anteil
    der unter 18-Jährigen, Anteil der Abgänger ohne Abschluss (an allen Abgängern und
    als Quotensumme) und Anteil mit allgemeiner Hochschulreife.

    Args:
        ziel: Ordner für die drei Dateien (wird angelegt; vorhandene Dateien gleichen
            Namens werden ersetzt).
        anzahl: Zahl der Kreise, 1 bis 10.000; sie verteilen sich auf bis zu 16 Länder.
        seed: Startwert des Zufallsgenerators; gleicher Startwert, gleiche Dateien.
        feindlicher_name: Ein Kreis heißt dann :data:`FEINDLICHER_NAME` (HTML, Anführungs-
            zeichen, Ampersand) – zum Prüfen, ob Berichte Namen richtig maskieren.

    Returns:
        Die Pfade der geschriebenen Dateien (Bevölkerung, Kindertagesbetreuung, Abgänger).

    Raises:
        ParameterFehler: ``anzahl`` oder ``seed`` ist keine passende ganze Zahl.
    """
    if isinstance(anzahl, bool) or not isinstance(anzahl, (int, np.integer)):
        raise ParameterFehler(f"Die Zahl der Kreise muss eine ganze Zahl sein, nicht „{anzahl}“.")
    if not 1 <= anzahl <= HOECHSTZAHL:
        hoechstens = f"{HOECHSTZAHL:_}".replace("_", ".")
        raise ParameterFehler(
            f"Die Zahl der Kreise muss zwischen 1 und {hoechstens} liegen, nicht {anzahl}."
        )
    if isinstance(seed, bool) or not isinstance(seed, (int, np.integer)) or seed < 0:
        raise ParameterFehler(f"Der Startwert muss eine ganze Zahl ab 0 sein, nicht „{seed}“.")
    ziel = Path(ziel)
    if ziel.exists() and not ziel.is_dir():
        raise ParameterFehler(f"{ziel} ist eine Datei, kein Ordner.")
    rng = np.random.default_rng(int(seed))
    gebiet = _gebiet(int(anzahl), rng, feindlicher_name=feindlicher_name)
    bevoelkerung, maennlich = _bevoelkerung(gebiet, rng)
    kita = _kita(gebiet, bevoelkerung, rng)
    abgaenger = _abgaenger(gebiet, bevoelkerung, rng)
    zeilen = _zeilenkoepfe(gebiet)
    hinweis = (
        'zu "gesamter Tabelle":\n'
        f"Synthetische Daten eines erfundenen Gebiets ({anzahl} Kreise, Startwert {seed}),\n"
        "erzeugt mit bimo.daten.gross; keine amtlichen Ergebnisse."
    )
    return [
        schreibe_atomar(
            ziel / DATEIEN[0], _text_bevoelkerung(gebiet, zeilen, bevoelkerung, maennlich, hinweis)
        ),
        schreibe_atomar(ziel / DATEIEN[1], _text_kita(gebiet, zeilen, *kita, hinweis)),
        schreibe_atomar(
            ziel / DATEIEN[2],
            _text_abgaenger(gebiet, zeilen, abgaenger, hinweis).encode("cp1252"),
        ),
    ]


# --------------------------------------------------------------------------
# Das Gebiet
# --------------------------------------------------------------------------


def _verteile(anzahl: int, gewichte: np.ndarray) -> np.ndarray:
    """Teilt ``anzahl`` nach ``gewichte`` auf (größte Reste), jeder Teil mindestens 1."""
    teile = len(gewichte)
    rest = anzahl - teile
    roh = gewichte / gewichte.sum() * rest
    ganz = np.floor(roh).astype(int)
    fehlt = rest - ganz.sum()
    ganz[np.argsort(-(roh - ganz), kind="stable")[:fehlt]] += 1
    return ganz + 1


def _grundnamen(anzahl: int, rng: np.random.Generator) -> list[str]:
    """``anzahl`` verschiedene, deutsch klingende Ortsnamen (Lindenau, Nordheim, …)."""
    vokale = set("aeiouäöü")
    namen = [
        p + s
        for p in _PRAEFIXE
        for s in _SUFFIXE
        if not (p[-1] in vokale and s[0] in vokale) and s not in p.lower()
    ]
    namen = [namen[i] for i in rng.permutation(len(namen))]
    if anzahl <= len(namen):
        return namen[:anzahl]
    bekannt = set(namen)
    ergebnis = list(namen)
    while len(ergebnis) < anzahl:  # Doppelnamen wie „Lindenau-Nordheim“
        a, b = rng.integers(0, len(namen), size=2)
        doppel = f"{namen[a]}-{namen[b]}"
        if a != b and doppel not in bekannt:
            bekannt.add(doppel)
            ergebnis.append(doppel)
    return ergebnis


def _kreisname(grund: str, stil: int, stadt: bool, hauptstadt: bool, land: bool) -> str:
    """Name im Stil der Regionaldatenbank; die Länder benennen ihre Kreise verschieden."""
    if stadt:
        zusatz = ", Landeshauptstadt" if hauptstadt else ""
        return (
            f"{grund}{zusatz}, Kreisfreie Stadt",
            f"{grund}{zusatz}, Stadt",
            f"Kreisfreie Stadt {grund}{zusatz}",
            f"{grund}{zusatz}, Stadt",
        )[stil]
    if land:  # „Lindenauer Land, Kreis“
        return f"{grund}er Land, Kreis" if not grund.endswith("e") else f"{grund}r Land, Kreis"
    return (f"{grund}, Landkreis", f"Kreis {grund}", f"Landkreis {grund}", f"{grund}, Kreis")[stil]


def _gebiet(anzahl: int, rng: np.random.Generator, *, feindlicher_name: bool) -> _Gebiet:
    laender = min(HOECHSTE_LAENDER, math.ceil(anzahl / KREISE_JE_LAND))
    if anzahl >= 6:
        laender = max(laender, 2)
    je_land = _verteile(anzahl, rng.uniform(0.5, 1.5, laender))
    grundnamen = _grundnamen(anzahl, rng)
    stile = rng.permutation(np.arange(laender) % 4)
    land_als_name = rng.random(anzahl) < 0.08

    ags, namen, stadt, hauptstadt, land_je_kreis = [], [], [], [], []
    k = 0
    for land, n in enumerate(je_land):
        code = f"{ERSTER_LANDESSCHLUESSEL + land:02d}"
        staedte = min(49, round(0.22 * n)) if n > 1 else 0
        for i in range(n):
            ist_stadt = i < staedte
            nummer = i + 1 if ist_stadt else 51 + i - staedte
            ags.append(f"{code}{nummer:03d}")
            namen.append(
                _kreisname(
                    grundnamen[k], int(stile[land]), ist_stadt, i == 0, bool(land_als_name[k])
                )
            )
            stadt.append(ist_stadt)
            hauptstadt.append(ist_stadt and i == 0)
            land_je_kreis.append(land)
            k += 1
    stadt_arr = np.array(stadt)
    haupt_arr = np.array(hauptstadt)

    einwohner = np.where(
        stadt_arr,
        rng.lognormal(math.log(150_000), 0.6, anzahl),
        rng.lognormal(math.log(170_000), 0.45, anzahl),
    )
    einwohner = np.where(haupt_arr, rng.uniform(350_000, 700_000, anzahl), einwohner)
    einwohner = np.clip(einwohner, 40_000, 700_000)
    klein = np.zeros(anzahl, dtype=bool)
    wie_viele = max(1, round(0.02 * anzahl)) if anzahl >= 5 else 0
    if wie_viele:
        kandidaten = np.flatnonzero(stadt_arr & ~haupt_arr)
        if len(kandidaten) < wie_viele:
            kandidaten = np.flatnonzero(~haupt_arr)
        klein[rng.choice(kandidaten, size=wie_viele, replace=False)] = True
        einwohner = np.where(klein, rng.uniform(5_000, 12_000, anzahl), einwohner)

    if feindlicher_name:
        landkreise = np.flatnonzero(~stadt_arr)
        namen[int(landkreise[0]) if len(landkreise) else anzahl - 1] = FEINDLICHER_NAME

    return _Gebiet(
        land_ags=[f"{ERSTER_LANDESSCHLUESSEL + i:02d}" for i in range(laender)],
        land_namen=list(LAENDER[:laender]),
        land_je_kreis=np.array(land_je_kreis),
        ags=ags,
        namen=namen,
        stadt=stadt_arr,
        klein=klein,
        einwohner=np.round(einwohner).astype(np.int64),
    )


# --------------------------------------------------------------------------
# Die Zahlen (je Kreis; Länder und Deutschland sind Summen)
# --------------------------------------------------------------------------


def _je_land(gebiet: _Gebiet, werte: np.ndarray) -> np.ndarray:
    """Einen Wert je Land auf die Kreise übertragen."""
    return werte[gebiet.land_je_kreis]


def _bevoelkerung(gebiet: _Gebiet, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    """Einwohner (Jahr × Kreis × Altersgruppe) insgesamt und männlich."""
    n, laender = len(gebiet.ags), len(gebiet.land_ags)
    jahre = len(JAHRE_BEVOELKERUNG)
    jung = rng.normal(0, 0.08, n) + _je_land(gebiet, rng.normal(0, 0.05, laender))
    alt = rng.normal(0, 0.1, n) + _je_land(gebiet, rng.normal(0, 0.08, laender))
    logs = (
        np.log(_ANTEILE)[None, :]
        + jung[:, None] * _JUNG
        + alt[:, None] * _ALT
        + np.where(gebiet.stadt, 0.2, 0.0)[:, None] * _STUDIUM
        - np.where(gebiet.stadt, 0.06, 0.0)[:, None] * _JUNG
    )
    wachstum = rng.normal(0.001, 0.004, n)
    geburten = rng.normal(0, 0.015, n)  # Trend der jüngsten Gruppen
    t = np.arange(jahre)[:, None, None]
    drift = 0.008 * _ALT - 0.003 * (~_ALT & ~_JUNG) + geburten[:, None] * (np.arange(17) < 2)
    anteile = np.exp(logs[None, :, :] + t * drift[None, :, :])
    anteile /= anteile.sum(axis=2, keepdims=True)
    gesamt = np.round(gebiet.einwohner[None, :] * np.exp(wachstum[None, :] * t[:, :, 0]))
    einwohner = rng.multinomial(gesamt.astype(np.int64), anteile)
    maennlich = rng.binomial(einwohner, _MAENNLICH)
    return einwohner, maennlich


def _kita(
    gebiet: _Gebiet, bevoelkerung: np.ndarray, rng: np.random.Generator
) -> tuple[np.ndarray, np.ndarray]:
    """Betreute Kinder (Jahr × Kreis × Art × 6 Spalten) und die Maske der geheimen Zellen.

    Spalten: Betreute Kinder zusammen, unter 3, 3 bis unter 6, 6 bis unter 14,
    Herkunft mind. 1 Elternteil ausländisch, mit Mittagsverpflegung. Arten:
    Tageseinrichtung, Tagespflege, Insgesamt (ohne Doppelzählungen) – Kinder in
    beiden zählen im Insgesamt einmal.
    """
    n, laender = len(gebiet.ags), len(gebiet.land_ags)
    jahre = len(JAHRE_KITA)
    t = np.arange(jahre)[:, None]
    # Nenner: Bevölkerung am 31.12. des Vorjahres (Index t der Bevölkerung = Jahr t - 1).
    u3 = bevoelkerung[:, :, 0]
    u6 = bevoelkerung[:, :, 1]
    u14 = bevoelkerung[:, :, 2] + np.round(0.8 * bevoelkerung[:, :, 3]).astype(np.int64)

    q_u3 = (
        _je_land(gebiet, rng.uniform(0.25, 0.50, laender))
        + rng.normal(0, 0.04, n)
        + np.where(gebiet.stadt, 0.03, 0.0)
    )
    q_u3 = np.clip(q_u3[None, :] + 0.008 * t, 0.17, 0.57)
    q_u6 = np.clip(rng.normal(0.925, 0.025, n)[None, :] + 0.002 * t, 0.87, 0.965)
    q_u14 = np.clip(
        _je_land(gebiet, rng.uniform(0.05, 0.5, laender)) + rng.normal(0, 0.05, n), 0.02, 0.8
    )[None, :]
    betreut = np.stack(
        [rng.binomial(u3, q_u3), rng.binomial(u6, q_u6), rng.binomial(u14, q_u14)], axis=2
    )
    anteil_pflege = np.stack(
        [rng.uniform(0.05, 0.30, n), rng.uniform(0.003, 0.02, n), rng.uniform(0.005, 0.03, n)],
        axis=1,
    )[None, :, :]
    nur_pflege = rng.binomial(betreut, anteil_pflege)
    beide = rng.binomial(betreut - nur_pflege, np.array([0.002, 0.004, 0.01]))
    nur_einrichtung = betreut - nur_pflege - beide

    herkunft = rng.uniform(0.08, 0.40, n) + np.where(gebiet.stadt, 0.08, 0.0)
    mittag = rng.uniform(0.55, 0.95, n)

    def merkmal(anteil: np.ndarray, faktor_pflege: float) -> tuple[np.ndarray, ...]:
        e = rng.binomial(nur_einrichtung.sum(axis=2), anteil[None, :])
        p = rng.binomial(nur_pflege.sum(axis=2), anteil[None, :] * faktor_pflege)
        b = rng.binomial(beide.sum(axis=2), anteil[None, :])
        return e + b, p + b, e + p + b

    h_e, h_p, h_i = merkmal(herkunft, 0.5)
    m_e, m_p, m_i = merkmal(mittag, 0.9)

    einrichtung = nur_einrichtung + beide
    pflege = nur_pflege + beide
    zeilen = []
    for alter, h, m in ((einrichtung, h_e, m_e), (pflege, h_p, m_p), (betreut, h_i, m_i)):
        zeilen.append(np.concatenate([alter.sum(axis=2, keepdims=True), alter, h[..., None],
                                      m[..., None]], axis=2))  # fmt: skip
    werte = np.stack(zeilen, axis=2)  # Jahr × Kreis × Art × Spalte
    geheim = np.zeros(werte.shape, dtype=bool)
    kleine_herkunft = (h_p > 0) & (h_p < 3)
    geheim[:, :, 1, 4] = kleine_herkunft | gebiet.klein[None, :]
    return werte, geheim


def _abgaenger(gebiet: _Gebiet, bevoelkerung: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """Absolventen/Abgänger (Jahr × Kreis × 14 Spalten: je Abschluss insgesamt, weiblich)."""
    n, laender = len(gebiet.ags), len(gebiet.land_ags)
    schulort = np.where(gebiet.stadt, rng.uniform(1.0, 1.3, n), rng.uniform(0.85, 1.05, n))
    jahrgang = bevoelkerung[:, :, 4] / 3 * schulort[None, :]
    gesamt = rng.poisson(jahrgang)

    ohne = np.clip(
        _je_land(gebiet, rng.uniform(0.045, 0.075, laender)) + rng.normal(0, 0.012, n), 0.02, 0.14
    )
    fhr = _je_land(gebiet, rng.uniform(0.0, 0.008, laender))
    if laender >= 2:
        fhr[gebiet.land_je_kreis == laender - 1] = 0.0  # nur an beruflichen Schulen
    hs = rng.uniform(0.12, 0.24, n)
    ahr = np.clip(
        _je_land(gebiet, rng.uniform(0.28, 0.40, laender))
        + rng.normal(0, 0.04, n)
        + np.where(gebiet.stadt, 0.05, 0.0),
        0.15,
        0.55,
    )
    ma = 1 - ohne - fhr - hs - ahr
    anteile = np.stack([ohne, hs, ma, fhr, ahr], axis=1)
    je_abschluss = rng.multinomial(gesamt, np.broadcast_to(anteile, (*gesamt.shape, 5)))
    weiblich = rng.binomial(je_abschluss, _WEIBLICH_JE_ABSCHLUSS[:5])
    dar_anteil = _je_land(gebiet, rng.uniform(0.0, 0.08, laender))
    dar = rng.binomial(je_abschluss[:, :, 2], dar_anteil[None, :])
    dar_w = rng.binomial(dar, _WEIBLICH_JE_ABSCHLUSS[5])
    ohne_, hs_, ma_, fhr_, ahr_ = (je_abschluss[:, :, i] for i in range(5))
    ohne_w, hs_w, ma_w, fhr_w, ahr_w = (weiblich[:, :, i] for i in range(5))
    spalten = [
        gesamt, weiblich.sum(axis=2), ohne_, ohne_w, hs_, hs_w, ma_, ma_w, dar, dar_w,
        fhr_, fhr_w, ahr_, ahr_w,
    ]  # fmt: skip
    return np.stack(spalten, axis=2)


# --------------------------------------------------------------------------
# Schreiben
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class _Zeilen:
    """Reihenfolge der Gebiete in der Datei: DG, dann je Land das Land und seine Kreise."""

    reihenfolge: np.ndarray  # Index in [DG, Länder …, Kreise …]
    koepfe: list[str]  # „ags;eingerückter Name“ in dieser Reihenfolge
    land_je_zeile: np.ndarray  # Index des Landes (DG: -1)


def _feld(text: str) -> str:
    """Ein CSV-Feld; mit Anführungszeichen, wo Semikolon, Zeilenende oder ``"`` darin steht."""
    if any(z in text for z in ';"\n\r'):
        return '"' + text.replace('"', '""') + '"'
    return text


def _zeilenkoepfe(gebiet: _Gebiet) -> _Zeilen:
    laender = len(gebiet.land_ags)
    reihenfolge, koepfe, land_je_zeile = [0], ["DG;Deutschland"], [-1]
    for land, anfang in enumerate(gebiet.anfang):
        reihenfolge.append(1 + land)
        koepfe.append(f"{gebiet.land_ags[land]};{_feld('  ' + gebiet.land_namen[land])}")
        land_je_zeile.append(land)
        for k in range(anfang, anfang + int(np.sum(gebiet.land_je_kreis == land))):
            reihenfolge.append(1 + laender + k)
            koepfe.append(f"{gebiet.ags[k]};{_feld('      ' + gebiet.namen[k])}")
            land_je_zeile.append(land)
    return _Zeilen(np.array(reihenfolge), koepfe, np.array(land_je_zeile))


def _mit_summen(gebiet: _Gebiet, zeilen: _Zeilen, werte: np.ndarray) -> np.ndarray:
    """Kreiswerte (Jahr × Kreis × …) → Werte aller Zeilen der Datei (Summen für Land und DG)."""
    laender = np.add.reduceat(werte, gebiet.anfang, axis=1)
    alle = np.concatenate([werte.sum(axis=1, keepdims=True), laender, werte], axis=1)
    return alle[:, zeilen.reihenfolge]


def _zeilen_auffuellen(titel: Sequence[str], breite: int) -> list[str]:
    return [zeile + ";" * (breite - 1) for zeile in titel]


def _fuss(hinweis: str) -> list[str]:
    return ["__________", _feld_zitiert(hinweis), _feld_zitiert(QUELLE), f"Stand: {STAND}"]


def _feld_zitiert(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def _datenzeilen(
    zeiten: Sequence[str],
    zeilen: _Zeilen,
    merkmale: Sequence[str] | None,
    texte: np.ndarray,
) -> list[str]:
    """Datenzeilen, neueste Zeit zuerst (wie in echten Exporten).

    ``texte`` hat die Form Jahr × Zeile [× Zeilenmerkmal] × Wertspalte.
    """
    ausgabe = []
    for j in reversed(range(len(zeiten))):
        for r, kopf in enumerate(zeilen.koepfe):
            vorne = f"{zeiten[j]};{kopf}"
            if merkmale is None:
                ausgabe.append(vorne + ";" + ";".join(texte[j, r]))
            else:
                for m, merkmal in enumerate(merkmale):
                    ausgabe.append(f"{vorne};{merkmal};" + ";".join(texte[j, r, m]))
    return ausgabe


def _text_bevoelkerung(
    gebiet: _Gebiet,
    zeilen: _Zeilen,
    einwohner: np.ndarray,
    maennlich: np.ndarray,
    hinweis: str,
) -> str:
    gruppen = np.concatenate([einwohner, einwohner.sum(axis=2, keepdims=True)], axis=2)
    maenner = np.concatenate([maennlich, maennlich.sum(axis=2, keepdims=True)], axis=2)
    werte = np.stack([gruppen, maenner, gruppen - maenner], axis=3)
    texte = _mit_summen(gebiet, zeilen, werte).astype(str)
    kopf = ["GENESIS-Tabelle: 12411-02-03-4"] + _zeilen_auffuellen(
        [
            "Bevölkerungsstand: Bevölkerung nach Geschlecht",
            "und Altersgruppen (17) - Stichtag 31.12. -",
            "regionale Tiefe: Kreise und krfr. Städte",
            "Fortschreibung des Bevölkerungsstandes",
            "Bevölkerungsstand (Anzahl)",
        ],
        7,
    )
    kopf.append(";;;;Insgesamt;männlich;weiblich")
    zeiten = [f"31.12.{j}" for j in JAHRE_BEVOELKERUNG]
    daten = _datenzeilen(zeiten, zeilen, [*ALTERSGRUPPEN, "Insgesamt"], texte)
    return "\n".join([*kopf, *daten, *_fuss(hinweis)]) + "\n"


def _text_kita(
    gebiet: _Gebiet, zeilen: _Zeilen, werte: np.ndarray, geheim: np.ndarray, hinweis: str
) -> str:
    texte = _mit_summen(gebiet, zeilen, werte).astype(str)
    keine_summen = np.zeros((len(JAHRE_KITA), 1 + len(gebiet.land_ags), *geheim.shape[2:]), bool)
    texte[np.concatenate([keine_summen, geheim], axis=1)[:, zeilen.reihenfolge]] = "."
    kopf = ["GENESIS-Tabelle: 22543-01-02-4"] + _zeilen_auffuellen(
        [
            "Statistik der öffentl. geförd. Kindertagespflege,",
            "nach Art der Kindertagesbetreuung - Stichtag -",
            "regional Tiefe: Kreise und krfr. Städte - ab 2011 -",
            "Statistik der öffentl. geförd. Kindertagespflege",
        ],
        10,
    )
    kopf += [
        ";;;;Betreute Kinder;Betreute Kinder;Betreute Kinder;Betreute Kinder;"
        "Kinder, Herkunft mind. 1 Elternteil ausländisch;Kinder mit Mittagsverpflegung",
        ";;;;;Altersgruppe;Altersgruppe;Altersgruppe;;",
        ";;;;;unter 3 Jahre;3 bis unter 6 Jahre;6 bis unter 14 Jahre;;",
        ";;;;Anzahl;Anzahl;Anzahl;Anzahl;Anzahl;Anzahl",
    ]
    zeiten = [f"01.03.{j}" for j in JAHRE_KITA]
    daten = _datenzeilen(zeiten, zeilen, _ARTEN, texte)
    return "\n".join([*kopf, *daten, *_fuss(hinweis)]) + "\n"


def _text_abgaenger(gebiet: _Gebiet, zeilen: _Zeilen, werte: np.ndarray, hinweis: str) -> str:
    summen = _mit_summen(gebiet, zeilen, werte)
    texte = summen.astype(str)
    texte[summen == 0] = "-"  # nichts vorhanden
    laender = len(gebiet.land_ags)
    if laender >= 3:  # ein Land erfasst den schulischen Teil der Fachhochschulreife nicht
        nicht_erfasst = zeilen.land_je_zeile == 1
        texte[:, nicht_erfasst, 8:10] = "."
    kopf = ["GENESIS-Tabelle: 21111-02-06-4"] + _zeilen_auffuellen(
        [
            "Allgemeinbildende Schulen: Absolventen/Abgänger",
            "nach dem Schulabschluss - Schuljahr -",
            "regionale Tiefe: Kreise und krfr. Städte",
            "Statistik der allgemein bildenden Schulen",
            "Absolventen/Abgänger (Anzahl)",
        ],
        17,
    )
    kopf += [
        ";;;" + ";".join(["Schulabschluss"] * 14),
        ";;;" + ";".join(a for a in _ABSCHLUESSE for _ in range(2)),
        ";;;" + ";".join(["Insgesamt", "weiblich"] * 7),
    ]
    zeiten = [str(j) for j in JAHRE_ABGAENGER]
    daten = _datenzeilen(zeiten, zeilen, None, texte)
    if laender >= 2:
        hinweis += (
            '\n \nzu "Absolventen/Abgänger mit Fachhochschulreife":\n'
            f"{gebiet.land_namen[-1]}: Eine Fachhochschulreife kann nur an beruf-\n"
            "lichen Schulen erworben werden."
        )
    if laender >= 3:
        hinweis += (
            '\n \nzu "dar. schulischer Teil der Fachhochschulreife":\n'
            f"{gebiet.land_namen[1]}: wird statistisch nicht erfasst"
        )
    return "\n".join([*kopf, *daten, *_fuss(hinweis)]) + "\n"
