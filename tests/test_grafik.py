"""Grafiken: deutsche Zahlen, Quellenzeile, Alternativtext, gesperrte Werte sichtbar."""

from __future__ import annotations

import pandas as pd
import pytest

from bimo import daten, grafik
from tests.conftest import REALDATEN


def _quoten():
    return pd.DataFrame(
        {
            "jahr": [2020, 2021, 2022] * 2,
            "name": ["A"] * 3 + ["Land"] * 3,
            "wert": [30.25, None, 35.5, 28.0, 29.0, 30.0],
        }
    )


def test_zeitreihe_alternativtext_und_quelle():
    g = grafik.zeitreihe(_quoten(), titel="Quote", quelle="Testquelle", referenz="Land")
    assert g.alt.startswith(
        "Liniendiagramm „Quote“: A von 30,3\u00a0% (2020) auf 35,5\u00a0% (2022)"
    )
    assert "1 Werte sind gesperrt" in g.alt
    texte = [t.get_text() for t in g.figur.texts]
    assert any(t.startswith("Quelle: Testquelle") and "Gesperrte Werte" in t for t in texte)
    achse = g.figur.axes[0]
    g.figur.canvas.draw()
    assert all(
        "," in t.get_text() or t.get_text() in ("", "0 %") or "%" in t.get_text()
        for t in achse.get_yticklabels()
    )


def test_zeitreihe_als_html_mit_alt():
    g = grafik.zeitreihe(_quoten(), titel="Quote <b>", quelle="Q")
    html = g.html()
    assert html.startswith('<img src="data:image/png;base64,')
    assert 'alt="Liniendiagramm „Quote &lt;b&gt;“' in html
    bundle = g._repr_mimebundle_()
    assert set(bundle) == {"text/html", "image/png", "text/plain"}


def test_klassengrenzen():
    werte = pd.Series([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, None])
    assert grafik.klassengrenzen(werte, 2, "gleich") == [1.0, 5.5, 10.0]
    q = grafik.klassengrenzen(werte, 4, "quantile")
    assert q[0] == 1 and q[-1] == 10 and len(q) == 5


def test_karte_markiert_gesperrte_gebiete():
    geo = daten.lade_geometrie("musterstadt_sozialraeume")
    werte = daten.lade("sozialraum_daten").query("jahr == 2024 and merkmal == 'einwohner'")
    werte = werte.assign(wert=werte["wert"].where(werte["wert"] > 1000))
    g = grafik.karte(
        geo,
        werte[["sozialraum", "wert"]],
        schluessel="sozialraum",
        titel="Einwohner",
        quelle="Musterland",
        einheit="Personen",
        stellen=0,
    )
    assert "mit 32 Gebieten" in g.alt and "2 Gebiete sind gesperrt" in g.alt
    legende = [t.get_text() for t in g.figur.axes[0].get_legend().get_texts()]
    assert legende[-1] == "gesperrt (.)"
    assert any("." in t and "Personen" in t for t in legende[:-1])  # 12.345 Personen


def test_karte_der_musterland_kreise():
    geo = daten.lade_geometrie("musterland_kreise")
    assert len(geo) == 12
    werte = pd.DataFrame({"ags": geo["ags"], "wert": range(12)})
    g = grafik.karte(geo, werte, titel="Test", quelle="Q", klassen=3)
    assert "in 3 Klassen" in g.alt and "niedrigster 0,0\u00a0% in Musterstadt" in g.alt


@pytest.mark.skipif(
    not (REALDATEN / "geo_vg5000_2021").exists(),
    reason="echte Kreisgrenzen (../shared/realdata/geo_vg5000_2021) nicht vorhanden",
)
def test_echte_kreisgrenzen_mit_derselben_karte():
    import geopandas

    geo = geopandas.read_file(REALDATEN / "geo_vg5000_2021" / "Ebene_Kreise.geojson")
    geo = geo.rename(columns={"ARS": "ags", "GEN": "name"})
    assert len(geo) == 401 and geo["ags"].str.len().eq(5).all()
    werte = pd.DataFrame({"ags": geo["ags"], "wert": geo["ags"].str[:2].astype(int) * 1.0})
    g = grafik.karte(geo, werte, titel="Land", quelle="© GeoBasis-DE / BKG 2021", einheit="")
    assert "mit 401 Gebieten" in g.alt
