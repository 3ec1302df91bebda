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


@pytest.mark.langsam
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


@pytest.mark.realdaten
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


# --- neue Helfer: rangfolge, anteile, kleine_vielfache, punktwolke ---------------------------

NBSP = "\u00a0"


def _texte(g) -> list[str]:
    """Alle Texte der Abbildung: Figur, Achsen, Tickbeschriftungen, Legenden."""
    g.figur.canvas.draw()
    texte = [t.get_text() for t in g.figur.texts]
    for ax in g.figur.axes:
        texte += [t.get_text() for t in ax.texts]
        texte += [t.get_text() for t in ax.get_xticklabels() + ax.get_yticklabels()]
        if ax.get_legend():
            texte += [t.get_text() for t in ax.get_legend().get_texts()]
    for legende in g.figur.legends:
        texte += [t.get_text() for t in legende.get_texts()]
    return texte


def _deutsche_ticks(labels) -> list[str]:
    texte = [t.get_text() for t in labels if t.get_text()]
    assert texte and all(t.endswith(f"{NBSP}%") for t in texte), texte
    assert not any("." in t for t in texte), texte  # kein Dezimalpunkt
    return texte


def _kreise() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "name": ["A-Stadt", "B-Kreis", "C-Kreis", "D-Kreis", "Land"],
            "wert": [35.25, None, 47.25, 12.5, 30.0],
            "nenner": [16944, 800, 2000, 1234, 20978],
        }
    )


def test_rangfolge_sortiert_mit_n_referenz_und_gesperrt():
    g = grafik.rangfolge(
        _kreise(), referenz="Land", n="nenner", titel="Quote", quelle="Testquelle",
        hervorheben="A-Stadt",
    )  # fmt: skip
    ax = g.figur.axes[0]
    # absteigend sortiert, gesperrt zuletzt, Referenz nicht als Balken
    namen = [t.get_text() for t in ax.get_yticklabels()]
    assert namen == ["C-Kreis", "A-Stadt", "D-Kreis", "B-Kreis"]
    breiten = [p.get_width() for p in ax.patches if abs(p.get_height() - 0.72) < 1e-9]
    assert breiten == [47.25, 35.25, 12.5]
    assert [t for t in ax.get_yticklabels() if t.get_fontweight() == "bold"][0].get_text() == (
        "A-Stadt"
    )
    texte = _texte(g)
    assert f"35,3{NBSP}% (n{NBSP}={NBSP}16.944)" in texte  # Quote mit Fallzahl
    assert "." in texte and "gesperrt (.)" in texte  # leerer Balken mit „.“ und Legende
    assert f"Land: 30,0{NBSP}%" in texte
    assert any(t.startswith("Quelle: Testquelle") for t in texte)
    _deutsche_ticks(ax.get_xticklabels())
    assert g.alt.startswith("Balkendiagramm „Quote“, absteigend sortiert, 4 Gebiete: ")
    assert f"höchster Wert 47,3{NBSP}% (n{NBSP}={NBSP}2.000) in C-Kreis" in g.alt
    assert f"niedrigster 12,5{NBSP}% (n{NBSP}={NBSP}1.234) in D-Kreis" in g.alt
    assert "Referenzlinie Land 30,0\u00a0%, 2 Gebiete darüber, 1 darunter" in g.alt
    assert "A-Stadt mit 35,3\u00a0% (n\u00a0=\u00a016.944) auf Rang 2 von 3" in g.alt
    assert g.alt.endswith("1 Wert ist gesperrt (.), als leerer Balken gezeigt: B-Kreis.")


def test_rangfolge_unbekannte_referenz_oder_hervorhebung():
    from bimo.fehler import ParameterFehler

    with pytest.raises(ParameterFehler, match="Referenz „Bund“"):
        grafik.rangfolge(_kreise(), referenz="Bund", titel="T", quelle="Q")
    with pytest.raises(ParameterFehler, match="Hervorzuheben"):
        grafik.rangfolge(_kreise(), hervorheben=["X"], titel="T", quelle="Q")


