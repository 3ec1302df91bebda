"""Die Kommandozeile ``bimo`` (Hilfe auf Deutsch)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from bimo.fehler import BimoFehler


class _DeutscherParser(argparse.ArgumentParser):
    """argparse mit deutschen Überschriften und Fehlermeldungen."""

    _UEBERSETZUNG = {
        "usage: ": "Aufruf: ",
        "options:": "Optionen:",
        "positional arguments:": "Argumente:",
        "optional arguments:": "Optionen:",
    }

    def __init__(self, *args, **kwargs) -> None:  # noqa: ANN002, ANN003
        kwargs.setdefault("add_help", False)
        super().__init__(*args, **kwargs)
        self.add_argument(
            "-h",
            "--help",
            action="help",
            default=argparse.SUPPRESS,
            help="diese Hilfe zeigen und beenden",
        )

    def _deutsch(self, text: str) -> str:
        for englisch, deutsch in self._UEBERSETZUNG.items():
            text = text.replace(englisch, deutsch)
        return text

    def format_usage(self) -> str:
        return self._deutsch(super().format_usage())

    def format_help(self) -> str:
        return self._deutsch(super().format_help())

    def error(self, message: str) -> None:  # type: ignore[override]
        message = (
            message.replace("the following arguments are required", "diese Angaben fehlen")
            .replace("one of the arguments", "eine der Angaben")
            .replace("is required", "ist nötig")
            .replace("unrecognized arguments", "unbekannte Angaben")
            .replace("invalid choice", "ungültige Wahl")
            .replace("choose from", "möglich sind")
            .replace("expected one argument", "erwartet einen Wert")
            .replace("not allowed with argument", "nicht zusammen mit")
        )
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: Fehler: {message}\n")


def _parser() -> argparse.ArgumentParser:
    from bimo import __version__, berichte

    parser = _DeutscherParser(
        prog="bimo", description="bimo – Werkstattbuch für kommunales Bildungsmonitoring."
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"bimo {__version__}",
        help="Version zeigen und beenden",
    )
    befehle = parser.add_subparsers(
        dest="befehl", metavar="BEFEHL", parser_class=_DeutscherParser, title="Befehle"
    )

    b = befehle.add_parser(
        "berichte",
        help="Berichte (z. B. Kommunalprofile) für Kommunen erzeugen",
        description="Erzeugt je Kommune einen Bericht als eigenständige HTML-Datei "
        "(<Schlüssel>.html) und eine Übersicht index.html. Alle Zahlen laufen "
        "durch die statistische Geheimhaltung.",
        epilog="Beispiele: bimo berichte --alle --ausgabe berichte/ · "
        'bimo berichte --vorlage bildungsjournal --thema "Frühkindliche Bildung" '
        "--kommune 17101 --ausgabe journal/ · "
        "bimo berichte --daten exporte/ --alle --jobs 2 --pdf --ausgabe profile/",
    )
    b.add_argument(
        "--vorlage",
        default="kommunalprofil",
        choices=sorted(berichte.VORLAGEN),
        help="Berichtsvorlage (Vorgabe: kommunalprofil)",
    )
    wahl = b.add_mutually_exclusive_group(required=True)
    wahl.add_argument(
        "--kommune",
        nargs="+",
        metavar="AGS",
        help="Gemeindeschlüssel einer oder mehrerer Kommunen, z. B. 17101",
    )
    wahl.add_argument(
        "--beispiele",
        action="store_true",
        help="alle Vorlagen, die das Buch veröffentlicht, für alle Kreise der Daten – je "
        "Vorlage in ihren Unterordner von --ausgabe (so baut make book die Beispielberichte)",
    )
    wahl.add_argument(
        "--alle", action="store_true", help="alle Kreise und kreisfreien Städte der Daten"
    )
    b.add_argument(
        "--daten",
        default="musterland",
        metavar="ORDNER|musterland",
        help="Datenbasis: „musterland“ (Vorgabe) oder ein Ordner mit CSV-Exporten der "
        "Regionaldatenbank (Tabellen 12411-02-03-4, 22543-01-02-4, 21111-02-06-4)",
    )
    b.add_argument(
        "--ausgabe", type=Path, required=True, metavar="ORDNER", help="Zielordner für die Berichte"
    )
    b.add_argument("--jahr", type=int, help="Berichtsjahr (Vorgabe: das neueste Jahr der Daten)")
    b.add_argument(
        "--thema",
        help="Themenfeld, z. B. „Frühkindliche Bildung“ (für das Bildungsjournal nötig; "
        "Vorgabe im Kommunalprofil: alle)",
    )
    b.add_argument(
        "--vergleich",
        metavar="aehnliche|land|AGS,AGS",
        help="womit verglichen wird: ähnliche Kommunen und Land (Vorgabe), nur das Land "
        "oder die genannten Kommunen",
    )
    b.add_argument(
        "--mindestfallzahl",
        type=int,
        help="kleinste Fallzahl, die veröffentlicht wird (Vorgabe: 3)",
    )
    b.add_argument(
        "--jobs",
        type=int,
        default=1,
        metavar="N",
        help="so viele Berichte gleichzeitig, je Prozess ein Python-Kernel (Vorgabe: 1)",
    )
    b.add_argument(
        "--cluster",
        metavar="ADRESSE",
        help="Berichte auf einem Dask-Cluster bauen, z. B. tcp://rechner:8786 (Adresse des "
        "Schedulers). Die Worker brauchen dieselbe bimo-Installation, der Ausgabeordner "
        "muss auf einem gemeinsamen Dateisystem liegen; --jobs gilt dann nicht.",
    )
    b.add_argument(
        "--fortsetzen",
        action="store_true",
        help="fertige Berichte überspringen, deren Vorlage, Parameter und Daten "
        "sich seit dem letzten Lauf nicht geändert haben",
    )
    b.add_argument(
        "--pdf",
        action="store_true",
        help="zusätzlich je Bericht ein druckfertiges PDF (braucht Chromium aus Debian)",
    )
    b.add_argument(
        "--docx",
        action="store_true",
        help="zusätzlich je Bericht eine Word-Datei (Überschriften, Tabellen, Grafiken, Quellen)",
    )
    b.add_argument(
        "--ohne-fortschritt", action="store_true", help="keinen Fortschrittsbalken zeigen"
    )

    s = befehle.add_parser(
        "steckbriefe",
        help="Steckbrief-Seiten der Indikatoren neu erzeugen",
        description="Schreibt je Indikator des Registers eine Steckbrief-Seite und eine "
        "Übersicht (Vorgabe: book/steckbriefe/).",
    )
    s.add_argument("--ziel", type=Path, help="Zielordner (Vorgabe: book/steckbriefe)")

    d = befehle.add_parser(
        "daten",
        help="eigene Exporte prüfen (daten pruefen ORDNER) oder Musterland neu erzeugen",
        description="bimo daten pruefen ORDNER: listet jede Datei eines Ordners mit Exporten "
        "der Regionaldatenbank auf – Tabelle, Stand, Jahre, Gebiete, welche Kennzahlen sie "
        "speist oder warum sie nicht verwendet wird. Ohne Unterbefehl: erzeugt die "
        "synthetischen Musterland-Daten reproduzierbar (Byte für Byte gleich) neu.",
    )
    d_befehle = d.add_subparsers(dest="daten_befehl", title="Unterbefehle", metavar="")
    dp = d_befehle.add_parser(
        "pruefen",
        help="Inventar eines Ordners mit Exporten (oder einer Datei)",
        description="Liest jede Datei des Ordners wie `bimo berichte --daten ORDNER` und sagt "
        "je Datei: Tabelle, Stand, Jahre, Gebiete und welche Kennzahlen sie speist – oder "
        "warum sie nicht verwendet wird. Am Ende: für wie viele Kreise Profile entstehen.",
    )
    dp.add_argument(
        "pfad", type=Path, metavar="ORDNER", help="Ordner mit Exporten (oder eine Datei)"
    )
    d.add_argument(
        "--ziel",
        type=Path,
        help="Zielordner (Vorgabe: der Musterland-Ordner des Pakets)",
    )
    d.add_argument(
        "--gross",
        type=int,
        metavar="N",
        help="statt Musterland ein synthetisches Land mit N Kreisen als Exporte der "
        "Regionaldatenbank schreiben (für Messungen und den Ordner-Import; braucht --ziel)",
    )
    d.add_argument("--seed", type=int, default=0, help="Startwert des Zufalls (Vorgabe: 0)")
    d.add_argument(
        "--feindlicher-name",
        action="store_true",
        help="einem Kreis einen Namen mit HTML und Anführungszeichen geben (Maskierungstests)",
    )
    return parser


def _berichte(args: argparse.Namespace) -> int:
    from bimo.berichte import lauf as berichtslauf

    kommunen = None if args.alle else args.kommune
    angaben = (
        ("jahr", args.jahr),
        ("mindestfallzahl", args.mindestfallzahl),
        ("thema", args.thema),
        ("vergleich", args.vergleich),
        ("daten", args.daten),
    )
    parameter = {k: v for k, v in angaben if v is not None}
    if args.beispiele:
        return _beispiele(args, parameter)
    ergebnisse = berichtslauf.baue_berichte(
        args.vorlage,
        kommunen,
        args.ausgabe,
        parameter=parameter,
        fortschritt=not args.ohne_fortschritt,
        jobs=args.jobs,
        fortsetzen=args.fortsetzen,
        pdf=args.pdf,
        docx=args.docx,
        cluster=args.cluster,
    )
    fertig = [e for e in ergebnisse if e.ok]
    unveraendert = sum(e.uebersprungen for e in ergebnisse)
    zusatz = f", davon {unveraendert} unverändert übernommen" if unveraendert else ""
    print(
        f"{len(fertig)} von {len(ergebnisse)} Berichten erstellt in {args.ausgabe}{zusatz} "
        f"(Übersicht: {args.ausgabe / 'index.html'})."
    )
    for e in ergebnisse:
        if not e.ok:
            print(f"  fehlgeschlagen: {e.kommune} {e.name}: {e.fehler}", file=sys.stderr)
    return 0 if len(fertig) == len(ergebnisse) else 1


def _beispiele(args: argparse.Namespace, parameter: dict[str, object]) -> int:
    """Jede Vorlage mit ``beispiel`` im Register, für alle Kreise, in ihren Unterordner."""
    from bimo.berichte import lauf as berichtslauf
    from bimo.berichte import vorlagen
    from bimo.kern import pdf

    try:
        mit_pdf = args.pdf or bool(pdf.chromium())
    except BimoFehler:
        mit_pdf = False  # ohne Chromium: die Beispiele ohne PDF
    fehlgeschlagen = 0
    for vorlage in vorlagen.beispiele():
        beispiel = vorlage.beispiel
        ziel = args.ausgabe / beispiel.ordner
        ergebnisse = berichtslauf.baue_berichte(
            vorlage.name,
            None,
            ziel,
            parameter={**parameter, **beispiel.parameter},
            fortschritt=not args.ohne_fortschritt,
            jobs=args.jobs,
            fortsetzen=args.fortsetzen,
            pdf=beispiel.pdf and mit_pdf,
        )
        fertig = sum(e.ok for e in ergebnisse)
        fehlgeschlagen += len(ergebnisse) - fertig
        print(f"{vorlage.titel_mehrzahl}: {fertig} von {len(ergebnisse)} erstellt in {ziel}.")
        for e in ergebnisse:
            if not e.ok:
                print(f"  fehlgeschlagen: {e.kommune} {e.name}: {e.fehler}", file=sys.stderr)
    return 0 if fehlgeschlagen == 0 else 1


def _daten(args: argparse.Namespace) -> int:
    from bimo import daten

    if getattr(args, "daten_befehl", None) == "pruefen":
        return _daten_pruefen(args.pfad)
    if args.gross is not None:
        from bimo.daten.gross import erzeuge_grosses_land
        from bimo.fehler import ParameterFehler

        if args.ziel is None:
            raise ParameterFehler("Mit --gross bitte einen Zielordner angeben: --ziel ORDNER.")
        dateien = erzeuge_grosses_land(
            args.ziel, args.gross, seed=args.seed, feindlicher_name=args.feindlicher_name
        )
        print(f"{len(dateien)} Dateien ({args.gross} Kreise) geschrieben nach {args.ziel}.")
        return 0
    ziel = args.ziel or daten.datenordner()
    dateien = daten.erzeuge_musterland(ziel)
    print(f"{len(dateien)} Dateien geschrieben nach {ziel}.")
    return 0


def _daten_pruefen(pfad: Path) -> int:
    """``bimo daten pruefen``: das Inventar und was daraus für die Berichte entsteht."""
    import tempfile

    from bimo.berichte import datenbasis
    from bimo.daten import inventar
    from bimo.fehler import ParameterFehler

    if not pfad.exists():
        raise ParameterFehler(f"„{pfad}“ gibt es nicht. Bitte einen Ordner mit Exporten angeben.")
    if pfad.is_file():  # eine Datei: allein in einem eigenen Ordner prüfen
        with tempfile.TemporaryDirectory(prefix="bimo-pruefen-") as tmp:
            (Path(tmp) / pfad.name).symlink_to(pfad.resolve())
            eintraege = inventar.inventar(tmp)
        print(inventar.als_text(eintraege))
        if eintraege[0].tabelle and not eintraege[0].grund.startswith("nicht lesbar"):
            print(
                "Für Berichte gehört die Datei in einen Ordner mit der Bevölkerungstabelle "
                "12411-02-03-4: bimo daten pruefen ORDNER."
            )
        return 0 if eintraege[0].tabelle else 1
    print(f"Inventar von {pfad}:")
    try:
        # ein Lesen des Ordners: die Datenbasis der Berichte trägt ihr Inventar schon
        basis = datenbasis.lade(pfad)
    except BimoFehler as fehler:
        print(inventar.als_text(inventar.inventar(pfad)))
        print(f"\nFür Berichte reicht das nicht: {fehler}")
        return 1
    print(inventar.als_text(list(basis.dateien)))
    print()
    kreise = set(basis.kreise["ags"])
    stadt = [n for a, n in (("02000", "Hamburg"), ("11000", "Berlin")) if a in kreise]
    mit = f" (darunter {' und '.join(stadt)})" if stadt else ""
    from bimo.indikatoren import indikator

    kennzahlen = "; ".join(indikator(k).name for k in sorted(basis.werte)) or "keine"
    print(
        f"bimo berichte --daten {pfad} --alle erstellt Profile für {len(kreise)} Kreise{mit} "
        f"mit {len(basis.werte)} Kennzahl{'' if len(basis.werte) == 1 else 'en'}: {kennzahlen}."
    )
    gemeindetabellen = sorted({str(e.tabelle) for e in basis.dateien if e.gemeinden})
    if gemeindetabellen:
        beispiel = next(e for e in basis.dateien if e.gemeinden)
        print(
            f"Dazu Gemeindeprofile aus {', '.join(gemeindetabellen)} "
            f"({beispiel.gemeinden} Gemeinden in der Datei): bimo berichte --daten {pfad} "
            "--kommune <achtstelliger Gemeindeschlüssel>."
        )
    for satz in basis.hinweise:
        print(f"Hinweis: {satz}")
    return 0


def _steckbriefe(args: argparse.Namespace) -> int:
    from bimo.buch import steckbriefe

    dateien = steckbriefe.schreibe(args.ziel or steckbriefe.ZIEL)
    print(f"{len(dateien)} Seiten geschrieben nach {args.ziel or steckbriefe.ZIEL}.")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if args.befehl is None:
        parser.print_help()
        return 2
    try:
        return {"berichte": _berichte, "daten": _daten, "steckbriefe": _steckbriefe}[args.befehl](
            args
        )
    except BimoFehler as fehler:
        print(f"bimo: Fehler: {fehler}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
