from bimo.kern.format import prozent, zahl


def test_zahl_deutsch():
    assert zahl(1234.5, 1) == "1.234,5"
    assert zahl(1234567) == "1.234.567"
    assert zahl(0.25, 2) == "0,25"
    assert zahl(-1234.5, 1) == "-1.234,5"


def test_keine_negative_null():
    assert zahl(-0.04, 1) == "0,0"


def test_prozent_mit_geschuetztem_leerzeichen():
    assert prozent(12.345) == "12,3\u00a0%"
    assert prozent(100) == "100,0\u00a0%"


def test_fehlender_wert_ist_geheimhaltungspunkt():
    assert zahl(float("nan")) == "."
    assert prozent(None) == "."


def test_kaufmaennisch_gerundet():
    assert zahl(30.25, 1) == "30,3"
    assert zahl(2.5) == "3"
    assert zahl(-2.5) == "-3"
    assert prozent(0.125, 2) == "0,13\u00a0%"


def test_grosse_und_unendliche_zahlen():
    assert zahl(1e30) == "1.000.000.000.000.000.000.000.000.000.000"
    assert zahl(float("inf")) == "∞"
