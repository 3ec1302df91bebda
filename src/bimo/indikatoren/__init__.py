"""Indikatoren: das Modell (:mod:`.modell`), das Register aller Kennzahlen (:mod:`.register`),
die Steckbriefe (:mod:`.steckbrief`) und die Brücke von echten Exporten (:mod:`.adapter`).

Ein neuer Indikator ist ein Eintrag in :func:`bimo.indikatoren.register.alle_indikatoren`;
Berechnung, Steckbrief-Seite, Berichte und Tests lesen ihn von dort.
"""

from bimo.indikatoren.adapter import (
    abgaenger_aus_regionalstatistik,
    bevoelkerung_aus_regionalstatistik,
    kita_aus_regionalstatistik,
)
from bimo.indikatoren.modell import (
    SCHLUESSEL,
    THEMENFELDER,
    Indikator,
    abgaenger_anteil,
    altenquotient,
    anteil_im_alter,
    anteil_nichtdeutsche,
    betreuungsquote,
    einwohner_im_alter,
    foerderschulbesuchsquote,
    jugendquotient,
    kinder_in_betreuung,
    kinder_je_einrichtung,
    mit_land,
    ohne_abschluss_quotensumme,
    quote,
    sektoranteil,
    sgb2_quote_unter_15,
    uebergangsquote,
    vhs_je_1000_einwohner,
)
from bimo.indikatoren.register import REGISTER, alle_indikatoren, indikator, nach_themenfeld
from bimo.indikatoren.steckbrief import steckbrief

__all__ = [
    "REGISTER",
    "SCHLUESSEL",
    "THEMENFELDER",
    "Indikator",
    "abgaenger_anteil",
    "abgaenger_aus_regionalstatistik",
    "alle_indikatoren",
    "altenquotient",
    "anteil_im_alter",
    "anteil_nichtdeutsche",
    "betreuungsquote",
    "bevoelkerung_aus_regionalstatistik",
    "einwohner_im_alter",
    "foerderschulbesuchsquote",
    "indikator",
    "jugendquotient",
    "kinder_in_betreuung",
    "kinder_je_einrichtung",
    "kita_aus_regionalstatistik",
    "mit_land",
    "nach_themenfeld",
    "ohne_abschluss_quotensumme",
    "quote",
    "sektoranteil",
    "sgb2_quote_unter_15",
    "steckbrief",
    "uebergangsquote",
    "vhs_je_1000_einwohner",
]
