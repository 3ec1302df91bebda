"""Diagramme: :func:`zeitreihe`, :func:`rangfolge` (sortierte Balken), :func:`anteile`
(100-%-Balken), :func:`kleine_vielfache` (eine Zeitreihe je Gebiet), :func:`punktwolke`."""

from __future__ import annotations

import math
from collections.abc import Sequence

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from bimo.fehler import ParameterFehler
from bimo.grafik.stil import (
    AUF_WEISS,
    GESPERRT,
    PALETTE,
    PUNKT,
    REFERENZFARBE,
    DeutscheAchse,
    Grafik,
    als_zahlen,
    extremwerte,
    fertig,
    gesperrt_band,
    gesperrt_patch,
    gesperrt_satz,
    hell,
    mit_n,
    schriftfarbe,
    stil,
    verlaufstext,
    wert_text,
)
from bimo.kern.format import GEHEIM, prozent, zahl


def zeitreihe(
    tabelle: pd.DataFrame,
    *,
    x: str = "jahr",
    y: str = "wert",
    gruppe: str = "name",
    referenz: str | None = None,
    titel: str,
    quelle: str,
    einheit: str = "%",
    stellen: int = 1,
    y_ab_null: bool = True,
) -> Grafik:
    """Liniendiagramm einer Zeitreihe je Gruppe; ``referenz`` (z. B. das Land) grau gestrichelt.

    Fehlende (gesperrte) Werte werden nicht verbunden und unter der Grafik genannt.
    """
    stil()
    fig, ax = plt.subplots(figsize=(7.5, 4.2))
    gruppen = list(dict.fromkeys(tabelle[gruppe]))
    farben = iter(PALETTE)
    beschreibung = []
    for name in gruppen:
        teil = tabelle[tabelle[gruppe] == name].sort_values(x)
        ist_referenz = name == referenz
        ax.plot(
            teil[x],
            teil[y].astype(float),
            marker="o",
            markersize=4,
            linewidth=1.6 if ist_referenz else 2.4,
            linestyle="--" if ist_referenz else "-",
            color=REFERENZFARBE if ist_referenz else next(farben),
            label=name,
        )
        if verlauf := verlaufstext(teil, x, y, name, einheit, stellen):
            beschreibung.append(verlauf)
    ax.yaxis.set_major_formatter(DeutscheAchse(einheit))
    ax.xaxis.get_major_locator().set_params(integer=True)
    if y_ab_null:
        hoechstwert = pd.to_numeric(tabelle[y], errors="coerce").max()
        ax.set_ylim(bottom=0, top=hoechstwert * 1.1 if hoechstwert > 0 else None)
    ax.set_title(titel)
    ax.set_xlabel("")
    ax.set_ylabel("")
    ax.legend(frameon=False, loc="lower right")
    gesperrt = tabelle[tabelle[y].isna()]
    hinweise = (
        [f"Gesperrte Werte (Geheimhaltung) sind nicht dargestellt: {len(gesperrt)} Punkt(e)."]
        if not gesperrt.empty
        else []
    )
    fertig(fig, quelle, hinweise)
    alt = f"Liniendiagramm „{titel}“: " + "; ".join(beschreibung) + "."
    if not gesperrt.empty:
        alt += f" {len(gesperrt)} Werte sind gesperrt und fehlen."
    return Grafik(fig, alt)


def _referenzwert(
    daten: pd.DataFrame, name: str, wert: str, referenz: str | float | tuple[str, float] | None
) -> tuple[pd.DataFrame, str | None, float | None]:
    """Trennt die Referenz (Name in ``daten``, Zahl oder ``(Name, Zahl)``) von den Gebieten."""
    if referenz is None:
        return daten, None, None
    if isinstance(referenz, tuple):
        return daten, str(referenz[0]), float(referenz[1])
    if isinstance(referenz, str):
        zeile = daten[daten[name] == referenz]
        if zeile.empty:
            raise ParameterFehler(f"Referenz „{referenz}“ fehlt in der Spalte „{name}“.")
        return daten[daten[name] != referenz], referenz, float(zeile[wert].iloc[0])
    return daten, "Referenz", float(referenz)


