"""Erfundene Geometrien für Musterland: Land, Kreise, Gemeinden, Sozialräume von Musterstadt.

Musterland liegt mit Absicht mitten im Nordatlantik (um 30° W, 45° N): Seine
Karten lassen sich mit keinem echten Ort verwechseln. Die Flächen entstehen
als Voronoi-Zellen um feste Punkte (shapely), beschnitten auf das Land bzw.
den Kreis; Koordinaten werden auf 5 Nachkommastellen gerundet, damit jede
Erzeugung dieselben Dateien ergibt.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

import numpy as np
import shapely
from shapely.geometry import MultiPoint, Point, Polygon, mapping

from bimo.daten.musterland.welt import KREISE, rng

MITTE = (-30.0, 45.0)
STELLEN = 5

# Lage der Kreise im Land (relativ, x nach Osten, y nach Norden, Einheit ≈ 0,1°)
_KREISLAGE = {
    "17101": (0.2, 1.2),
    "17102": (-2.4, 2.6),
    "17151": (-1.8, 0.9),
    "17152": (1.9, 2.1),
    "17153": (-0.2, 2.9),
    "17159": (2.4, 0.0),
    "17201": (-0.6, -1.9),
    "17251": (-2.6, -1.0),
    "17252": (0.9, -1.2),
    "17253": (-1.6, -3.0),
    "17254": (1.2, -3.1),
    "17255": (3.0, -2.0),
}
_STADTRADIUS = {"17101": 0.55, "17102": 0.35, "17201": 0.3}


def _land() -> Polygon:
    zufall = rng("geometrie", "land")
    winkel = np.linspace(0, 2 * np.pi, 48, endpoint=False)
    radius = 4.6 * (1 + 0.08 * np.sin(3 * winkel + 0.5) + 0.04 * zufall.normal(size=winkel.size))
    return Polygon(np.c_[radius * np.cos(winkel) * 1.1, radius * np.sin(winkel)])


def _kreis_polygone() -> dict[str, Polygon]:
    land = _land()
    flaechen: dict[str, Polygon] = {}
    rest = land
    for ags, r in _STADTRADIUS.items():  # kreisfreie Städte: kompakte Flächen
        x, y = _KREISLAGE[ags]
        stadt = Point(x, y).buffer(r, quad_segs=6)
        flaechen[ags] = stadt.intersection(land)
        rest = rest.difference(stadt)
    punkte = [Point(_KREISLAGE[k.ags]) for k in KREISE if k.ags not in _STADTRADIUS]
    zellen = shapely.voronoi_polygons(MultiPoint(punkte), extend_to=land.buffer(2))
    for kreis in (k for k in KREISE if k.ags not in _STADTRADIUS):
        zelle = next(z for z in zellen.geoms if z.contains(Point(_KREISLAGE[kreis.ags])))
        flaechen[kreis.ags] = zelle.intersection(rest)
    return flaechen


def _teile(flaeche: Polygon, anzahl: int, zweck: str) -> list[Polygon]:
    """Zerlegt eine Fläche in ``anzahl`` Voronoi-Zellen um Zufallspunkte in ihr."""
    if anzahl == 1:
        return [flaeche]
    zufall = rng("geometrie", zweck)
    minx, miny, maxx, maxy = flaeche.bounds
    punkte: list[Point] = []
    while len(punkte) < anzahl:
        p = Point(zufall.uniform(minx, maxx), zufall.uniform(miny, maxy))
        if flaeche.contains(p) and all(p.distance(q) > 0.05 for q in punkte):
            punkte.append(p)
    zellen = shapely.voronoi_polygons(MultiPoint(punkte), extend_to=flaeche.buffer(1))
    return [next(z for z in zellen.geoms if z.contains(p)).intersection(flaeche) for p in punkte]


@dataclass(frozen=True)
class Flaeche:
    schluessel: str
    name: str
    form: Polygon
    eigenschaften: dict

    @property
    def schwerpunkt(self) -> tuple[float, float]:
        c = self.form.centroid
        return float(c.x), float(c.y)


def kreise() -> dict[str, Polygon]:
    """Kreisflächen (relative Koordinaten)."""
    return _kreis_polygone()


def gemeinden(kreis_ags: str, anzahl: int) -> list[Polygon]:
    return _teile(_kreis_polygone()[kreis_ags], anzahl, f"gemeinden/{kreis_ags}")


def sozialraeume(anzahl: int) -> list[Polygon]:
    return _teile(_kreis_polygone()["17101"], anzahl, "sozialraeume")


def _lonlat(form: Polygon) -> dict:
    """Relative Koordinaten → Länge/Breite im Nordatlantik, gerundet."""

    def umrechnen(xy: np.ndarray) -> np.ndarray:
        return np.round(np.c_[MITTE[0] + xy[:, 0] * 0.14, MITTE[1] + xy[:, 1] * 0.1], STELLEN)

    return mapping(shapely.transform(form.normalize(), umrechnen))


def feature_collection(flaechen: list[Flaeche]) -> str:
    """GeoJSON-Text (WGS84, Länge/Breite) mit stabiler Reihenfolge und Rundung."""
    features = []
    for f in flaechen:
        geometrie = json.loads(json.dumps(_lonlat(f.form)))
        features.append(
            {"type": "Feature", "properties": {**f.eigenschaften}, "geometry": geometrie}
        )
    sammlung = {
        "type": "FeatureCollection",
        "name": "Musterland (erfunden, im Nordatlantik verortet)",
        "features": features,
    }
    return json.dumps(sammlung, ensure_ascii=False, separators=(",", ":")) + "\n"
