"""„Musterland“: ein erfundenes Land mit dem Landesschlüssel 17.

Alle Zahlen sind synthetisch: ein Bevölkerungsmodell (Geburten, Sterbefälle,
Wanderungen) und daraus abgeleitete Bildungsdaten, mit festem Startwert.
:func:`erzeuge_musterland` schreibt bei jedem Aufruf Byte für Byte dieselben
Dateien. Echte Landesschlüssel reichen von 01 bis 16; 17 kann mit keinem
echten Ort verwechselt werden, und die Karten liegen im Nordatlantik.

Aufbau:

- :mod:`.welt` – Kreise, Annahmen, Bevölkerungsmodell, Zufall
- :mod:`.tabellen` – Tabellen der Kreisebene
- :mod:`.kleinraeumig` – Gemeinden, Sozialräume, Schülerdaten
- :mod:`.geometrie` – erfundene Flächen (GeoJSON)
- :mod:`.katalog` – Beschreibung jeder Tabelle (→ datapackage.json, Datenlexikon)
- :mod:`.rohdaten` – die Variante mit eingebauten Fehlern

Eine neue Tabelle: Funktion in ``tabellen`` oder ``kleinraeumig``, Eintrag im
``katalog`` – fertig.
"""

from __future__ import annotations

import json
from pathlib import Path

from bimo.daten.musterland import geometrie, kleinraeumig, rohdaten
from bimo.daten.musterland.katalog import GEOMETRIEN, TABELLEN, Erzeugung, deskriptor
from bimo.daten.musterland.welt import (
    ALTERSGRUPPEN_KITA,
    BETREUUNGSARTEN,
    KREISE,
    LAND_AGS,
    LAND_NAME,
    rng,
)
from bimo.kern.dateien import schreibe_atomar

__all__ = [
    "ALTERSGRUPPEN_KITA",
    "BETREUUNGSARTEN",
    "KREISE",
    "LAND_AGS",
    "LAND_NAME",
    "TABELLEN",
    "erzeuge_musterland",
    "rng",
]

_BESCHREIBUNG = (
    "Erfundenes Land mit dem Landesschlüssel 17 (echte Länder: 01–16). Alle Werte sind "
    "synthetisch und mit festem Startwert erzeugt (bimo.daten.erzeuge_musterland); sie ähneln "
    "echten Größenordnungen, beschreiben aber keinen realen Ort. Die Karten liegen mit Absicht "
    "im Nordatlantik."
)


def _csv(tabelle, schluessel) -> str:  # noqa: ANN001
    return tabelle.sort_values(list(schluessel), kind="stable").to_csv(
        index=False, lineterminator="\n"
    )


def _geometrien(e: Erzeugung) -> dict[str, str]:
    kreise = geometrie.kreise()
    flaechen_kreise = [
        geometrie.Flaeche(
            k.ags, k.name, kreise[k.ags], {"ags": k.ags, "name": k.name, "art": k.art}
        )
        for k in KREISE
    ]
    gemeinden: list[geometrie.Flaeche] = []
    je_kreis: dict[str, list] = {}
    for g in kleinraeumig.gemeinden():
        je_kreis.setdefault(g.ags[:5], []).append(g)
    for ags, liste in je_kreis.items():
        for g, form in zip(liste, geometrie.gemeinden(ags, len(liste)), strict=True):
            gemeinden.append(geometrie.Flaeche(g.ags, g.name, form, {"ags": g.ags, "name": g.name}))
    raeume = kleinraeumig.sozialraeume()
    formen = geometrie.sozialraeume(len(raeume))
    sozial = [
        geometrie.Flaeche(s.schluessel, s.name, f, {"sozialraum": s.schluessel, "name": s.name})
        for s, f in zip(raeume, formen, strict=True)
    ]
    return {
        "musterland_kreise": geometrie.feature_collection(flaechen_kreise),
        "musterland_gemeinden": geometrie.feature_collection(gemeinden),
        "musterstadt_sozialraeume": geometrie.feature_collection(sozial),
    }


def erzeuge_musterland(ziel: Path | str) -> list[Path]:
    """Schreibt alle Tabellen, Geometrien und ``datapackage.json`` nach ``ziel``, die
    Rohdaten-Variante nach ``<ziel>_rohdaten`` und die Exporte im Format der
    Regionaldatenbank nach ``<ziel>_regionaldatenbank``.

    Jede Datei wird atomar geschrieben: ein Abbruch hinterlässt keine halbe Datei.
    """
    from bimo.daten.musterland import exporte
    from bimo.daten.regionalstatistik import schreibe_regionalstatistik

    ziel = Path(ziel)
    rohdaten_ziel = ziel.with_name(ziel.name + "_rohdaten")
    export_ziel = ziel.with_name(ziel.name + "_regionaldatenbank")
    e = Erzeugung()
    geschrieben = []
    for tabelle in TABELLEN.values():
        text = _csv(tabelle.erzeuge(e), tabelle.primaerschluessel)
        geschrieben.append(schreibe_atomar(ziel / tabelle.datei, text))
    paket = deskriptor(
        TABELLEN,
        name="musterland",
        titel="Musterland – synthetische Beispieldaten für das kommunale Bildungsmonitoring",
        beschreibung=_BESCHREIBUNG,
    )
    for name, text in _geometrien(e).items():
        geschrieben.append(schreibe_atomar(ziel / f"{name}.geojson", text))
        paket["resources"].append(
            {
                "name": name,
                "path": f"{name}.geojson",
                "title": GEOMETRIEN[name],
                "format": "geojson",
                "mediatype": "application/geo+json",
                "encoding": "utf-8",
            }
        )
    geschrieben.append(schreibe_atomar(ziel / "datapackage.json", _json(paket)))

    alle_probleme = []
    roh_tabellen = {}
    for name, funktion in rohdaten.ROHDATEN.items():
        tabelle, probleme = funktion(e)
        alle_probleme += probleme
        roh_tabellen[name] = TABELLEN[name]
        text = tabelle.to_csv(index=False, lineterminator="\n")
        geschrieben.append(schreibe_atomar(rohdaten_ziel / f"{name}.csv", text))
    roh_paket = deskriptor(
        roh_tabellen,
        name="musterland-rohdaten",
        titel="Musterland – Rohdaten mit eingebauten Fehlern",
        beschreibung="Wie geliefert, nicht bereinigt: zum Üben der "
        "Datenaufbereitung. Die eingebauten Auffälligkeiten "
        "stehen in probleme.json.",
    )
    for ressource in roh_paket["resources"]:
        ressource["schema"].pop("primaryKey")  # Dubletten sind Absicht
    geschrieben.append(schreibe_atomar(rohdaten_ziel / "datapackage.json", _json(roh_paket)))
    geschrieben.append(
        schreibe_atomar(
            rohdaten_ziel / "probleme.json", _json(rohdaten.probleme_als_dict(alle_probleme))
        )
    )
    for datei, funktion in exporte.EXPORTE.items():
        tabelle, angaben = funktion(e)
        geschrieben.append(
            schreibe_regionalstatistik(
                tabelle, export_ziel / datei, stand=exporte.STAND, quelle=exporte.QUELLE, **angaben
            )
        )
    return geschrieben


def _json(daten: object) -> str:
    return json.dumps(daten, ensure_ascii=False, indent=2) + "\n"