def _platz_fuer_beschriftung(fig: Figure, ax: Axes, texte: list) -> None:
    """Erweitert die x-Achse nach rechts, bis alle Beschriftungen (Textobjekte) hineinpassen."""
    fig.canvas.draw()
    zeichner = fig.canvas.get_renderer()
    links, rechts = ax.get_xlim()
    breite_px = ax.get_window_extent(zeichner).width
    for text in texte:
        anteil = text.get_window_extent(zeichner).width / breite_px + 0.02
        if anteil < 0.9:
            rechts = max(rechts, links + (text.get_position()[0] - links) / (1 - anteil))
    ax.set_xlim(links, rechts)


def rangfolge(
    tabelle: pd.DataFrame,
    *,
    wert: str = "wert",
    name: str = "name",
    referenz: str | float | tuple[str, float] | None = None,
    titel: str,
    quelle: str,
    einheit: str = "%",
    stellen: int = 1,
    n: str | None = None,
    hervorheben: str | Sequence[str] | None = None,
) -> Grafik:
    """Waagerechte Balken, absteigend sortiert (z. B. Quote je Kreis).

    ``referenz``: Name einer Zeile (z. B. „Musterland“; sie wird als senkrechte gestrichelte
    Linie statt als Balken gezeichnet), eine Zahl oder ``(Name, Zahl)``.
    ``n``: Spalte mit der Fallzahl, erscheint an jedem Balken („47,3 % (n = 17.925)“).
    ``hervorheben``: Name(n) in kräftiger Farbe und fett. Gesperrte Werte stehen unten als
    leerer, schraffierter Balken mit „.“ und Legendeneintrag „gesperrt (.)“.
    """
    stil()
    daten = tabelle.copy()
    daten[wert] = als_zahlen(daten[wert])
    daten, ref_name, ref_wert = _referenzwert(daten, name, wert, referenz)
    daten = daten.sort_values(wert, ascending=False, na_position="last", kind="stable")
    daten = daten.reset_index(drop=True)
    markiert = {hervorheben} if isinstance(hervorheben, str) else set(hervorheben or ())
    unbekannt = markiert - set(daten[name])
    if unbekannt:
        raise ParameterFehler(f"Hervorzuheben, aber nicht in der Tabelle: {sorted(unbekannt)}.")
    fallzahl = als_zahlen(daten[n]) if n else pd.Series(np.nan, index=daten.index)

    def beschriftung(i: int) -> str:
        return mit_n(wert_text(daten.at[i, wert], einheit, stellen), fallzahl[i])

    fig, ax = plt.subplots(figsize=(7.5, 1.0 + 0.36 * max(len(daten), 3)))
    grund, stark = hell(PALETTE[0]), PALETTE[0]
    gesperrt = daten[daten[wert].isna()]
    groesster = np.nanmax([daten[wert].max(), ref_wert if ref_wert is not None else np.nan, 0])
    abstand = (groesster or 1) * 0.01
    texte = []
    for i, zeile in daten.iterrows():
        hervor = zeile[name] in markiert
        if pd.isna(zeile[wert]):
            gesperrt_band(ax, i)
            continue
        ax.barh(i, zeile[wert], height=0.72, color=stark if hervor else grund, zorder=2)
        texte.append(
            ax.text(
                zeile[wert] + abstand,
                i,
                beschriftung(i),
                va="center",
                fontsize=8.5,
                fontweight="bold" if hervor else "normal",
                zorder=4,
                bbox=AUF_WEISS,
            )
        )
    ax.set_yticks(range(len(daten)), [str(v) for v in daten[name]])
    for tick, nm in zip(ax.get_yticklabels(), daten[name], strict=True):
        if nm in markiert:
            tick.set_fontweight("bold")
    ax.set_ylim(len(daten) - 0.5, -0.5)  # erster (größter) Wert oben
    ax.grid(axis="y", visible=False)
    ax.xaxis.set_major_formatter(DeutscheAchse(einheit))
    ax.set_xlim(0, groesster * 1.02 if groesster > 0 else 1)
    legende = []
    if ref_wert is not None and not math.isnan(ref_wert):
        ax.axvline(ref_wert, color=REFERENZFARBE, linestyle="--", linewidth=1.5, zorder=3)
        legende.append(
            Line2D(
                [],
                [],
                color=REFERENZFARBE,
                linestyle="--",
                label=f"{ref_name}: {wert_text(ref_wert, einheit, stellen)}",
            )
        )
    if not gesperrt.empty:
        legende.append(gesperrt_patch(facecolor="none", edgecolor="#bdbdbd"))
    if legende:
        ax.legend(
            handles=legende,
            frameon=False,
            loc="upper left",
            bbox_to_anchor=(1.0, 1.0),
            fontsize=8.5,
        )
    ax.set_title(titel)
    ax.set_xlabel("" if einheit == "%" else einheit)
    ax.set_ylabel("")
    fig.tight_layout()
    _platz_fuer_beschriftung(fig, ax, texte)
    fertig(fig, quelle)

    vorhanden = daten[wert].dropna()
    alt = f"Balkendiagramm „{titel}“, absteigend sortiert, {len(daten)} Gebiete"
    if not vorhanden.empty:
        alt += ": " + extremwerte(vorhanden, daten[name], beschriftung)
    if ref_name is not None:
        if ref_wert is None or math.isnan(ref_wert):
            alt += f"; Referenz {ref_name} gesperrt (.)"
        else:
            ueber, unter = int((vorhanden > ref_wert).sum()), int((vorhanden < ref_wert).sum())
            alt += (
                f"; Referenzlinie {ref_name} {wert_text(ref_wert, einheit, stellen)}, "
                f"{ueber} Gebiete darüber, {unter} darunter"
            )
    for nm in sorted(markiert, key=list(daten[name]).index):
        i = daten.index[daten[name] == nm][0]
        rang = f"Rang {int(vorhanden.rank(ascending=False, method='min')[i])} von {len(vorhanden)}"
        alt += f"; hervorgehoben: {nm} mit {beschriftung(i)}" + (
            f" auf {rang}" if i in vorhanden else ""
        )
    alt += "."
    alt += gesperrt_satz(
        len(gesperrt),
        "Wert",
        "Werte",
        ", als leerer Balken gezeigt: " + ", ".join(map(str, gesperrt[name])),
    )
    return Grafik(fig, alt)


