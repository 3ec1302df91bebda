from hypothesis import given
from hypothesis import strategies as st

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


@given(st.floats(min_value=-1e9, max_value=1e9, allow_nan=False), st.integers(0, 3))
def test_eigenschaft_als_zahl_liest_zurueck_was_zahl_schreibt(wert, stellen):
    from bimo.kern.format import als_zahl, zahl

    text = zahl(wert, stellen)
    gelesen, format_ = als_zahl(text)
    assert zahl(gelesen, stellen) == text
    assert format_ == "#,##0" + ("." + "0" * stellen if stellen else "")


def test_als_zahl_prozent_und_text():
    from bimo.kern.format import als_zahl, prozent

    assert als_zahl(prozent(47.25)) == (0.473, "0.0%")
    for text in (".", "11 von 12", "Musterstadt", "", "1,2,3", "17101 (Musterstadt)"):
        assert als_zahl(text) is None, text
