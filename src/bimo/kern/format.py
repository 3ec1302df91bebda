"""Deutsche Zahlenformate: 1.234,5 und 12,3 % – unabhängig von der Locale."""

from __future__ import annotations

import math
import re
from decimal import ROUND_HALF_UP, Context, Decimal

GEHEIM = "."
"""Zeichen für einen gesperrten Wert (Zahlenwert unbekannt oder geheim zu halten)."""


def zahl(wert: float | int | None, stellen: int = 0) -> str:
    """Formatiert eine Zahl deutsch: Tausenderpunkt, Dezimalkomma, kaufmännisch gerundet.

    >>> zahl(1234.5, 1)
    '1.234,5'
    >>> zahl(-0.04, 1)
    '0,0'
    """
    if wert is None or (isinstance(wert, float) and math.isnan(wert)):
        return GEHEIM
    if math.isinf(float(wert)):
        return "∞" if float(wert) > 0 else "-∞"
    # kaufmännisch runden (0,25 → 0,3), wie die amtliche Statistik – nicht „half to even“
    gerundet = Decimal(repr(float(wert))).quantize(
        Decimal(1).scaleb(-stellen), ROUND_HALF_UP, Context(prec=400)
    )
    text = f"{gerundet:,.{stellen}f}"
    if text.lstrip("-").strip("0.,") == "":  # -0,0 vermeiden
        text = text.lstrip("-")
    return text.replace(",", "\u2009").replace(".", ",").replace("\u2009", ".")


def prozent(wert: float | None, stellen: int = 1) -> str:
    """Formatiert einen Prozentwert deutsch mit geschütztem Leerzeichen: ``'12,3 %'``."""
    if wert is None or (isinstance(wert, float) and math.isnan(wert)):
        return GEHEIM
    return f"{zahl(wert, stellen)}\u00a0%"


def wert(
    wert: float | int | None, einheit: str = "", stellen: int = 1, *, mit_einheit: bool = True
) -> str:
    """Formatiert einen Wert nach seiner Einheit – die eine Stelle, an der bimo das entscheidet.

    ``%`` ergibt ``'12,3 %'``; jede andere Einheit ``'1.234,5 Kinder'`` (mit
    ``mit_einheit=False`` nur ``'1.234,5'``). Fehlt der Wert (gesperrt), steht ``'.'``.

    >>> wert(12.34, "%")
    '12,3\\xa0%'
    >>> wert(1234.5, "je 1.000")
    '1.234,5 je 1.000'
    """
    if wert is None or (isinstance(wert, float) and math.isnan(wert)):
        return GEHEIM
    if einheit == "%":
        return prozent(float(wert), stellen)
    text = zahl(wert, stellen)
    return f"{text} {einheit}".strip() if mit_einheit else text


def abstand(differenz: float, einheit: str = "", stellen: int = 1) -> str:
    """Betrag eines Abstands: bei Quoten in Prozentpunkten, sonst in der Einheit."""
    if einheit == "%":
        return f"{zahl(abs(differenz), stellen)} Prozentpunkte"
    return wert(abs(differenz), einheit, stellen)


_ZAHL = re.compile(r"-?(?:\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d+))?")


def als_zahl(text: str) -> tuple[float | int, str] | None:
    """Die Zahl hinter einem Text von :func:`zahl` oder :func:`prozent` – für Tabellen, mit
    denen Excel rechnen soll – samt Excel-Zahlenformat; sonst ``None`` (Text bleibt Text).

    >>> als_zahl("1.234,5")
    (1234.5, '#,##0.0')
    >>> als_zahl("47,3\\xa0%")
    (0.473, '0.0%')
    >>> als_zahl(".") is None, als_zahl("3 von 12") is None
    (True, True)
    """
    text = str(text).strip()
    prozent_ = text.endswith("%")
    kern = text[:-1].strip() if prozent_ else text
    treffer = _ZAHL.fullmatch(kern)
    if treffer is None:
        return None
    stellen = len(treffer.group(1) or "")
    wert_: float | int = float(kern.replace(".", "").replace(",", "."))
    if not stellen and not prozent_:
        wert_ = int(wert_)
    nachkomma = "." + "0" * stellen if stellen else ""
    if prozent_:
        return round(wert_ / 100, stellen + 2), f"0{nachkomma}%"
    return wert_, f"#,##0{nachkomma}"