def test_rangfolge_mit_musterland_betreuungsquote():
    from bimo import indikatoren

    quote = daten.mit_namen(indikatoren.indikator("betreuungsquote_u3").berechne())
    quote = quote[quote["jahr"] == quote["jahr"].max()]
    g = grafik.rangfolge(quote, referenz="Musterland", n="nenner", titel="U3", quelle="Musterland")
    ax = g.figur.axes[0]
    assert len(ax.get_yticklabels()) == 12
    breiten = [p.get_width() for p in ax.patches if abs(p.get_height() - 0.72) < 1e-9]
    assert breiten == sorted(breiten, reverse=True) and len(breiten) == 12
    assert "12 Gebiete" in g.alt and "Referenzlinie Musterland" in g.alt
    assert "gesperrt" not in g.alt
    _deutsche_ticks(ax.get_xticklabels())
    assert g.png().startswith(b"\x89PNG")


def _uebergaenge() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "kreis": ["A"] * 3 + ["B"] * 3 + ["C"] * 2,
            "schulart": ["Gymnasium", "Realschule", "Hauptschule"] * 2
            + ["Gymnasium", "Realschule"],
            "anzahl": [50, 30, 20, 1, 2, None, 600, 400],
        }
    )


def _breiten_je_balken(ax) -> dict[float, float]:
    summe: dict[float, float] = {}
    for p in ax.patches:
        if p.get_facecolor()[3] > 0 and p.get_width() < 101:  # Segmente, keine Schraffur
            y = round(p.get_y() + p.get_height() / 2, 6)
            summe[y] = summe.get(y, 0) + p.get_width()
    return summe


def test_anteile_summieren_zu_100_und_markieren_gesperrte():
    g = grafik.anteile(
        _uebergaenge(), gruppe="kreis", kategorie="schulart", wert="anzahl", titel="Übergänge",
        quelle="Schulstatistik", reihenfolge=["Gymnasium", "Realschule", "Hauptschule"],
    )  # fmt: skip
    ax = g.figur.axes[0]
    summen = _breiten_je_balken(ax)
    assert set(summen) == {0.0, 2.0}  # A und C; B ist gesperrt
    assert all(s == pytest.approx(100) for s in summen.values())
    namen = [t.get_text() for t in ax.get_yticklabels()]
    assert namen == ["A (n\u00a0=\u00a0100)", "B", "C (n\u00a0=\u00a01.000)"]
    legende = [t.get_text() for t in ax.get_legend().get_texts()]
    assert legende == ["Gymnasium", "Realschule", "Hauptschule", "gesperrt (.)"]
    texte = _texte(g)
    assert f"50,0{NBSP}%" in texte and f"60,0{NBSP}%" in texte and "." in texte
    assert any(t.startswith("Quelle: Schulstatistik") for t in texte)
    _deutsche_ticks(ax.get_xticklabels())
    assert "ergänzen sich die Anteile zu 100\u00a0%" in g.alt
    assert "Gymnasium von 50,0\u00a0% (A) bis 60,0\u00a0% (C)" in g.alt
    assert "Hauptschule von 0,0\u00a0% (C) bis 20,0\u00a0% (A)" in g.alt  # fehlende Zeile = 0
    assert g.alt.endswith("1 Wert ist gesperrt (.), ohne Anteile als leerer Balken gezeigt: B.")


def test_anteile_der_musterland_uebergaenge():
    u = daten.mit_namen(daten.lade("uebergaenge"))
    u = u[u["jahr"] == u["jahr"].max()]
    g = grafik.anteile(
        u, gruppe="name", kategorie="schulart", wert="wert", titel="Übergänge", quelle="Q"
    )
    ax = g.figur.axes[0]
    summen = _breiten_je_balken(ax)
    assert len(summen) == 12 and all(s == pytest.approx(100) for s in summen.values())
    assert "für 12 Gruppen" in g.alt and "gesperrt" not in g.alt
    n_musterstadt = int(u.loc[u["name"] == "Musterstadt", "wert"].sum())
    from bimo.kern.format import zahl

    assert f"Musterstadt (n\u00a0=\u00a0{zahl(n_musterstadt)})" in _texte(g)
    # Beschriftungen in Segmenten ab 5 % – nur Prozentzahlen mit Komma oder ganze Prozent
    assert all(t.get_text().endswith("%") for t in ax.texts)


