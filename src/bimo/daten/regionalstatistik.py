"""Exporte der Regionaldatenbank Deutschland und von GENESIS lesen und schreiben.

Die Statistischen Ämter liefern Tabellen in zwei CSV-Formen aus. Beide liest
:func:`lese_regionalstatistik` in dieselbe Langform (eine Zeile je Gebiet × Zeit
× Gliederung); :func:`schreibe_regionalstatistik` schreibt eine Langform als
klassischen Export zurück.

**Klassischer CSV-Export** (Semikolon, meist latin-1, Dezimalkomma)::

    GENESIS-Tabelle: 12411-01-01-4                  ← Tabellencode
    Bevölkerungsstand: Bevölkerung nach Geschlecht;;;;   ← Titelzeilen
    regionale Tiefe: Kreise und krfr. Städte;;;;
    Bevölkerungsstand (Anzahl);;;;                  ← Einheit in Klammern
    ;;31.12.2015;31.12.2015;31.12.2015              ← Kopfzeilen: erste Zellen leer
    ;;Insgesamt;männlich;weiblich
    DG;Deutschland;82175684;40514123;41661561       ← Datenzeilen
    01;  Schleswig-Holstein;2858714;1399458;1459256
    01001;      Flensburg, Kreisfreie Stadt;85942;42767;43175
    __________                                      ← Fußteil
    "zu ""gesamter Tabelle"": …"
    "© Statistische Ämter des Bundes und der Länder, Deutschland, 2017. …"
    Stand: 14.12.2017 / 15:51:18

Eine Datenzeile besteht aus führenden Spalten – wahlweise der Zeit (``2015``,
``01.03.2016``), dem Gebietsschlüssel, dem Gebietsnamen (eingerückt: zwei
Leerzeichen je Ebene) und Zeilenmerkmalen ohne Überschrift (z. B.
``Tagespflege``) – und den Wertspalten. Über den Wertspalten stehen eine oder
mehrere Kopfzeilen; eine Kopfzeile nur mit Zeitangaben liefert die Zeit je
Wertspalte, die letzte Kopfzeile kann die Einheiten nennen (``Anzahl``,
``Prozent``). Steht die Zeit weder in der Zeile noch im Kopf, gilt eine
Titelzeile, die nur aus einer Zeitangabe besteht (``2015;;;;``).

**Flatfile (ffcsv)** aus GENESIS-Online (Semikolon, UTF-8, ungeordnet, auch als
ZIP mit einer ``*_flat.csv``): eine Zeile je Wert mit den Spalten
``statistics_code``, ``statistics_label``, ``time``, ``N_variable_code``,
``N_variable_label``, ``N_variable_attribute_code``, ``N_variable_attribute_label``,
``value``, ``value_unit``, ``value_variable_code``, ``value_variable_label``,
``value_q``. Das Gebiet ist das Merkmal mit einem Regionalcode wie ``DINSG``,
``DLAND``, ``REGBEZ``, ``KREISE``, ``GEMEIN`` oder ``GEO…``. Auch das ältere
Flatfile mit deutschen Spaltennamen (``Zeit``, ``1_Merkmal_Code``, …,
``CODE__Bezeichnung__Einheit``) wird gelesen.

**Zeichen statt Zahlen** (Zeichenerklärung der amtlichen Statistik):
``-`` nichts vorhanden (echte Null: ``wert`` 0.0), ``.`` unbekannt oder geheim,
``x`` Tabellenfach gesperrt, ``/`` nicht sicher genug, ``...`` fällt später an
(jeweils ``wert`` fehlt). ``0`` ist eine Zahl. Angehängte Kennzeichen bleiben
erhalten: ``12,3p`` (vorläufig), ``r`` (berichtigt), ``s`` (geschätzt) und
``( 12 )`` (Aussagewert eingeschränkt) ergeben den Wert mit ``zeichen`` ``p``,
``r``, ``s`` bzw. ``()``. Im klassischen Export trennt ein Punkt Tausender
(``1.234,5``); im Flatfile gibt es keine Tausendertrennung.

**Spalten des Ergebnisses**

=========== ================================================================
``ags``     Gebietsschlüssel als Text (``"DG"``, ``"01"``, ``"091"``,
            ``"01001"``, ``"01001000"``) – nie eine Zahl.
``name``    Gebietsname ohne Einrückung.
``ebene``   aus der Schlüssellänge: Deutschland, Land, Regierungsbezirk, Kreis,
            Gemeindeverband (7 oder 9 Stellen) oder Gemeinde (8, 10, 11, 12).
``stufe``   Einrückung des Namens (Leerzeichen ÷ 2: Deutschland 0, Land 1,
            Regierungsbezirk 2, Kreis 3, Gemeinde 4); im Flatfile aus ``ebene``.
``zeit``    Zeitangabe wie in der Datei (``"31.12.2015"``, ``"2015"``); leer,
            wenn die Datei keine nennt.
``jahr``    das Jahr aus ``zeit`` (``int64``; fehlt eine Zeitangabe, ``Int64``
            mit ``<NA>``).
Merkmale    je Gliederung eine Textspalte: zuerst die Zeilenmerkmale, dann jede
            Kopfzeile, deren Einträge sich über die Wertspalten ändern.
            Der Name kommt aus der Datei, wenn sie eine Bezeichnung nennt (eine
            gleichbleibende Kopfzeile darüber wie ``Schulabschluss``, im
            Flatfile ``N_variable_label``), sonst ``merkmal_<Nr.>``.
            ``df.attrs["merkmale"]`` nennt zu jeder Spalte die Bezeichnung.
``einheit`` Einheit aus der Einheitenzeile oder dem Titel (``"Anzahl"``),
            sonst leer.
``wert``    Zahl (float); 0.0 bei ``-``, fehlend bei ``.``, ``x``, ``/``, ``...``
            und bei einer leeren Zelle.
``zeichen`` das Zeichen der Quelle als Text, sonst leer.
=========== ================================================================

Die Zeilen folgen beim klassischen Export der Datei (Datenzeile für
Datenzeile, darin Wertspalte für Wertspalte); ein Flatfile wird nach Jahr,
Zeit, Gebiet und Merkmalen sortiert.

``df.attrs``: ``tabelle`` (Code), ``titel`` (Titelzeilen), ``stand`` (Wert der
Zeile „Stand:“), ``quelle`` (der ©-Vermerk), ``fussnoten``, ``datei``,
``format`` (``"csv"`` oder ``"ffcsv"``), ``merkmale`` (Spalte → Bezeichnung),
``zeilenmerkmale``, ``spaltenmerkmale`` und ``zeit_in_kopf`` (der Aufbau der
Datei, passend zu :func:`schreibe_regionalstatistik`), ``spaltenkopf``
(gleichbleibende Kopfzeilen) und beim Flatfile ``wertmerkmal``.

Unlesbare oder unplausible Dateien – leer, abgeschnitten, falsches
Trennzeichen, ungleich lange Zeilen, Binärdaten – führen zu einem
:class:`~bimo.fehler.DatenFehler`, der Datei, Zeile und Spalte nennt.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
import zipfile
import zlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from bimo.fehler import DatenFehler
from bimo.kern.dateien import schreibe_atomar

__all__ = [
    "EINHEITEN",
    "FEHLENDE_ZEICHEN",
    "QUELLE_STANDARD",
    "ZEICHEN",
    "ebene_aus_ags",
    "lese_regionalstatistik",
    "schreibe_regionalstatistik",
]

ZEICHEN = {
    "-": "nichts vorhanden (echte Null)",
    ".": "Zahlenwert unbekannt oder geheim zu halten",
    "x": "Tabellenfach gesperrt, weil Aussage nicht sinnvoll",
    "/": "keine Angabe, da Zahlenwert nicht sicher genug",
    "...": "Angabe fällt später an",
    "()": "Aussagewert eingeschränkt",
    "p": "vorläufige Zahl",
    "r": "berichtigte Zahl",
    "s": "geschätzte Zahl",
}
"""Die Zeichen der amtlichen Statistik, wie sie in der Spalte ``zeichen`` stehen."""

FEHLENDE_ZEICHEN = (".", "x", "/", "...", "…")
"""Zeichen, die statt einer Zahl stehen: der Wert fehlt (``-`` ist dagegen eine Null)."""

EINHEITEN = (
    "Anzahl",
    "Prozent",
    "%",
    "Promille",
    "‰",
    "Prozentpunkte",
    "EUR",
    "Euro",
    "DM",
    "ha",
    "qkm",
    "km²",
    "km2",
    "km",
    "m",
    "m²",
    "m2",
    "m³",
    "cbm",
    "t",
    "kg",
    "Tonnen",
    "Jahre",
    "Jahr",
    "Monate",
    "Tage",
    "Stunden",
    "Std.",
    "Personen",
    "Einwohner",
    "Ew",
    "Index",
    "Punkte",
    "kWh",
    "MWh",
    "GWh",
    "TJ",
)
"""Einheiten, an denen die Einheitenzeile eines Exports erkannt wird.

