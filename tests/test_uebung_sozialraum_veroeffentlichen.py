"""Übung „Was darf veröffentlicht werden?“: Fallzahlen je Sozialraum mit Stadtsumme."""

from __future__ import annotations

import pytest

from bimo.uebungen import sozialraum_veroeffentlichen as u


@pytest.fixture(scope="module")
def masken():
    return u._masken(2024, 3)


def _primaer(masken):
    werte, primaer, _ = masken
    return [(z, s) for z in werte.index for s in werte.columns if primaer.loc[z, s]]


def test_referenz_ist_richtig():
    r = u.pruefe_sozialraum_veroeffentlichen(u.referenzmuster())
    assert r.richtig
    assert "Sicher und sparsam" in r.text


def test_maske_wird_angenommen(masken):
    _, _, gesperrt = masken
    assert u.pruefe_sozialraum_veroeffentlichen(gesperrt).richtig


def test_nichts_gesperrt():
    assert "nichts gesperrt" in u.pruefe_sozialraum_veroeffentlichen([]).text


def test_primaere_zelle_uebersehen(masken):
    sekundaer = [z for z in u.referenzmuster() if z not in _primaer(masken)]
    r1 = u.pruefe_sozialraum_veroeffentlichen(sekundaer, versuch=1)
    assert not r1.richtig
    assert "offen da" in r1.text
    r2 = u.pruefe_sozialraum_veroeffentlichen(sekundaer, versuch=2)
    assert "primäre Sperrung" in r2.text


def test_sekundaere_sperrung_vergessen(masken):
    r = u.pruefe_sozialraum_veroeffentlichen(_primaer(masken))
    assert not r.richtig
    assert "Stadtsumme zurückrechnen" in r.text


def test_stadtsumme_gesperrt(masken):
    r = u.pruefe_sozialraum_veroeffentlichen([*_primaer(masken), (u.STADT, u.MERKMALE[1])])
    assert "Stadtsumme gesperrt" in r.text


def test_echte_null_gesperrt(masken):
    werte = masken[0]
    null = next((z, s) for z in werte.index for s in werte.columns if werte.loc[z, s] == 0)
    r = u.pruefe_sozialraum_veroeffentlichen([*u.referenzmuster(), null])
    assert "echte Null" in r.text


def test_zu_viel_gesperrt(masken):
    werte, primaer, _ = masken
    ohne = next(s for s in werte.columns if not primaer[s].any())
    r = u.pruefe_sozialraum_veroeffentlichen([*u.referenzmuster(), ("SR01", ohne)])
    assert "keine kleine Zahl" in r.text
    mit = next(s for s in werte.columns if primaer[s].any())
    extra = next(
        z
        for z in werte.index
        if z != u.STADT and (z, mit) not in u.referenzmuster() and werte.loc[z, mit] > 0
    )
    r = u.pruefe_sozialraum_veroeffentlichen([*u.referenzmuster(), (extra, mit)])
    assert "kommt mit" in r.text


def test_rueckmeldung_verraet_keine_kleinen_werte(masken):
    werte = masken[0]
    kleine = {int(werte.loc[z, s]) for z, s in _primaer(masken)}
    faelle = [[], _primaer(masken), [z for z in u.referenzmuster() if z not in _primaer(masken)]]
    for auswahl in faelle:
        for versuch in (1, 2, 3):
            text = u.pruefe_sozialraum_veroeffentlichen(auswahl, versuch=versuch).text
            for wert in kleine:
                for muster in (f"({wert})", f"{wert} <", f"Wert {wert}", f"enthält nur {wert}"):
                    assert muster not in text


def test_unsinn():
    for unsinn in ("SR31", 5, None, {"a": 1}, [("SR99", "x")], [1, 2]):
        assert "nicht lesen" in u.pruefe_sozialraum_veroeffentlichen(unsinn).text


def test_geschuetzte_tabelle_zeigt_punkte():
    t = u.geschuetzt()
    assert (t == ".").to_numpy().sum() == len(u.referenzmuster())


def test_quoten_grund():
    assert u.kleine_sozialraeume()
    assert u.pruefe_quoten_grund(u.RICHTIGER_GRUND).richtig
    assert "erben die Sperrung" in u.pruefe_quoten_grund(u.GRUENDE[1]).text
    assert "Echte Nullen" in u.pruefe_quoten_grund(u.GRUENDE[2]).text
    assert "Nenner" in u.pruefe_quoten_grund(u.GRUENDE[3], versuch=1).text
    assert "Ausreißer dürfen" in u.pruefe_quoten_grund(u.GRUENDE[3], versuch=2).text
    assert "wählen" in u.pruefe_quoten_grund("").text
    q = u.quoten_geschuetzt()
    for sr in u.kleine_sozialraeume():
        assert q.loc[sr, "wert"] == "."


def test_widgets():
    raster = u.aufgabe_sozialraum_veroeffentlichen()
    assert all(k.description == "zeigen" for k in raster.zellen.values())
    for zelle in u.referenzmuster():
        raster.zellen[zelle].value = True
    assert raster.zellen[u.referenzmuster()[0]].description == "."
    assert raster.pruefen().richtig
    auswahl = u.aufgabe_quoten()
    auswahl.auswahl.value = u.RICHTIGER_GRUND
    assert auswahl.pruefen().richtig