def _in_segment_einpassen(fig: Figure, ax: Axes, segmente: list) -> None:
    """Segmentbeschriftungen, die nicht passen: erst ohne Nachkommastelle, dann kleiner."""
    fig.canvas.draw()
    zeichner = fig.canvas.get_renderer()
    pixel_je_punkt = ax.get_window_extent(zeichner).width / 100
    for breite, text in segmente:
        platz = breite * pixel_je_punkt - 3
        if text.get_window_extent(zeichner).width > platz:
            text.set_text(prozent(float(breite), 0))
        if text.get_window_extent(zeichner).width > platz:
            text.set_fontsize(6)


def anteile(
    tabelle: pd.DataFrame,
    *,
    gruppe: str,
    kategorie: str,
    wert: str,
    titel: str,
    quelle: str,
    reihenfolge: Sequence[str] | None = None,
    stellen: int = 1,
    schwelle: float = 5.0,
) -> Grafik:
    """Gestapelte 100-%-Balken: je ``gruppe`` (z. B. Kreis) die Anteile der ``kategorie``
    (z. B. Schulart), berechnet aus den Anzahlen in ``wert``.

    Anteile ab ``schwelle`` Prozent stehen im Balken, die Fallzahl (Summe der Gruppe) an der
    Gruppenbeschriftung. Fehlt eine Kombination, zählt sie als 0; ist eine Anzahl gesperrt
    (NaN), sind die Anteile der Gruppe nicht berechenbar: Die Gruppe erscheint als leerer,
    schraffierter Balken mit „.“ und Legendeneintrag „gesperrt (.)“.
    """
    stil()
    daten = tabelle[[gruppe, kategorie, wert]].copy()
    daten[wert] = als_zahlen(daten[wert])
    kategorien = (
        list(reihenfolge) if reihenfolge is not None else list(dict.fromkeys(daten[kategorie]))
    )
    fremd = set(daten[kategorie]) - set(kategorien)
    if fremd:
        raise ParameterFehler(f"Kategorien fehlen in „reihenfolge“: {sorted(map(str, fremd))}.")
    if len(kategorien) > len(PALETTE):
        raise ParameterFehler(f"Höchstens {len(PALETTE)} Kategorien – bitte zusammenfassen.")
    gruppen = list(dict.fromkeys(daten[gruppe]))
    summe = daten.groupby([gruppe, kategorie], sort=False)[wert].agg(
        lambda s: s.sum() if s.notna().all() else np.nan
    )
    breit = summe.unstack(kategorie).reindex(index=gruppen, columns=kategorien)
    vorhanden = daten.groupby([gruppe, kategorie], sort=False).size().unstack(kategorie)
    vorhanden = vorhanden.reindex(index=gruppen, columns=kategorien)
    breit = breit.where(vorhanden.notna(), 0.0)  # keine Zeile = keine Fälle
    anzahl_gesperrt = int(breit.isna().sum().sum())
    gesamt = breit.sum(axis=1, min_count=len(kategorien))  # NaN, sobald etwas gesperrt ist
    anteil = breit.div(gesamt.where(gesamt > 0), axis=0) * 100
    ok = anteil.notna().all(axis=1)

    fig, ax = plt.subplots(figsize=(8.5, 1.1 + 0.42 * max(len(gruppen), 3)))
    links = pd.Series(0.0, index=gruppen)
    pos = pd.Series(range(len(gruppen)), index=gruppen)
    segmente = []  # (Breite in Prozentpunkten, Beschriftung)
    for kat, farbe in zip(kategorien, PALETTE[: len(kategorien)], strict=True):
        breite = anteil.loc[ok, kat]
        ax.barh(
            pos[ok],
            breite,
            left=links[ok],
            height=0.72,
            color=farbe,
            label=str(kat),
            edgecolor="white",
            linewidth=0.8,
            zorder=2,
        )
        for g, b in breite.items():
            if b >= schwelle:
                segmente.append(
                    (
                        b,
                        ax.text(
                            links[g] + b / 2,
                            pos[g],
                            prozent(b, stellen),
                            ha="center",
                            va="center",
                            fontsize=7.5,
                            color=schriftfarbe(farbe),
                            zorder=3,
                        ),
                    )
                )
        links[ok] += breite
    for g in pos[~ok].index:
        gesperrt_band(ax, pos[g], 0.72)
    ax.set_yticks(
        range(len(gruppen)), [mit_n(str(g), gesamt[g]) if ok[g] else str(g) for g in gruppen]
    )
    ax.set_ylim(len(gruppen) - 0.5, -0.5)
    ax.set_xlim(0, 100)
    ax.set_xticks(range(0, 101, 20))
    ax.xaxis.set_major_formatter(DeutscheAchse("%"))
    ax.grid(axis="y", visible=False)
    handles, _ = ax.get_legend_handles_labels()
    if not ok.all():
        handles.append(gesperrt_patch(facecolor="none", edgecolor="#bdbdbd"))
    ax.legend(
        handles=handles,
        frameon=False,
        loc="upper left",
        bbox_to_anchor=(1.0, 1.0),
        fontsize=8.5,
        title=str(kategorie).capitalize(),
        title_fontsize=9,
    )
    ax.set_title(titel)
    ax.set_xlabel("")
    ax.set_ylabel("")
    hinweise = [f"Anteile unter {prozent(schwelle, 0)} ohne Beschriftung."]
    fig.tight_layout()
    _in_segment_einpassen(fig, ax, segmente)
    fertig(fig, quelle, hinweise)

    alt = (
        f"Gestapelte 100-%-Balken „{titel}“: Anteile von {', '.join(map(str, kategorien))} "
        f"für {len(gruppen)} Gruppen; je Balken ergänzen sich die Anteile zu "
        f"{prozent(100, 0)}."
    )
    teile = []
    for kat in kategorien:
        spalte = anteil.loc[ok, kat]
        if not spalte.empty:
            hoch, tief = spalte.idxmax(), spalte.idxmin()
            teile.append(
                f"{kat} von {prozent(spalte[tief], stellen)} ({tief}) bis "
                f"{prozent(spalte[hoch], stellen)} ({hoch})"
            )
    if teile:
        alt += " " + "; ".join(teile) + "."
    alt += gesperrt_satz(
        anzahl_gesperrt,
        "Wert",
        "Werte",
        ", ohne Anteile als leerer Balken gezeigt: " + ", ".join(map(str, pos[~ok].index)),
    )
    return Grafik(fig, alt)