def test_kleine_vielfache_teilgrafiken_referenz_und_gesperrt():
    tabelle = pd.DataFrame(
        {
            "jahr": [2020, 2021, 2022] * 4,
            "name": ["A"] * 3 + ["B"] * 3 + ["C"] * 3 + ["Land"] * 3,
            "wert": [30.25, None, 35.5, 20.0, 22.0, 24.0, 10.0, 11.0, 12.0, 28.0, 29.0, 30.0],
            "nenner": [1000, 1100, 16944] * 4,
        }
    )
    g = grafik.kleine_vielfache(
        tabelle, referenz="Land", n="nenner", titel="Quote", quelle="Testquelle", spalten=2
    )
    assert len(g.figur.axes) == 3  # A, B, C; das vierte Feld ist entfernt
    for ax in g.figur.axes:
        linien = ax.get_lines()
        assert len(linien) == 2 and linien[0].get_linestyle() == "--"  # Land in jeder
    assert g.figur.axes[0].get_shared_y_axes().joined(g.figur.axes[0], g.figur.axes[2])
    texte = _texte(g)
    assert f"2022: 35,5{NBSP}% (n{NBSP}={NBSP}16.944)" in texte
    assert "." in [t.get_text() for t in g.figur.axes[0].texts]
    assert "gesperrt (.)" in texte and "Land" in texte
    assert any(t.startswith("Quelle: Testquelle") for t in texte)
    _deutsche_ticks(g.figur.axes[0].get_yticklabels())
    assert g.alt.startswith("Kleine Vielfache „Quote“: 3 Teilgrafiken mit gemeinsamer y-Achse")
    assert "A von 30,3\u00a0% (2020) auf 35,5\u00a0% (2022)" in g.alt
    assert "höchster Wert 35,5\u00a0% in A 2022, niedrigster 10,0\u00a0% in C 2020" in g.alt
    assert g.alt.endswith("1 Wert ist gesperrt (.): A 2021.")


@pytest.mark.langsam
def test_kleine_vielfache_musterland_zwoelf_kreise():
    from bimo import indikatoren

    quote = daten.mit_namen(indikatoren.indikator("betreuungsquote_u3").berechne())
    g = grafik.kleine_vielfache(quote, referenz="Musterland", titel="U3", quelle="Q")
    assert len(g.figur.axes) == 12 and "12 Teilgrafiken" in g.alt


def test_punktwolke_korrelation_und_gesperrte_punkte():
    tabelle = pd.DataFrame(
        {
            "name": ["A", "B", "C", "D", "E"],
            "sozialindex": [1.0, 2.0, 3.0, 4.0, None],
            "quote": [10.0, 20.5, 29.5, 40.0, 50.0],
        }
    )
    g = grafik.punktwolke(
        tabelle, x="sozialindex", y="quote", name="name", titel="Zusammenhang", quelle="Q",
        einheit_x="", einheit_y="%", achse_x="Sozialindex", achse_y="Übergangsquote",
    )  # fmt: skip
    ax = g.figur.axes[0]
    assert len(ax.collections[0].get_offsets()) == 4
    _deutsche_ticks(ax.get_yticklabels())
    assert not any("." in t.get_text() for t in ax.get_xticklabels())
    texte = _texte(g)
    assert "gesperrt (.), nicht dargestellt: E" in texte[0]
    assert {"A", "B", "C", "D"} <= set(texte)
    assert "r = 1,00 (starker positiver Zusammenhang, Pearson)" in g.alt
    assert "höchster Wert von Übergangsquote 40,0\u00a0% (x = 4,0) in D" in g.alt
    assert g.alt.endswith("1 Punkt ist gesperrt (.) und fehlt in der Wolke: E.")


def test_deutsche_achse_mit_halben_schritten():
    formatierer = grafik.DeutscheAchse("%")
    formatierer.set_locs([27.5, 30.0, 32.5])
    assert [formatierer(w) for w in (27.5, 30.0)] == ["27,5\u00a0%", "30,0\u00a0%"]
    formatierer.set_locs([0, 20, 40])
    assert formatierer(20) == "20\u00a0%"