Davor darf ein Faktor stehen (``Tsd. EUR``, ``1000 EUR``), danach ein Bezug
(``EUR je Einwohner``, ``Ew/qkm``); Indexbasen wie ``2015=100`` gelten auch.
"""

QUELLE_STANDARD = (
    "© Statistische Ämter des Bundes und der Länder, Deutschland.\n"
    "Dieses Werk ist lizenziert unter der Datenlizenz Deutschland\n"
    "- Namensnennung - Version 2.0."
)
"""Der Quellenvermerk, den :func:`schreibe_regionalstatistik` ohne Angabe schreibt."""

HINWEIS_STANDARD = 'zu "gesamter Tabelle":\nmit bimo aus einer Tabelle in Langform geschrieben'
"""Die Fußnote, die :func:`schreibe_regionalstatistik` ohne Angabe schreibt."""

_STUFE_JE_EBENE = {
    "Deutschland": 0,
    "Land": 1,
    "Regierungsbezirk": 2,
    "Kreis": 3,
    "Gemeindeverband": 4,
    "Gemeinde": 4,
}
_EBENE_JE_LAENGE = {
    2: "Land",
    3: "Regierungsbezirk",
    5: "Kreis",
    7: "Gemeindeverband",
    8: "Gemeinde",
    9: "Gemeindeverband",
    10: "Gemeinde",
    11: "Gemeinde",
    12: "Gemeinde",
}
_AGS = re.compile(r"DG|\d{2,3}|\d{5}|\d{7,12}")
_MONATE = "Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember"
_ZEIT = re.compile(
    r"\d{4}"
    r"|\d{1,2}\.\d{1,2}\.\d{4}"
    r"|\d{4}-\d{2}-\d{2}"
    r"|\d{4}\s*/\s*\d{2}(?:\d{2})?"
    r"|(?:WS|SS|WiSe|SoSe|Wintersemester|Sommersemester|Schuljahr)\s+\d{4}(?:\s*/\s*\d{2,4})?"
    rf"|(?:{_MONATE})\s+\d{{4}}"
    r"|\d\.\s*(?:Quartal|Vierteljahr|Halbjahr)\s+\d{4}"
)
_JAHR = re.compile(r"(?<!\d)(\d{4})(?!\d)")
_ZAHL_KLASSISCH = re.compile(r"-?(?:\d{1,3}(?:\.\d{3})+|\d+)(?:,\d+)?")
_ZAHL_FLAT = re.compile(r"-?\d+(?:[.,]\d+)?")
_KLAMMER = re.compile(r"\(\s*(.+?)\s*\)")
_KENNZEICHEN = re.compile(r"(.+?)\s*([prs])")
_EINHEIT_KERN = "|".join(re.escape(e) for e in sorted(EINHEITEN, key=len, reverse=True))
_EINHEIT = re.compile(
    rf"(?:(?:Tsd\.|Mill\.|Mio\.|Mrd\.|1\.?000|100)\s*)?(?:{_EINHEIT_KERN})"
    r"(?:\s*(?:/|je|pro)\s*\S.*)?"
    r"|\d{4}\s*=\s*100"
)
_UNERWARTET = "unerwarteter Fehler beim Lesen"
_RESERVIERT = {"ags", "name", "ebene", "stufe", "zeit", "jahr", "einheit", "wert", "zeichen"}


def ebene_aus_ags(ags: str) -> str:
    """Die Gebietsebene zu einem Schlüssel: ``"09162"`` → ``"Kreis"``.

    ``"DG"`` ist Deutschland, 2 Stellen ein Land, 3 ein Regierungsbezirk, 5 ein
    Kreis, 8 eine Gemeinde (AGS); die Regionaldatenbank nutzt außerdem 7 und 9
    Stellen für Gemeindeverbände und 10–12 Stellen für Gemeinden darin.
    Unbekannte Formen ergeben ``"unbekannt"``.
    """
    ags = str(ags).strip()
    if ags == "DG":
        return "Deutschland"
    if not ags.isdigit():
        return "unbekannt"
    return _EBENE_JE_LAENGE.get(len(ags), "unbekannt")


# --------------------------------------------------------------------------
# Lesen
# --------------------------------------------------------------------------


def lese_regionalstatistik(pfad: Path | str) -> pd.DataFrame:
    """Liest einen Export der Regionaldatenbank bzw. von GENESIS in die Langform.

    ``pfad`` ist ein klassischer CSV-Export, ein Flatfile (ffcsv) oder eine ZIP-Datei
    mit genau einer solchen CSV-Datei. Die Spalten und ``attrs`` des Ergebnisses
    beschreibt die Moduldokumentation (:mod:`bimo.daten.regionalstatistik`).

    Beispiel::

        bev = lese_regionalstatistik("12411-01-01-4.csv")
        bev[(bev["ebene"] == "Kreis") & (bev["merkmal_1"] == "Insgesamt")]

    Raises:
        DatenFehler: Die Datei fehlt, ist leer, abgeschnitten, kein
            Regionaldatenbank-Export oder in sich widersprüchlich. Die Meldung
            nennt Datei, Zeile und – wo es passt – Spalte.
    """
    pfad = Path(pfad)
    try:
        roh, name = _read_source(pfad)
        saetze = _records(_decode(roh, pfad), pfad)
        if _is_flatfile(saetze):
            tabelle = _read_flat(saetze, pfad, name)
        else:
            tabelle = _read_classic(saetze, pfad)
    except DatenFehler:
        raise
    except RecursionError as fehler:
        raise DatenFehler(
            f"Die Datei {pfad} ist nicht lesbar: sie ist zu tief verschachtelt."
        ) from fehler
    except Exception as fehler:  # noqa: BLE001 – kein Fehler ohne deutsche Meldung
        raise DatenFehler(
            f"Die Datei {pfad} ist nicht lesbar ({_UNERWARTET}: {type(fehler).__name__}). "
            "Ist es ein unveränderter Export der Regionaldatenbank oder von GENESIS?"
        ) from fehler
    tabelle.attrs["datei"] = str(pfad)
    tabelle.attrs.update(_code_parts(tabelle.attrs.get("tabelle"), tabelle.attrs.get("statistik")))
    return tabelle


_CODE = re.compile(r"(?P<statistik>[A-Z]{2}\d{3}|\d{5})(?:-[0-9A-Z]+)*")


def _code_parts(code: str | None, statistik: str | None) -> dict[str, object]:
    """Statistik (5 Stellen bzw. ``AI003``), Grundcode und Variante (``B``) eines Tabellencodes."""
    teile: dict[str, object] = {"statistik": statistik, "tabelle_basis": code, "variante": ""}
    if not code:
        return teile
    treffer = _CODE.fullmatch(code)
    if treffer:
        teile["statistik"] = statistik or treffer.group("statistik")
    if code.endswith("-B"):
        teile["tabelle_basis"], teile["variante"] = code[:-2], "B"
    return teile


def _fehler(
    pfad: Path, text: str, zeile: int | None = None, spalte: int | None = None
) -> DatenFehler:
    """Ein DatenFehler, der Datei, Zeile und Spalte nennt."""
    ort = ""
    if zeile is not None:
        ort = f", Zeile {zeile}" + (f", Spalte {spalte}" if spalte is not None else "")
    return DatenFehler(f"Die Datei {pfad}{ort}: {text}")


def _read_source(pfad: Path) -> tuple[bytes, str]:
    """Die Bytes der Datei; aus einer ZIP-Datei die eine CSV-Datei darin."""
    try:
        roh = pfad.read_bytes()
    except FileNotFoundError:
        raise DatenFehler(f"Die Datei {pfad} gibt es nicht.") from None
    except IsADirectoryError:
        raise DatenFehler(f"{pfad} ist ein Ordner, keine Datei.") from None
    except OSError as fehler:
        raise DatenFehler(f"Die Datei {pfad} ist nicht lesbar: {fehler.strerror}.") from None
    if roh.startswith(b"PK\x03\x04") or roh.startswith(b"PK\x05\x06"):
        return _read_zip(roh, pfad)
    _check_foreign_format(roh, pfad)
    return roh, pfad.name


_FREMDE_FORMATE = (
    (
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
        "ist eine Excel-Datei im alten Format (.xls), auch wenn sie anders heißt",
    ),
    (b"%PDF", "ist ein PDF-Dokument"),
    (b"\x1f\x8b", "ist mit gzip gepackt (.gz) – bitte erst entpacken"),
    (b"7z\xbc\xaf\x27\x1c", "ist ein 7-Zip-Archiv – bitte erst entpacken"),
    (b"Rar!", "ist ein RAR-Archiv – bitte erst entpacken"),
    (b"{\\rtf", "ist ein RTF-Textdokument"),
)


def _check_foreign_format(roh: bytes, pfad: Path) -> None:
    """Dateien, die keine CSV-Datei sind, an ihren ersten Bytes erkennen."""
    for magie, was in _FREMDE_FORMATE:
        if roh.startswith(magie):
            raise DatenFehler(
                f"Die Datei {pfad} {was}, keine CSV-Datei. Laden Sie die Tabelle aus der "
                "Regionaldatenbank bitte als CSV oder Flatfile (ffcsv) herunter."
            )
    anfang = roh[:512].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if anfang.startswith((b"<!doctype html", b"<html", b"<?xml", b"<table")):
        raise DatenFehler(
            f"Die Datei {pfad} ist eine HTML- oder XML-Seite (z. B. eine gespeicherte "
            "Webseite oder eine Excel-Datei im HTML-Format), keine CSV-Datei. Laden Sie die "
            "Tabelle aus der Regionaldatenbank bitte als CSV oder Flatfile (ffcsv) herunter."
        )


_ZIP_GRENZE = 1 << 30
"""Größte entpackte CSV-Datei, die aus einer ZIP-Datei gelesen wird (1 GB)."""
_ZIP_VERHAELTNIS = 200
"""Größtes Verhältnis entpackt ÷ gepackt (CSV-Exporte erreichen etwa 5–30)."""
_ZIP_KLEIN = 1 << 20
"""Bis zu dieser entpackten Größe (1 MB) gilt das Verhältnis nicht."""


def _check_zip_member(info: zipfile.ZipInfo, pfad: Path) -> None:
    """Verschlüsselte Einträge und ZIP-Bomben ablehnen, bevor etwas entpackt wird."""
    if info.flag_bits & 0x1:
        raise DatenFehler(
            f"Die ZIP-Datei {pfad} ist verschlüsselt (Eintrag {info.filename}); bimo "
            "entpackt keine Archive mit Kennwort. Bitte die Datei unverschlüsselt speichern."
        )
    if info.file_size > _ZIP_GRENZE:
        raise DatenFehler(
            f"Die CSV-Datei {info.filename} in {pfad} ist entpackt größer als 1 GB "
            f"({info.file_size:,} Bytes) – so groß ist kein Export der Regionaldatenbank.".replace(
                ",", "."
            )
        )
    verhaeltnis = info.file_size / max(info.compress_size, 1)
    if info.file_size > _ZIP_KLEIN and verhaeltnis > _ZIP_VERHAELTNIS:
        raise DatenFehler(
            f"Die ZIP-Datei {pfad} sieht aus wie eine ZIP-Bombe: {info.filename} ist "
            f"{verhaeltnis:.0f}-fach gepackt (erlaubt sind bis {_ZIP_VERHAELTNIS}). "
            "bimo entpackt sie nicht."
        )


def _read_zip(roh: bytes, pfad: Path) -> tuple[bytes, str]:
    try:
        with zipfile.ZipFile(io.BytesIO(roh)) as archiv:
            namen = [i for i in archiv.infolist() if not i.is_dir()]
            if len(namen) > 10_000:
                raise DatenFehler(
                    f"Die ZIP-Datei {pfad} enthält {len(namen)} Einträge; erwartet ist eine "
                    "CSV-Datei."
                )
            if any(i.filename == "[Content_Types].xml" for i in namen):
                raise DatenFehler(
                    f"Die Datei {pfad} ist eine Excel-Datei. Laden Sie die Tabelle aus der "
                    "Regionaldatenbank bitte als CSV herunter."
                )
            csvs = [i for i in namen if i.filename.lower().endswith(".csv")]
            flach = [i for i in csvs if i.filename.lower().endswith("_flat.csv")]
            wahl = flach if len(flach) == 1 else csvs
            if len(wahl) != 1:
                liste = ", ".join(i.filename for i in namen) or "nichts"
                raise DatenFehler(
                    f"Die ZIP-Datei {pfad} muss genau eine CSV-Datei enthalten; sie enthält: "
                    f"{liste}."
                )
            _check_zip_member(wahl[0], pfad)
            inhalt = archiv.read(wahl[0])
            if inhalt.startswith((b"PK\x03\x04", b"PK\x05\x06")):
                raise DatenFehler(
                    f"In der ZIP-Datei {pfad} steckt in {wahl[0].filename} eine weitere "
                    "ZIP-Datei; bitte die CSV-Datei selbst (oder ein einfaches ZIP) angeben."
                )
            return inhalt, wahl[0].filename
    except DatenFehler:
        raise
    except (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, EOFError, OSError) as fehler:
        raise DatenFehler(f"Die ZIP-Datei {pfad} ist beschädigt ({fehler}).") from None
    except (NotImplementedError, RuntimeError, ValueError) as fehler:
        raise DatenFehler(f"Die ZIP-Datei {pfad} lässt sich nicht entpacken ({fehler}).") from None


def _decode(roh: bytes, pfad: Path) -> str:
    """Text aus Bytes: UTF-8 (mit oder ohne BOM), UTF-16 mit BOM, sonst cp1252/latin-1."""
    if not roh.strip():
        raise DatenFehler(f"Die Datei {pfad} ist leer.")
    # mit BOM entscheidet das BOM (und "utf-16" entfernt es); ohne BOM die Nullbytes
    utf16 = None if roh.startswith((b"\xff\xfe", b"\xfe\xff")) else _utf16_without_bom(roh)
    if roh.startswith((b"\xff\xfe", b"\xfe\xff")) or utf16:
        try:
            text = roh.decode(utf16 or "utf-16")
        except UnicodeDecodeError as fehler:
            zeile = roh[: fehler.start].count("\n".encode(utf16 or "utf-16-le")) + 1
            raise _fehler(
                pfad,
                "ist als UTF-16-Text (Kodierung „Unicode“ von Excel) nicht lesbar – "
                f"ungültige Bytes ab Byte {fehler.start}.",
                zeile,
            ) from None
    else:
        try:
            text = roh.decode("utf-8-sig")
        except UnicodeDecodeError:
            try:
                text = roh.decode("cp1252")
            except UnicodeDecodeError:
                text = roh.decode("latin-1")
    _check_text(text, pfad)
    return text


def _utf16_without_bom(roh: bytes) -> str | None:
    """``"utf-16-le"``/``"utf-16-be"``, wenn jedes zweite Byte eine Null ist (UTF-16 ohne BOM)."""
    probe = roh[:4000]
    if len(probe) < 8:
        return None
    gerade, ungerade = probe[0::2], probe[1::2]
    if ungerade.count(0) > 0.9 * len(ungerade) and gerade.count(0) < 0.1 * len(gerade):
        return "utf-16-le"
    if gerade.count(0) > 0.9 * len(gerade) and ungerade.count(0) < 0.1 * len(ungerade):
        return "utf-16-be"
    return None


def _check_text(text: str, pfad: Path) -> None:
    """Binärdaten erkennen: Steuerzeichen außer Tabulator und Zeilenende."""
    treffer = re.search(r"[\x00-\x08\x0b\x0e-\x1f\x7f]", text)
    if treffer:
        zeile = text.count("\n", 0, treffer.start()) + 1
        raise _fehler(
            pfad,
            f"enthält Binärdaten (Steuerzeichen 0x{ord(treffer.group()):02x}) – "
            "das ist keine CSV-Textdatei.",
            zeile,
        )


@dataclass
class _Record:
    zeile: int
    felder: list[str]

    def leer(self) -> bool:
        return not any(f.strip() for f in self.felder)


def _records(text: str, pfad: Path) -> list[_Record]:
    """Zerlegt den Text in Datensätze (Semikolon, Anführungszeichen über Zeilen)."""
    leser = csv.reader(io.StringIO(text, newline=""), delimiter=";", quotechar='"')
    saetze: list[_Record] = []
    beginn = 1
    try:
        for felder in leser:
            saetze.append(_Record(beginn, felder))
            beginn = leser.line_num + 1
    except csv.Error as fehler:
        raise _fehler(pfad, f"ist als CSV nicht lesbar ({fehler}).", beginn) from None
    return saetze


# --- Werte ------------------------------------------------------------------


def _parse_cell(text: str, zahl: re.Pattern) -> tuple[float, str] | None:
    """Eine Zelle als (wert, zeichen); ``None``, wenn sie weder Zahl noch Zeichen ist."""
    s = text.strip()
    if s == "":
        return np.nan, ""
    if s == "-":
        return 0.0, "-"
    if s in FEHLENDE_ZEICHEN:
        return np.nan, s
    wert = _to_float(s, zahl)
    if wert is not None:
        return wert, ""
    for muster, zeichen in ((_KLAMMER, "()"), (_KENNZEICHEN, None)):
        treffer = muster.fullmatch(s)
        if treffer:
            wert = _to_float(treffer.group(1), zahl)
            if wert is not None:
                return wert, zeichen or treffer.group(2)
    return None


def _to_float(s: str, zahl: re.Pattern) -> float | None:
    if not zahl.fullmatch(s):
        return None
    if zahl is _ZAHL_KLASSISCH:
        s = s.replace(".", "")
    return float(s.replace(",", "."))


def _parse_values(
    zellen: np.ndarray, zahl: re.Pattern
) -> tuple[np.ndarray, np.ndarray, int | None]:
    """Alle Zellen auf einmal; gibt Werte, Zeichen und die erste unlesbare Position zurück."""
    if zellen.size == 0:
        return np.array([], dtype=float), np.array([], dtype=object), None
    eindeutig, rueck = np.unique(zellen.astype(str), return_inverse=True)
    werte = np.empty(len(eindeutig), dtype=float)
    zeichen = np.empty(len(eindeutig), dtype=object)
    schlecht = np.zeros(len(eindeutig), dtype=bool)
    for i, text in enumerate(eindeutig):
        ergebnis = _parse_cell(text, zahl)
        if ergebnis is None:
            schlecht[i] = True
            ergebnis = (np.nan, "")
        werte[i], zeichen[i] = ergebnis
    erste = int(np.flatnonzero(schlecht[rueck])[0]) if schlecht.any() else None
    return werte[rueck], zeichen[rueck], erste


def _year(zeit: str) -> int | None:
    treffer = _JAHR.search(zeit)
    return int(treffer.group(1)) if treffer else None


def _is_time(text: str) -> bool:
    return bool(_ZEIT.fullmatch(text.strip()))


def _is_unit(text: str) -> bool:
    return bool(_EINHEIT.fullmatch(text.strip()))


def _slug(text: str) -> str:
    """Ein Spaltenname aus einer Bezeichnung: „Altersgruppen (unter 3 …)“ → ``altersgruppen``."""
    kern = text.split("(")[0].strip().lower()
    for alt, neu in (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("ß", "ss")):
        kern = kern.replace(alt, neu)
    kern = unicodedata.normalize("NFKD", kern).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "_", kern).strip("_")


def _column_names(bezeichnungen: Sequence[str]) -> list[str]:
    """Spaltennamen der Merkmale: aus der Bezeichnung, sonst ``merkmal_<Nr.>``."""
    namen: list[str] = []
    for nr, bezeichnung in enumerate(bezeichnungen, start=1):
        name = _slug(bezeichnung)
        if not name or name[0].isdigit() or name in _RESERVIERT or name in namen:
            name = f"merkmal_{nr}"
        if name in namen:  # nur möglich, wenn eine Bezeichnung selbst merkmal_<n> lautet
            name = f"merkmal_{nr}_{len(namen)}"
        namen.append(name)
    return namen


# --- Ergebnis zusammensetzen -------------------------------------------------

_TEXT = "string"


def _assemble(
    teile: dict[str, Sequence], merkmale: dict[str, Sequence], bezeichnungen: dict[str, str]
) -> pd.DataFrame:
    """Baut die Langform in fester Spaltenordnung und mit festen Datentypen."""
    ags = pd.array(teile["ags"], dtype=_TEXT)
    jahre = [_year(z) for z in teile["zeit"]]
    spalten: dict[str, object] = {
        "ags": ags,
        "name": pd.array(teile["name"], dtype=_TEXT),
        "ebene": pd.array([ebene_aus_ags(a) for a in teile["ags"]], dtype=_TEXT),
        "stufe": np.asarray(teile["stufe"], dtype="int64"),
        "zeit": pd.array(teile["zeit"], dtype=_TEXT),
        "jahr": pd.array(jahre, dtype="Int64"),
    }
    for name, werte in merkmale.items():
        spalten[name] = pd.array(werte, dtype=_TEXT)
    spalten["einheit"] = pd.array(teile["einheit"], dtype=_TEXT)
    spalten["wert"] = np.asarray(teile["wert"], dtype=float)
    spalten["zeichen"] = pd.array(teile["zeichen"], dtype=_TEXT)
    tabelle = pd.DataFrame(spalten)
    if len(tabelle) and not tabelle["jahr"].isna().any():
        tabelle["jahr"] = tabelle["jahr"].astype("int64")
    tabelle.attrs["merkmale"] = dict(bezeichnungen)
    return tabelle


# --- klassischer Export -------------------------------------------------------


@dataclass
class _Layout:
    """Wo in einer Datenzeile was steht."""

    k: int  # Spalte des Gebietsschlüssels
    breite: int  # Felder je Zeile
    zeitspalte: int | None = None
    zeilenmerkmale: list[int] = field(default_factory=list)
    wertspalten: list[int] = field(default_factory=list)


def _read_classic(saetze: list[_Record], pfad: Path) -> pd.DataFrame:
    start, k = _find_first_data_row(saetze, pfad)
    breite = len(saetze[start].felder)
    ende = _end_of_data(saetze, start, k, breite, pfad)
    kopf, daten, fuss = saetze[:start], saetze[start:ende], saetze[ende:]
    _check_footer(fuss, breite, saetze[ende - 1].zeile, pfad)
    kopfzeilen = [s for s in kopf if _is_header_row(s)]
    for satz in kopfzeilen:
        if len(satz.felder) != breite:
            raise _fehler(
                pfad,
                f"die Kopfzeile hat {len(satz.felder)} Felder, die Datenzeilen haben {breite}.",
                satz.zeile,
            )
    titel = [s for s in kopf if not _is_header_row(s) and not s.leer()]
    _check_title_block(titel, pfad)
    layout = _layout(daten, kopfzeilen, k, breite, pfad)
    tabelle = _classic_table(daten, kopfzeilen, titel, layout, pfad)
    tabelle.attrs.update(_header_meta(titel))
    tabelle.attrs.update(_footer_meta(fuss))
    tabelle.attrs["format"] = "csv"
    return tabelle


def _check_title_block(titel: list[_Record], pfad: Path) -> None:
    """Der Kopf enthält nur einzeilige Titel; mehrzeiliger Text (Fußnoten, ©-Vermerk)
    oder Fußteil-Zeilen vor den Daten heißen: Die Zeilen der Datei sind durcheinander."""
    for satz in titel:
        text = ";".join(satz.felder)
        if "\n" in text or _is_footer_mark(satz) or text.lstrip().startswith(("©", "Stand:")):
            raise _fehler(
                pfad,
                "vor den Daten steht Text, der in den Fußteil gehört (Fußnote, ©-Vermerk "
                "oder „Stand:“) – ist die Datei beschädigt oder sind Zeilen vertauscht?",
                satz.zeile,
            )


def _data_row_position(felder: list[str]) -> int | None:
    """Spalte des Gebietsschlüssels, wenn der Datensatz wie eine erste Datenzeile aussieht."""
    for k in range(min(4, len(felder) - 2)):
        if not all(f.strip() for f in felder[:k]):
            return None
        name = felder[k + 1].strip()
        if (
            _AGS.fullmatch(felder[k].strip())
            and name
            and _parse_cell(name, _ZAHL_KLASSISCH) is None
        ):
            return k
    return None


def _find_first_data_row(saetze: list[_Record], pfad: Path) -> tuple[int, int]:
    for i, satz in enumerate(saetze):
        k = _data_row_position(satz.felder)
        if k is not None:
            return i, k
    ohne = _without_region_keys(saetze, pfad)
    if ohne:
        raise ohne
    raise _fehler(pfad, "keine Datenzeile gefunden (Gebietsschlüssel;Name;Werte)." + _hint(saetze))


_LAENDER = (
    "Baden-Württemberg",
    "Bayern",
    "Berlin",
    "Brandenburg",
    "Bremen",
    "Hamburg",
    "Hessen",
    "Mecklenburg-Vorpommern",
    "Niedersachsen",
    "Nordrhein-Westfalen",
    "Rheinland-Pfalz",
    "Saarland",
    "Sachsen",
    "Sachsen-Anhalt",
    "Schleswig-Holstein",
    "Thüringen",
    "Deutschland",
)


def _without_region_keys(saetze: list[_Record], pfad: Path) -> DatenFehler | None:
    """Eine Tabelle mit Zahlen, aber ohne Gebietsschlüssel – typisch für GENESIS-Online
    (Destatis), wo die Länder als Spaltenköpfe stehen. Dann eine Meldung, die das sagt."""
    titel = [s for s in saetze[:12] if s.felder and s.felder[0].strip()]
    code = _table_code(titel) or ""
    kopfzellen = {f.strip() for s in saetze[:30] for f in s.felder[1:] if f.strip()}
    laender = [land for land in _LAENDER if land in kopfzellen]
    mit_zahlen = sum(
        1
        for s in saetze[:200]
        if len(s.felder) > 2
        and sum(_ZAHL_KLASSISCH.fullmatch(f.strip()) is not None for f in s.felder[1:]) >= 2
    )
    online = bool(_GENESIS_ONLINE.fullmatch(code)) or "Destatis" in " ".join(
        ";".join(s.felder) for s in saetze[-8:]
    )
    if not mit_zahlen or not (online or laender):
        return None
    woher = f"eine Tabelle aus GENESIS-Online (Destatis{', Tabelle ' + code if code else ''})"
    if not online:
        woher = "eine Tabelle" + (f" ({code})" if code else "")
    gebiete = (
        f" – die Gebiete ({', '.join(laender[:3])}{', …' if len(laender) > 3 else ''}) stehen "
        "nur als Namen in den Spaltenköpfen"
        if laender
        else ""
    )
    statistik = code[:5] if re.match(r"\d{5}", code) else ""
    vorschlag = (
        f"eine Tabelle der Statistik {statistik} (Codes wie {statistik}-…-4 für Kreise)"
        if statistik
        else "die passende Tabelle"
    )
    return _fehler(
        pfad,
        f"das ist {woher} ohne Gebietsschlüssel{gebiete}. bimo braucht in jeder Datenzeile "
        "einen amtlichen Gebietsschlüssel (z. B. 09162 für München). Laden Sie bitte "
        f"{vorschlag} aus der Regionaldatenbank (www.regionalstatistik.de) als CSV oder "
        "Flatfile (ffcsv) herunter; GENESIS-Online-Tabellen ohne regionale Tiefe lassen "
        "sich keiner Kommune zuordnen.",
    )


def _hint(saetze: list[_Record]) -> str:
    """Ein Hinweis auf die wahrscheinliche Ursache, wenn keine Datenzeile erkannt wurde."""
    zeilen = [";".join(s.felder) for s in saetze[:50]]
    if not any(len(s.felder) > 1 for s in saetze):
        for zeichen, name in ((",", "Komma"), ("\t", "Tabulator"), ("|", "senkrechten Strich")):
            if sum(z.count(zeichen) for z in zeilen) > len(zeilen):
                return (
                    f" Die Spalten scheinen durch {name} getrennt zu sein; erwartet ist "
                    "das Semikolon der Regionaldatenbank."
                )
        return " Die Datei enthält keine durch Semikolon getrennten Spalten."
    return " Ist es ein Export der Regionaldatenbank bzw. von GENESIS?"


def _is_data_row(satz: _Record, k: int) -> bool:
    return len(satz.felder) > k + 1 and bool(_AGS.fullmatch(satz.felder[k].strip()))


def _end_of_data(saetze: list[_Record], start: int, k: int, breite: int, pfad: Path) -> int:
    ende = start
    while ende < len(saetze) and _is_data_row(saetze[ende], k):
        satz = saetze[ende]
        if len(satz.felder) != breite:
            raise _fehler(
                pfad,
                f"die Zeile hat {len(satz.felder)} Felder, erwartet sind {breite} wie in "
                f"Zeile {saetze[start].zeile}.",
                satz.zeile,
            )
        ende += 1
    return ende


def _check_footer(fuss: list[_Record], breite: int, letzte: int, pfad: Path) -> None:
    """Nach den Daten folgt nur der Fußteil; fehlt er, ist die Datei abgeschnitten."""
    for satz in fuss:
        if satz.leer():
            continue
        if len(satz.felder) == breite or _is_time_title(satz):
            raise _fehler(
                pfad,
                f"eine Tabellenzeile steht nach dem Ende der Daten (Zeile {letzte}). "
                "Sind Zeilen verrutscht oder fehlt eine Zeile dazwischen?",
                satz.zeile,
            )
        if _hides_table_line(satz, breite):
            raise _fehler(
                pfad,
                "ein Fußnotentext in Anführungszeichen enthält Zeilen der Tabelle. Fehlt ein "
                "Anführungszeichen oder sind Zeilen verrutscht?",
                satz.zeile,
            )
    if not any(_is_footer_mark(s) for s in fuss):
        raise _fehler(
            pfad,
            "die Datei endet mitten in den Daten, der Fußteil („__________“, ©-Vermerk, "
            "„Stand:“) fehlt. Ist die Datei abgeschnitten?",
            letzte,
        )


def _is_time_title(satz: _Record) -> bool:
    """Eine Titelzeile, die nur eine Zeitangabe enthält (``2015;;;;``)."""
    return len(satz.felder) > 1 and _is_time(satz.felder[0]) and not _is_header_row(satz)


def _hides_table_line(satz: _Record, breite: int) -> bool:
    """Ein über mehrere Zeilen reichendes Feld, in dem Zeilen der Tabelle stecken."""
    return any(
        len(zeile.split(";")) == breite for text in satz.felder for zeile in text.splitlines()
    )


def _is_footer_mark(satz: _Record) -> bool:
    text = " ".join(satz.felder).strip()
    return text.startswith("___") or "©" in text or text.startswith("Stand:")


def _is_header_row(satz: _Record) -> bool:
    """Kopfzeile: irgendein Feld nach dem ersten ist gefüllt (Titelzeilen füllen nur das erste)."""
    return any(f.strip() for f in satz.felder[1:])


def _layout(
    daten: list[_Record], kopfzeilen: list[_Record], k: int, breite: int, pfad: Path
) -> _Layout:
    layout = _Layout(k=k, breite=breite)
    for j in range(k):
        if layout.zeitspalte is None and all(_is_time(s.felder[j]) for s in daten):
            layout.zeitspalte = j
        else:
            layout.zeilenmerkmale.append(j)
    j = k + 2
    while j < breite and _is_row_dimension(j, daten, kopfzeilen):
        layout.zeilenmerkmale.append(j)
        j += 1
    layout.wertspalten = [
        s for s in range(j, breite) if not _is_trailing_empty(s, daten, kopfzeilen)
    ]
    if not layout.wertspalten:
        raise _fehler(pfad, "die Tabelle hat keine Wertspalten.", daten[0].zeile)
    return layout


def _is_row_dimension(j: int, daten: list[_Record], kopfzeilen: list[_Record]) -> bool:
    """Zeilenmerkmal: ohne Überschrift (bzw. ohne Kopf: mit Text statt Zahlen)."""
    if kopfzeilen:
        return not any(s.felder[j].strip() for s in kopfzeilen)
    return any(_parse_cell(s.felder[j], _ZAHL_KLASSISCH) is None for s in daten)


def _is_trailing_empty(j: int, daten: list[_Record], kopfzeilen: list[_Record]) -> bool:
    """Eine leere Spalte hinter einem überzähligen Semikolon am Zeilenende."""
    return j == len(daten[0].felder) - 1 and not any(
        s.felder[j].strip() for s in [*daten, *kopfzeilen]
    )


@dataclass
class _ColumnHeader:
    zeit: list[str] | None
    einheit: list[str] | None
    ebenen: list[list[str]]
    bezeichnungen: list[str]
    konstant: list[str]


def _column_header(kopfzeilen: list[_Record], layout: _Layout) -> _ColumnHeader:
    """Ordnet die Kopfzeilen: Zeitzeile, Einheitenzeile, wechselnde und feste Ebenen."""
    zellen = [[s.felder[j].strip() for j in layout.wertspalten] for s in kopfzeilen]
    kopf = _ColumnHeader(zeit=None, einheit=None, ebenen=[], bezeichnungen=[], konstant=[])
    if zellen and _all_filled_match(zellen[-1], _is_unit):
        kopf.einheit = zellen.pop()
    oben = ""  # die gleichbleibende Zeile direkt darüber benennt eine Ebene
    for reihe in zellen:
        if kopf.zeit is None and layout.zeitspalte is None and _all_filled_match(reihe, _is_time):
            kopf.zeit, oben = reihe, ""
        elif len(set(reihe)) > 1:
            kopf.ebenen.append(reihe)
            kopf.bezeichnungen.append(oben)
            oben = ""
        else:
            oben = reihe[0]
            if oben:
                kopf.konstant.append(oben)
    return kopf


def _all_filled_match(zellen: list[str], pruefe) -> bool:
    gefuellt = [z for z in zellen if z]
    return bool(gefuellt) and all(pruefe(z) for z in gefuellt)


def _classic_table(
    daten: list[_Record],
    kopfzeilen: list[_Record],
    titel: list[_Record],
    layout: _Layout,
    pfad: Path,
) -> pd.DataFrame:
    kopf = _column_header(kopfzeilen, layout)
    n_zeilen, n_spalten = len(daten), len(layout.wertspalten)
    matrix = np.array([s.felder for s in daten], dtype=object)
    werte, zeichen, schlecht = _parse_values(matrix[:, layout.wertspalten].ravel(), _ZAHL_KLASSISCH)
    if schlecht is not None:
        zeile, spalte = divmod(schlecht, n_spalten)
        text = matrix[zeile, layout.wertspalten[spalte]].strip()
        raise _fehler(
            pfad,
            f"„{text}“ ist weder eine Zahl noch ein Zeichen der amtlichen Statistik "
            "(-, ., x, /, ...).",
            daten[zeile].zeile,
            layout.wertspalten[spalte] + 1,
        )

    def je_zeile(werte_je_zeile: Iterable[str]) -> np.ndarray:
        return np.repeat(np.array(list(werte_je_zeile), dtype=object), n_spalten)

    def je_spalte(werte_je_spalte: Sequence[str]) -> np.ndarray:
        return np.tile(np.array(list(werte_je_spalte), dtype=object), n_zeilen)

    namen_roh = [s.felder[layout.k + 1] for s in daten]
    if layout.zeitspalte is not None:
        zeit = je_zeile(s.felder[layout.zeitspalte].strip() for s in daten)
    elif kopf.zeit is not None:
        zeit = je_spalte(kopf.zeit)
    else:
        zeit = je_zeile([_title_time(titel)] * n_zeilen)
    einheit = kopf.einheit or [""] * n_spalten
    standard = _title_unit(titel)
    einheit = [e or standard for e in einheit]
    merkmale_roh = [je_zeile(s.felder[j].strip() for s in daten) for j in layout.zeilenmerkmale]
    merkmale_roh += [je_spalte(ebene) for ebene in kopf.ebenen]
    bezeichnungen = [_row_label(kopfzeilen, j) for j in layout.zeilenmerkmale] + kopf.bezeichnungen
    namen = _column_names(bezeichnungen)
    tabelle = _assemble(
        {
            "ags": je_zeile(s.felder[layout.k].strip() for s in daten),
            "name": je_zeile(n.strip() for n in namen_roh),
            "stufe": np.repeat([_indent(n) for n in namen_roh], n_spalten),
            "zeit": zeit,
            "einheit": je_spalte(einheit),
            "wert": werte,
            "zeichen": zeichen,
        },
        dict(zip(namen, merkmale_roh, strict=True)),
        dict(zip(namen, bezeichnungen, strict=True)),
    )
    _check_unique_rows(daten, layout, pfad)
    _check_unique_columns(kopfzeilen, layout, kopf, pfad)
    n_zeilenmerkmale = len(layout.zeilenmerkmale)
    tabelle.attrs.update(
        {
            "zeilenmerkmale": namen[:n_zeilenmerkmale],
            "spaltenmerkmale": namen[n_zeilenmerkmale:],
            "zeit_in_kopf": kopf.zeit is not None,
            "spaltenkopf": kopf.konstant,
        }
    )
    return tabelle


def _check_unique_rows(daten: list[_Record], layout: _Layout, pfad: Path) -> None:
    """Dasselbe Gebiet darf mit derselben Zeit und denselben Zeilenmerkmalen nur einmal stehen."""
    spalten = [layout.k, *layout.zeilenmerkmale]
    if layout.zeitspalte is not None:
        spalten.append(layout.zeitspalte)
    gesehen: dict[tuple, int] = {}
    for satz in daten:
        schluessel = tuple(satz.felder[j].strip() for j in spalten)
        if schluessel in gesehen:
            raise _fehler(
                pfad,
                f"das Gebiet {schluessel[0]} steht mit derselben Zeit und denselben "
                f"Merkmalen schon in Zeile {gesehen[schluessel]}.",
                satz.zeile,
            )
        gesehen[schluessel] = satz.zeile


def _check_unique_columns(
    kopfzeilen: list[_Record], layout: _Layout, kopf: _ColumnHeader, pfad: Path
) -> None:
    """Zwei Wertspalten mit gleicher Überschrift wären in der Langform nicht zu trennen."""
    reihen = [r for r in (kopf.zeit, kopf.einheit) if r is not None] + kopf.ebenen
    gesehen: dict[tuple, int] = {}
    for i, j in enumerate(layout.wertspalten):
        schluessel = tuple(r[i] for r in reihen)
        if schluessel in gesehen:
            raise _fehler(
                pfad,
                f"die Wertspalten {gesehen[schluessel] + 1} und {j + 1} haben dieselbe "
                "Überschrift und lassen sich nicht unterscheiden.",
                kopfzeilen[-1].zeile if kopfzeilen else None,
            )
        gesehen[schluessel] = j


def _indent(name: str) -> int:
    return (len(name) - len(name.lstrip(" "))) // 2


def _row_label(kopfzeilen: list[_Record], j: int) -> str:
    gefuellt = [s.felder[j].strip() for s in kopfzeilen if s.felder[j].strip()]
    return gefuellt[-1] if gefuellt else ""


_TITELZEIT = re.compile(
    r"(?:Stichtag|Stichtage|Zeit|Jahr|Berichtsjahr|Schuljahr|Berichtszeitraum|Zeitraum)"
    r"\s*:\s*(?P<zeit>.+?)\s*"
)


def _title_time(titel: list[_Record]) -> str:
    """Die Zeit aus einer Titelzeile: nur eine Zeitangabe (``2015``) oder
    ``Stichtag: 31.12.2018`` (so in den Tabellen „regionale Ebenen“, ``…-B``)."""
    for satz in titel:
        text = satz.felder[0].strip()
        if _is_time(text):
            return text
        treffer = _TITELZEIT.fullmatch(text)
        if treffer and _is_time(treffer.group("zeit")):
            return treffer.group("zeit")
    return ""


def _title_unit(titel: list[_Record]) -> str:
    for satz in reversed(titel):
        treffer = re.search(r"\(([^()]+)\)\s*$", satz.felder[0])
        if treffer and _is_unit(treffer.group(1)):
            return treffer.group(1).strip()
    return ""


_TABELLENZEILE = re.compile(r"(?:GENESIS-)?Tabelle\s*:\s*(?P<code>\S+)(?:\s.*)?", re.IGNORECASE)
_GENESIS_ONLINE = re.compile(r"\d{5}-\d{4}")
"""Tabellencodes von GENESIS-Online (Destatis) wie ``12411-0013`` – ohne regionale Tiefe."""


def _table_code(titel: list[_Record]) -> str | None:
    """Der Tabellencode aus ``GENESIS-Tabelle: …`` (bis etwa 2023) oder ``Tabelle: …`` (2026)."""
    for satz in titel[:3]:
        treffer = _TABELLENZEILE.fullmatch(satz.felder[0].strip())
        if treffer:
            return treffer.group("code").rstrip(";,.") or None
    return None


def _header_meta(titel: list[_Record]) -> dict[str, object]:
    tabelle = _table_code(titel)
    zeilen = []
    for satz in titel:
        text = satz.felder[0].strip()
        if _TABELLENZEILE.fullmatch(text) and tabelle and tabelle in text:
            continue
        if not _is_time(text):
            zeilen.append(text)
    return {"tabelle": tabelle, "titel": "\n".join(zeilen)}


def _footer_meta(fuss: list[_Record]) -> dict[str, object]:
    stand = quelle = None
    noten = []
    for satz in fuss:
        text = ";".join(satz.felder).strip().rstrip(";").strip()
        treffer = re.search(r"Stand:\s*(.+?)\s*$", text)
        if "©" in text:
            quelle = re.split(r"\s*\|\s*Stand:", text)[0].strip()
        if treffer and (text.startswith("Stand:") or "©" in text):
            stand = treffer.group(1)
        elif "©" not in text and text and not text.startswith("___"):
            noten.append(text)
    return {
        "stand": stand,
        "stand_datum": _iso_date(stand),
        "quelle": quelle,
        "fussnoten": "\n".join(noten),
    }


def _iso_date(text: str | None) -> str | None:
    """``"23.03.2026 / 09:01:36"`` → ``"2026-03-23"``; sonst ``None``."""
    treffer = re.search(r"(\d{1,2})\.(\d{1,2})\.(\d{4})", text or "")
    if not treffer:
        return None
    tag, monat, jahr = (int(t) for t in treffer.groups())
    if not (1 <= monat <= 12 and 1 <= tag <= 31):
        return None
    return f"{jahr:04d}-{monat:02d}-{tag:02d}"


def _check_duplicates(tabelle: pd.DataFrame, zeilen: Sequence[int], pfad: Path) -> None:
    schluessel = [c for c in tabelle.columns if c not in ("name", "stufe", "wert", "zeichen")]
    doppelt = tabelle.duplicated(subset=schluessel, keep=False).to_numpy()
    if doppelt.any():
        erste, zweite = np.flatnonzero(doppelt)[:2]
        zeile = tabelle.iloc[erste]
        raise _fehler(
            pfad,
            f"das Gebiet {zeile['ags']} ({zeile['name']}) steht mit derselben Zeit und "
            f"Gliederung zweimal in der Tabelle (auch Zeile {zeilen[zweite]}).",
            zeilen[erste],
        )


# --- Flatfile (ffcsv) ----------------------------------------------------------

_REGIONALCODES = re.compile(r"(?:DINSG|DLAND|REGBEZ|KREISE|GEMEIN|GEMVB|GVB|FGEMEIN|GEO)\w*")
_ALTE_SPALTEN = {
    "Statistik_Code": "statistics_code",
    "Statistik_Label": "statistics_label",
    "Zeit_Code": "time_code",
    "Zeit_Label": "time_label",
    "Zeit": "time",
}


def _is_flatfile(saetze: list[_Record]) -> bool:
    kopf = next((s for s in saetze if not s.leer()), None)
    if kopf is None:
        return False
    namen = {f.strip() for f in kopf.felder}
    return ("value" in namen and ("time" in namen or "statistics_code" in namen)) or (
        "Zeit" in namen and "1_Merkmal_Code" in namen
    )


def _read_flat(saetze: list[_Record], pfad: Path, dateiname: str) -> pd.DataFrame:
    saetze = [s for s in saetze if not s.leer()]
    kopf = [f.strip() for f in saetze[0].felder]
    doppelt = sorted({k for k in kopf if kopf.count(k) > 1})
    if doppelt:
        raise _fehler(pfad, f"die Spalte {doppelt[0]} steht zweimal im Kopf.", saetze[0].zeile)
    for satz in saetze[1:]:
        if len(satz.felder) != len(kopf):
            raise _fehler(
                pfad,
                f"die Zeile hat {len(satz.felder)} Felder, die Kopfzeile {len(kopf)}.",
                satz.zeile,
            )
    if len(saetze) < 2:
        raise _fehler(pfad, "das Flatfile enthält keine Datenzeilen.")
    roh = pd.DataFrame([s.felder for s in saetze[1:]], columns=kopf, dtype=object)
    roh["_zeile"] = [s.zeile for s in saetze[1:]]
    if "value" not in kopf:
        roh = _melt_old_flat(roh, kopf, pfad)
    tabelle = _flat_table(roh, pfad)
    code = str(roh["statistics_code"].iloc[0]).strip() if "statistics_code" in roh else ""
    tabelle.attrs.update(
        {
            "tabelle": _flat_table_code(dateiname, code),
            "statistik": code or None,
            "wertmerkmale": _value_variables(roh),
            "merkmalcodes": _variable_codes(roh, tabelle.attrs["merkmale"]),
            "titel": str(roh["statistics_label"].iloc[0]).strip()
            if "statistics_label" in roh
            else "",
            "stand": None,
            "quelle": None,
            "fussnoten": "",
            "format": "ffcsv",
        }
    )
    merkmale = tabelle.attrs["merkmale"]
    tabelle.attrs["spaltenmerkmale"] = [n for n, b in merkmale.items() if b == "Wertmerkmal"]
    tabelle.attrs["zeilenmerkmale"] = [n for n, b in merkmale.items() if b != "Wertmerkmal"]
    tabelle.attrs["zeit_in_kopf"] = False
    return tabelle


_DATEICODE = re.compile(r"(?:[A-Z]{2}\d{3}|\d{5})(?:-[0-9A-Z]{1,4})*")


def _flat_table_code(dateiname: str, statistik: str) -> str | None:
    """Der Tabellencode aus dem Dateinamen (``21111-02-06-4_flat.csv``), wenn er zur Statistik
    im Flatfile passt; sonst die Statistik selbst (``21111``) – das Flatfile nennt nur sie."""
    treffer = _DATEICODE.match(Path(dateiname).stem)
    if treffer and (not statistik or treffer.group().startswith(statistik)):
        return treffer.group()
    return statistik or None


def _value_variables(roh: pd.DataFrame) -> dict[str, str]:
    """Die Wertmerkmale des Flatfiles: Code → Bezeichnung (``BEVSTD`` → „Bevölkerungsstand“)."""
    if "value_variable_code" not in roh:
        return {}
    labels = (
        roh["value_variable_label"] if "value_variable_label" in roh else roh["value_variable_code"]
    )
    paare = zip(roh["value_variable_code"].astype(str), labels.astype(str), strict=True)
    return {c.strip(): b.strip() for c, b in dict.fromkeys(paare)}


def _variable_codes(roh: pd.DataFrame, merkmale: dict[str, str]) -> dict[str, str]:
    """Zu jeder Merkmalsspalte der Code des Merkmals im Flatfile (``GES``, ``ALTX20``)."""
    codes: dict[str, str] = {}
    for nr in sorted(
        {m.group(1) for c in roh.columns if (m := re.fullmatch(r"(\d+)_variable_code", c))}
    ):
        label = set(
            roh.get(f"{nr}_variable_label", pd.Series(dtype=object)).astype(str).str.strip()
        )
        code = set(roh[f"{nr}_variable_code"].astype(str).str.strip()) - {""}
        for spalte, bezeichnung in merkmale.items():
            if len(label) == 1 and bezeichnung in label and len(code) == 1:
                codes[spalte] = code.pop()
                break
    return codes


def _melt_old_flat(roh: pd.DataFrame, kopf: list[str], pfad: Path) -> pd.DataFrame:
    """Das ältere Flatfile: eine Spalte ``CODE__Bezeichnung__Einheit`` je Wertmerkmal."""
    umbenannt = {alt: neu for alt, neu in _ALTE_SPALTEN.items() if alt in kopf}
    for name in kopf:
        treffer = re.fullmatch(r"(\d+)_(Merkmal|Auspraegung)_(Code|Label)", name)
        if treffer:
            nr, art, teil = treffer.groups()
            art = "variable" if art == "Merkmal" else "variable_attribute"
            umbenannt[name] = f"{nr}_{art}_{teil.lower()}"
    roh = roh.rename(columns=umbenannt)
    fest = [*umbenannt.values(), "_zeile"]
    wertspalten = [c for c in roh.columns if c not in fest and not c.endswith("__q")]
    if not wertspalten:
        raise _fehler(pfad, "das Flatfile hat keine Wertspalte.")
    teile = []
    for spalte in wertspalten:
        code, _, rest = spalte.partition("__")
        bezeichnung, _, einheit = rest.partition("__")
        teil = roh[fest].copy()
        teil["value"] = roh[spalte]
        teil["value_unit"] = einheit.replace("_", " ")
        teil["value_variable_code"] = code
        teil["value_variable_label"] = bezeichnung.replace("_", " ")
        q = f"{code}__{bezeichnung}__q"
        teil["value_q"] = roh[q] if q in roh else ""
        teile.append(teil)
    return pd.concat(teile, ignore_index=True)


def _flat_groups(roh: pd.DataFrame, pfad: Path) -> list[str]:
    """Die Nummern N der Merkmale; zu jedem gehören Code und Bezeichnung der Ausprägung."""
    nummern = sorted(
        {int(m.group(1)) for c in roh.columns if (m := re.fullmatch(r"(\d+)_variable_\w+", c))}
    )
    for nr in nummern:
        for teil in ("code", "label"):
            if f"{nr}_variable_attribute_{teil}" not in roh.columns:
                raise _fehler(pfad, f"im Kopf fehlt die Spalte {nr}_variable_attribute_{teil}.")
    return [str(n) for n in nummern]


def _region_group(roh: pd.DataFrame, gruppen: list[str]) -> str | None:
    """Das Gebietsmerkmal: am Regionalcode erkannt, sonst an Schlüsseln wie ``01001``."""
    for nr in gruppen:
        codes = {str(c).strip() for c in roh.get(f"{nr}_variable_code", [])} - {""}
        if codes and all(_REGIONALCODES.fullmatch(c) for c in codes):
            return nr
    for nr in gruppen:
        werte = roh[f"{nr}_variable_attribute_code"].astype(str).str.strip()
        if all(_AGS.fullmatch(w) for w in werte):
            return nr
    return None


def _flat_table(roh: pd.DataFrame, pfad: Path) -> pd.DataFrame:
    gruppen = _flat_groups(roh, pfad)
    region = _region_group(roh, gruppen)
    if region is None:
        raise _fehler(
            pfad,
            "im Flatfile fehlt ein Gebietsmerkmal (z. B. KREISE, GEMEIN, DLAND) – "
            "bimo liest nur regionale Tabellen.",
        )
    ags = roh[f"{region}_variable_attribute_code"].astype(str).str.strip()
    falsch = ~ags.map(lambda a: bool(_AGS.fullmatch(a)))
    if falsch.any():
        i = int(np.flatnonzero(falsch.to_numpy())[0])
        raise _fehler(
            pfad, f"„{ags.iloc[i]}“ ist kein Gebietsschlüssel.", int(roh["_zeile"].iloc[i])
        )
    werte, zeichen, schlecht = _parse_values(roh["value"].to_numpy(dtype=object), _ZAHL_FLAT)
    if schlecht is not None:
        raise _fehler(
            pfad,
            f"„{str(roh['value'].iloc[schlecht]).strip()}“ ist weder eine Zahl noch ein Zeichen "
            "der amtlichen Statistik.",
            int(roh["_zeile"].iloc[schlecht]),
        )
    zeichen = _with_quality(zeichen, roh)
    merkmale, bezeichnungen = _flat_breakdowns(roh, [g for g in gruppen if g != region])
    ebenen = [ebene_aus_ags(a) for a in ags]
    tabelle = _assemble(
        {
            "ags": ags.to_numpy(dtype=object),
            "name": roh[f"{region}_variable_attribute_label"].astype(str).str.strip(),
            "stufe": [_STUFE_JE_EBENE.get(e, 4) for e in ebenen],
            "zeit": roh["time"].astype(str).str.strip() if "time" in roh else [""] * len(roh),
            "einheit": roh["value_unit"].astype(str).str.strip()
            if "value_unit" in roh
            else [""] * len(roh),
            "wert": werte,
            "zeichen": zeichen,
        },
        merkmale,
        bezeichnungen,
    )
    if "value_variable_label" in roh and "wertmerkmal" not in merkmale:
        tabelle.attrs["wertmerkmal"] = str(roh["value_variable_label"].iloc[0]).strip()
    _check_duplicates(tabelle, roh["_zeile"].tolist(), pfad)
    reihenfolge = ["jahr", "zeit", "ags", *merkmale]
    return tabelle.sort_values(reihenfolge, kind="stable", ignore_index=True)


def _with_quality(zeichen: np.ndarray, roh: pd.DataFrame) -> np.ndarray:
    """Das Qualitätskennzeichen ``value_q`` (außer ``e`` = endgültig) ergänzt leere Zeichen."""
    if "value_q" not in roh:
        return zeichen
    q = roh["value_q"].astype(str).str.strip().to_numpy(dtype=object)
    nutzen = (zeichen == "") & (q != "") & (q != "e")
    return np.where(nutzen, q, zeichen)


def _flat_breakdowns(
    roh: pd.DataFrame, gruppen: list[str]
) -> tuple[dict[str, object], dict[str, str]]:
    bezeichnungen, spalten = [], []
    for nr in gruppen:
        label = roh.get(f"{nr}_variable_label")
        eindeutig = set(label.astype(str).str.strip()) if label is not None else set()
        bezeichnungen.append(eindeutig.pop() if len(eindeutig) == 1 else "")
        spalten.append(roh[f"{nr}_variable_attribute_label"].astype(str).str.strip().to_numpy())
    if "value_variable_code" in roh and roh["value_variable_code"].nunique() > 1:
        bezeichnungen.append("Wertmerkmal")
        spalten.append(roh["value_variable_label"].astype(str).str.strip().to_numpy())
    namen = _column_names(bezeichnungen)
    return dict(zip(namen, spalten, strict=True)), dict(zip(namen, bezeichnungen, strict=True))


# --------------------------------------------------------------------------
# Schreiben
# --------------------------------------------------------------------------


def schreibe_regionalstatistik(
    tabelle: pd.DataFrame,
    pfad: Path | str,
    *,
    tabelle_code: str,
    titel: str,
    stand: str,
    zeilenmerkmale: Sequence[str] = (),
    spaltenmerkmale: Sequence[str] = (),
    zeit_in_kopf: bool = False,
    quelle: str = QUELLE_STANDARD,
    hinweis: str = HINWEIS_STANDARD,
) -> Path:
    """Schreibt eine Langform als klassischen Regionaldatenbank-Export (latin-1, ``;``).

    Args:
        tabelle: Langform mit ``ags``, ``name``, ``wert`` und wahlweise ``zeit``
            bzw. ``jahr``, ``stufe`` bzw. ``ebene``, ``einheit``, ``zeichen`` und den
            Merkmalsspalten – so, wie :func:`lese_regionalstatistik` sie liefert.
        pfad: Zieldatei; sie wird atomar geschrieben (nie halb).
        tabelle_code: Code für die Zeile ``GENESIS-Tabelle: …``.
        titel: Titel; jede Zeile wird eine Titelzeile.
        stand: Text der letzten Zeile ``Stand: …``.
        zeilenmerkmale: Merkmale, die als Spalten vor den Werten stehen (ohne Überschrift).
        spaltenmerkmale: Merkmale, die als Kopfzeilen über den Wertspalten stehen –
            je Merkmal eine Kopfzeile, darüber seine Bezeichnung, wenn sie bekannt ist.
        zeit_in_kopf: Zeit als Kopfzeile über den Wertspalten statt als erste Spalte.
        quelle: ©-Vermerk im Fußteil. Für selbst erzeugte (synthetische) Daten bitte
            die eigene Quelle angeben.
        hinweis: Fußnote vor dem ©-Vermerk.

    Zellen: Zahl mit Dezimalkomma; ist ``zeichen`` gesetzt, das Zeichen (``-``,
    ``.``, ``x``, ``/``, ``...``) bzw. die Zahl mit Kennzeichen (``12,3p``,
    ``(12)``); ein fehlender Wert ohne Zeichen und eine Kombination, die in der
    Langform fehlt, werden ``.``. Namen werden je Ebene um zwei Leerzeichen
    eingerückt (Land 2, Regierungsbezirk 4, Kreis 6, Gemeinde 8).

    Raises:
        DatenFehler: Pflichtspalten fehlen, eine Zelle kommt doppelt vor, eine
            Einheit ist unbekannt oder ein Text lässt sich nicht in latin-1 schreiben.
    """
    pfad = Path(pfad)
    daten = _prepare_for_writing(tabelle, zeilenmerkmale, spaltenmerkmale)
    mit_zeit = daten["zeit"].ne("").any()
    zeile_schluessel = (["zeit"] if mit_zeit and not zeit_in_kopf else []) + [
        "ags",
        *zeilenmerkmale,
    ]
    spalten_schluessel = (["zeit"] if mit_zeit and zeit_in_kopf else []) + list(spaltenmerkmale)
    spalten = _unique_keys(daten, spalten_schluessel)
    zeilen = _unique_keys(daten, zeile_schluessel)
    zellen = _cell_texts(daten, zeile_schluessel, spalten_schluessel)
    breite = len(zeile_schluessel) + 1 + len(spalten)
    vorne = len(zeile_schluessel) + 1

    text: list[str] = [_line([f"GENESIS-Tabelle: {tabelle_code}"])]
    for zeile in str(titel).splitlines():
        text.append(_line([zeile] + [""] * (breite - 1)))
    for ebene, bezeichnung in _header_rows(spalten, spalten_schluessel, tabelle):
        if bezeichnung:
            text.append(_line([""] * vorne + [bezeichnung] * len(spalten)))
        text.append(_line([""] * vorne + ebene))
    einheiten = _units(daten, spalten_schluessel, spalten)
    if einheiten:
        text.append(_line([""] * vorne + einheiten))
    namen = daten.drop_duplicates("ags").set_index("ags")
    for schluessel in zeilen:
        werte = dict(zip(zeile_schluessel, schluessel, strict=True))
        ags = werte["ags"]
        eingerueckt = "  " * int(namen.at[ags, "stufe"]) + str(namen.at[ags, "name"])
        kopf = ([werte["zeit"]] if "zeit" in werte else []) + [ags, eingerueckt]
        kopf += [werte[m] for m in zeilenmerkmale]
        text.append(_line(kopf + [zellen.get((schluessel, s), ".") for s in spalten]))
    text += ["__________", _quoted(hinweis), _quoted(quelle), f"Stand: {stand}"]
    inhalt = "\n".join(text) + "\n"
    try:
        roh = inhalt.encode("cp1252")
    except UnicodeEncodeError as fehler:
        raise DatenFehler(
            f"„{fehler.object[fehler.start : fehler.end]}“ lässt sich nicht in der Kodierung "
            "der Regionaldatenbank (latin-1) schreiben."
        ) from None
    return schreibe_atomar(pfad, roh)


def _prepare_for_writing(
    tabelle: pd.DataFrame, zeilenmerkmale: Sequence[str], spaltenmerkmale: Sequence[str]
) -> pd.DataFrame:
    """Prüft die Pflichtspalten und ergänzt ``zeit``, ``stufe``, ``einheit`` und ``zeichen``."""
    if not isinstance(tabelle, pd.DataFrame) or tabelle.empty:
        raise DatenFehler("Zu schreiben ist eine nicht leere Tabelle (pandas.DataFrame).")
    pflicht = ["ags", "name", "wert", *zeilenmerkmale, *spaltenmerkmale]
    fehlend = [s for s in pflicht if s not in tabelle.columns]
    if fehlend:
        raise DatenFehler(f"Der Tabelle fehlen die Spalten: {', '.join(fehlend)}.")
    doppelt = set(zeilenmerkmale) & set(spaltenmerkmale)
    if doppelt or set(pflicht[3:]) & {"ags", "name", "wert", "zeit", "jahr", "zeichen"}:
        raise DatenFehler(
            "Ein Merkmal darf nur einmal und nicht als ags, name, wert, zeit, jahr oder "
            "zeichen angegeben werden."
        )
    daten = pd.DataFrame(index=tabelle.index)
    daten["ags"] = _text_column(tabelle["ags"], "ags")
    daten["name"] = tabelle["name"].fillna("").astype(str).str.strip()
    daten["zeit"] = _time_column(tabelle)
    daten["stufe"] = _level_column(tabelle, daten["ags"])
    daten["einheit"] = tabelle["einheit"].fillna("").astype(str) if "einheit" in tabelle else ""
    for merkmal in [*zeilenmerkmale, *spaltenmerkmale]:
        daten[merkmal] = tabelle[merkmal].fillna("").astype(str)
    daten["wert"] = _number_column(tabelle["wert"])
    daten["zeichen"] = (
        tabelle["zeichen"].fillna("").astype(str).str.strip() if "zeichen" in tabelle else ""
    )
    return daten.reset_index(drop=True)


def _number_column(spalte: pd.Series) -> pd.Series:
    zahlen = pd.to_numeric(spalte, errors="coerce").astype(float)
    keine_zahl = zahlen.isna() & spalte.notna()
    if keine_zahl.any():
        raise DatenFehler(
            f"Die Spalte wert enthält „{spalte[keine_zahl].iloc[0]}“ – das ist keine Zahl. "
            "Zeichen wie „.“ gehören in die Spalte zeichen."
        )
    return zahlen


def _text_column(spalte: pd.Series, name: str) -> pd.Series:
    if not all(isinstance(w, str) for w in spalte):
        raise DatenFehler(
            f'Die Spalte {name} muss Text enthalten (z. B. "09162"), keine Zahlen – sonst '
            "gehen führende Nullen verloren."
        )
    return spalte.astype(str).str.strip()


def _time_column(tabelle: pd.DataFrame) -> pd.Series:
    if "zeit" in tabelle:
        return tabelle["zeit"].fillna("").astype(str).str.strip()
    if "jahr" in tabelle:
        return tabelle["jahr"].map(lambda j: "" if pd.isna(j) else str(int(j)))
    return pd.Series("", index=tabelle.index)


def _level_column(tabelle: pd.DataFrame, ags: pd.Series) -> pd.Series:
    if "stufe" in tabelle:
        return pd.to_numeric(tabelle["stufe"], errors="coerce").fillna(0).astype(int)
    return ags.map(lambda a: _STUFE_JE_EBENE.get(ebene_aus_ags(a), 4))


def _unique_keys(daten: pd.DataFrame, spalten: list[str]) -> list[tuple]:
    if not spalten:
        return [()]
    return list(daten[spalten].drop_duplicates().itertuples(index=False, name=None))


def _cell_texts(
    daten: pd.DataFrame, zeilen: list[str], spalten: list[str]
) -> dict[tuple[tuple, tuple], str]:
    doppelt = daten.duplicated(subset=zeilen + spalten, keep=False)
    if doppelt.any():
        beispiel = daten.loc[doppelt, zeilen + spalten].iloc[0].to_dict()
        raise DatenFehler(
            f"Die Zelle {beispiel} kommt mehrmals vor. Fehlt ein Merkmal in "
            "zeilenmerkmale oder spaltenmerkmale?"
        )
    n = len(zeilen)
    auswahl = daten[[*zeilen, *spalten, "wert", "zeichen"]]
    zellen = {}
    for *schluessel, wert, zeichen in auswahl.itertuples(index=False, name=None):
        zellen[(tuple(schluessel[:n]), tuple(schluessel[n:]))] = _format_cell(wert, zeichen)
    return zellen


def _format_cell(wert: float, zeichen: str) -> str:
    if zeichen in FEHLENDE_ZEICHEN:
        return zeichen
    if zeichen == "-":
        if not (np.isnan(wert) or wert == 0):
            raise DatenFehler(f"Das Zeichen „-“ steht für eine echte Null, der Wert ist {wert}.")
        return "-"
    if np.isnan(wert):
        return "."
    zahl = _format_number(wert)
    if zeichen == "":
        return zahl
    if zeichen == "()":
        return f"({zahl})"
    if zeichen in ("p", "r", "s"):
        return f"{zahl}{zeichen}"
    raise DatenFehler(f"Unbekanntes Zeichen „{zeichen}“; bekannt sind: {', '.join(ZEICHEN)}.")


def _format_number(wert: float) -> str:
    if not np.isfinite(wert):
        raise DatenFehler(f"Der Wert {wert} lässt sich nicht schreiben.")
    if wert == int(wert) and abs(wert) < 1e15:
        return str(int(wert))
    return np.format_float_positional(wert, trim="-").replace(".", ",")


def _header_rows(
    spalten: list[tuple], schluessel: list[str], tabelle: pd.DataFrame
) -> list[tuple[list[str], str]]:
    """Je Spaltenmerkmal die Einträge über den Wertspalten und seine Bezeichnung."""
    bekannte = tabelle.attrs.get("merkmale") or {}
    zeilen = []
    for i, merkmal in enumerate(schluessel):
        eintraege = [str(s[i]) for s in spalten]
        bezeichnung = "" if merkmal == "zeit" else bekannte.get(merkmal) or merkmal
        if re.fullmatch(r"merkmal_\d+(?:_\d+)?", bezeichnung):
            bezeichnung = ""
        zeilen.append((eintraege, bezeichnung))
    return zeilen


def _units(daten: pd.DataFrame, schluessel: list[str], spalten: list[tuple]) -> list[str]:
    """Die Einheitenzeile; leer, wenn die Tabelle keine Einheiten nennt."""
    if not daten["einheit"].ne("").any():
        return []
    je_spalte: dict[tuple, set[str]] = {}
    for *s, einheit in daten[[*schluessel, "einheit"]].itertuples(index=False, name=None):
        je_spalte.setdefault(tuple(s), set()).add(einheit)
    einheiten = []
    for s in spalten:
        werte = sorted(je_spalte[s])
        if len(werte) != 1:
            raise DatenFehler(f"Die Wertspalte {s} hat mehrere Einheiten: {', '.join(werte)}.")
        if werte[0] and not _is_unit(werte[0]):
            raise DatenFehler(
                f"Die Einheit „{werte[0]}“ ist unbekannt; bekannt sind z. B. Anzahl, Prozent, "
                "EUR, Tsd. EUR, EUR je Einwohner."
            )
        einheiten.append(werte[0])
    return einheiten


def _line(felder: Sequence[str]) -> str:
    return ";".join(_field(f) for f in felder)


def _field(text: str) -> str:
    text = str(text)
    if ";" in text or "\n" in text or "\r" in text or text.startswith('"'):
        return '"' + text.replace('"', '""') + '"'
    return text


def _quoted(text: str) -> str:
    return '"' + str(text).replace('"', '""') + '"'