def kleine_vielfache(
    tabelle: pd.DataFrame,
    *,
    x: str = "jahr",
    y: str = "wert",
    facette: str = "name",
    referenz: str | None = None,
    titel: str,
    quelle: str,
    einheit: str = "%",
    stellen: int = 1,
    spalten: int = 4,
    n: str | None = None,
    y_ab_null: bool = True,
) -> Grafik:
    """Kleine Vielfache: je ``facette`` (z. B. Kreis) eine eigene kleine Zeitreihe, alle mit
    derselben y-Achse; ``referenz`` (z. B. das Land) grau gestrichelt in jeder Teilgrafik.

    Der letzte Wert steht in jeder Teilgrafik (mit Fallzahl aus Spalte ``n``); gesperrte
    Jahre sind grau schraffiert und mit „.“ markiert.
    """
    stil()
    daten = tabelle.copy()
    daten[y] = als_zahlen(daten[y])
    namen = [f for f in dict.fromkeys(daten[facette]) if f != referenz]
    if not namen:
        raise ParameterFehler("Keine Teilgrafiken: Die Tabelle enthält nur die Referenz.")
    spalten = max(1, min(spalten, len(namen)))
    zeilen = math.ceil(len(namen) / spalten)
    fig, achsen = plt.subplots(
        zeilen,
        spalten,
        sharex=True,
        sharey=True,
        squeeze=False,
        figsize=(2.3 * spalten + 0.5, 1.9 * zeilen + 1.3),
    )
    ref = (
        daten[daten[facette] == referenz].sort_values(x) if referenz is not None else daten.iloc[:0]
    )
    gesperrt = daten[daten[y].isna() & (daten[facette] != referenz)]
    beschreibung = []
    for ax, nm in zip(achsen.flat[: len(namen)], namen, strict=True):
        teil = daten[daten[facette] == nm].sort_values(x)
        if not ref.empty:
            ax.plot(ref[x], ref[y], color=REFERENZFARBE, linestyle="--", linewidth=1.2)
        ax.plot(teil[x], teil[y], color=PALETTE[0], linewidth=2, marker="o", markersize=2.5)
        for xv in teil.loc[teil[y].isna(), x]:
            ax.axvspan(
                xv - 0.5,
                xv + 0.5,
                facecolor="none",
                edgecolor="#bdbdbd",
                hatch="///",
                linewidth=0,
            )
            ax.text(
                xv,
                0.04,
                GEHEIM,
                transform=ax.get_xaxis_transform(),
                ha="center",
                **PUNKT,
            )
        ax.set_title(str(nm), fontsize=9, fontweight="normal")
        vorhanden = teil.dropna(subset=[y])
        if not vorhanden.empty:
            letzt = vorhanden.iloc[-1]
            text = wert_text(letzt[y], einheit, stellen)
            ax.text(
                0.03,
                0.96,
                mit_n(f"{letzt[x]}: {text}", letzt[n] if n else None),
                transform=ax.transAxes,
                va="top",
                fontsize=7.5,
                color="#333333",
            )
        if verlauf := verlaufstext(teil, x, y, nm, einheit, stellen):
            beschreibung.append(verlauf)
        ax.set_xlabel("")
        ax.set_ylabel("")
        ax.xaxis.get_major_locator().set_params(integer=True, nbins=4)
    for i, ax in enumerate(achsen.flat):
        if i >= len(namen):
            fig.delaxes(ax)
        elif i + spalten >= len(namen):  # unterste belegte Teilgrafik der Spalte
            ax.xaxis.set_tick_params(labelbottom=True)
    achsen[0, 0].yaxis.set_major_formatter(DeutscheAchse(einheit))
    alle = pd.concat([daten.loc[daten[facette].isin(namen), y], ref[y]]).dropna()
    if y_ab_null and not alle.empty and alle.max() > 0:
        achsen[0, 0].set_ylim(0, alle.max() * 1.3)  # Luft für den letzten Wert oben links
    hoehe = fig.get_figheight()
    # Titel als Text (nicht suptitle), damit tight_layout nur ``rect`` beachtet
    fig.text(0.01, 1 - 0.08 / hoehe, titel, ha="left", va="top", fontweight="bold", fontsize=13)
    legende = [Line2D([], [], color=PALETTE[0], linewidth=2, label="Wert der Teilgrafik")]
    if not ref.empty:
        legende.append(Line2D([], [], color=REFERENZFARBE, linestyle="--", label=str(referenz)))
    if not gesperrt.empty:
        legende.append(gesperrt_patch(facecolor="none", edgecolor="#bdbdbd"))
    fig.legend(
        handles=legende,
        loc="upper left",
        bbox_to_anchor=(0.01, 1 - 0.42 / hoehe),
        ncol=len(legende),
        frameon=False,
        fontsize=8.5,
    )
    fertig(fig, quelle, rect=(0, 0, 1, 1 - 0.68 / hoehe))

    alt = (
        f"Kleine Vielfache „{titel}“: {len(namen)} Teilgrafiken mit gemeinsamer y-Achse"
        + (f", {referenz} grau gestrichelt als Referenz in jeder" if not ref.empty else "")
        + ": "
        + "; ".join(beschreibung)
        + "."
    )
    werte = daten.loc[daten[facette].isin(namen)].dropna(subset=[y]).reset_index(drop=True)
    if not werte.empty:
        orte = werte[facette].astype(str) + " " + werte[x].astype(str)
        alt += (
            " Insgesamt "
            + extremwerte(werte[y], orte, lambda i: wert_text(werte.at[i, y], einheit, stellen))
            + "."
        )
    alt += gesperrt_satz(
        len(gesperrt),
        "Wert",
        "Werte",
        ": " + ", ".join(f"{a} {b}" for a, b in zip(gesperrt[facette], gesperrt[x], strict=True)),
    )
    return Grafik(fig, alt)


def _namen_an_punkte(fig: Figure, ax: Axes, xs: pd.Series, ys: pd.Series, namen: pd.Series) -> None:
    """Beschriftet Punkte; überlappt ein Name einen schon gesetzten, wird er gegenüber gesetzt."""
    fig.tight_layout()
    fig.canvas.draw()
    zeichner = fig.canvas.get_renderer()
    lagen = [((5, 3), "left", "bottom"), ((-5, 3), "right", "bottom"),
             ((5, -3), "left", "top"), ((-5, -3), "right", "top")]  # fmt: skip
    gesetzt = []
    for i in xs.index:
        marke = ax.annotate(
            namen[i],
            (xs[i], ys[i]),
            xytext=(5, 3),
            textcoords="offset points",
            fontsize=7.5,
            color="#333333",
        )
        for versatz, waagerecht, senkrecht in lagen:
            marke.set_position(versatz)
            marke.set_horizontalalignment(waagerecht)
            marke.set_verticalalignment(senkrecht)
            kasten = marke.get_window_extent(zeichner)
            if not any(kasten.overlaps(k) for k in gesetzt):
                break
        gesetzt.append(marke.get_window_extent(zeichner))


def _staerke(r: float) -> str:
    """Stärke eines Korrelationskoeffizienten in Worten (nach Cohen)."""
    betrag = abs(r)
    if betrag < 0.1:
        return "kein nennenswerter linearer Zusammenhang"
    stufe = "schwacher" if betrag < 0.3 else "mittlerer" if betrag < 0.5 else "starker"
    return f"{stufe} {'positiver' if r > 0 else 'negativer'} Zusammenhang"


def punktwolke(
    tabelle: pd.DataFrame,
    *,
    x: str,
    y: str,
    name: str | None = None,
    titel: str,
    quelle: str,
    einheit_x: str,
    einheit_y: str,
    achse_x: str | None = None,
    achse_y: str | None = None,
    stellen: int = 1,
    trend: bool = True,
) -> Grafik:
    """Punktwolke zweier Merkmale (z. B. Sozialindex und Übergangsquote) mit
    Korrelationskoeffizient (Pearson) im Alternativtext und optionaler Trendgerade.

    Gebiete mit gesperrtem x- oder y-Wert fehlen in der Wolke, werden aber unter der
    Grafik als „gesperrt (.)“ genannt.
    """
    stil()
    daten = tabelle.copy()
    daten[x], daten[y] = als_zahlen(daten[x]), als_zahlen(daten[y])
    daten = daten.reset_index(drop=True)
    namen = (
        daten[name].astype(str)
        if name
        else pd.Series([f"Punkt {i + 1}" for i in daten.index], index=daten.index)
    )
    voll = daten[[x, y]].notna().all(axis=1)
    punkte = daten[voll]
    achse_x, achse_y = achse_x or x, achse_y or y
    fig, ax = plt.subplots(figsize=(7.0, 5.0))
    ax.scatter(punkte[x], punkte[y], s=36, color=PALETTE[0], edgecolor="white", zorder=3)
    if name and len(punkte) <= 40:
        _namen_an_punkte(fig, ax, punkte[x], punkte[y], namen[punkte.index])
    r = np.nan
    if len(punkte) >= 3 and punkte[x].nunique() > 1 and punkte[y].nunique() > 1:
        r = float(np.corrcoef(punkte[x], punkte[y])[0, 1])
        if trend:
            steigung, achsenabschnitt = np.polyfit(punkte[x], punkte[y], 1)
            xs = np.array([punkte[x].min(), punkte[x].max()])
            ax.plot(
                xs,
                steigung * xs + achsenabschnitt,
                color=REFERENZFARBE,
                linestyle="--",
                linewidth=1.2,
                zorder=2,
                label=f"lineare Tendenz (r = {zahl(r, 2)})",
            )
            ax.legend(frameon=False, loc="best", fontsize=8.5)
    for achse, einheit in ((ax.xaxis, einheit_x), (ax.yaxis, einheit_y)):
        achse.set_major_formatter(DeutscheAchse(einheit))
    ax.set_xlabel(achse_x + (f" ({einheit_x})" if einheit_x and einheit_x != "%" else ""))
    ax.set_ylabel(achse_y + (f" ({einheit_y})" if einheit_y and einheit_y != "%" else ""))
    ax.set_title(titel)
    fehlend = namen[~voll]
    hinweise = (
        [f"{GESPERRT}, nicht dargestellt: " + ", ".join(fehlend)] if not fehlend.empty else []
    )
    fertig(fig, quelle, hinweise)

    alt = f"Punktwolke „{titel}“: {achse_x} (x) gegen {achse_y} (y), {len(punkte)} Punkte"
    if not math.isnan(r):
        alt += f"; Korrelation r = {zahl(r, 2)} ({_staerke(r)}, Pearson)"
    if not punkte.empty:
        alt += "; " + extremwerte(
            punkte[y],
            namen,
            lambda i: (
                f"{wert_text(punkte.at[i, y], einheit_y, stellen)} "
                f"(x = {wert_text(punkte.at[i, x], einheit_x, stellen)})"
            ),
        ).replace("höchster Wert", f"höchster Wert von {achse_y}")
    alt += "."
    alt += gesperrt_satz(
        len(fehlend),
        "Punkt",
        "Punkte",
        " und fehlt in der Wolke: " + ", ".join(fehlend)
        if len(fehlend) == 1
        else " und fehlen in der Wolke: " + ", ".join(fehlend),
    )
    return Grafik(fig, alt)
