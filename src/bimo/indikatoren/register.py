"""Indikatoren des Bildungsmonitorings: ein Register, aus dem Berechnung,
Steckbriefe und Berichte schöpfen.

Jeder Indikator ist ein :class:`Indikator` mit Definition, Zähler, Nenner,
Quelle und Hinweisen; ``berechne()`` liefert eine Tabelle mit den Spalten
``ags``, ``jahr``, ``zaehler``, ``nenner`` und ``wert`` (für Kreise und, mit
``land=True``, das Land als Summe der Kreise).

Die Rechenfunktionen (``betreuungsquote``, ``jugendquotient``, ``uebergangsquote`` …)
nehmen ordentliche („tidy“) Tabellen mit den Spalten der Musterland-Daten. Echte Exporte
der Regionaldatenbank bringen ``bevoelkerung_aus_regionalstatistik``,
``kita_aus_regionalstatistik`` und ``abgaenger_aus_regionalstatistik`` in diese Form;
``Indikator.berechne(tabellen={...})`` rechnet dann mit ihnen statt mit Musterland.
"""

from __future__ import annotations

from bimo.fehler import ParameterFehler
from bimo.indikatoren.modell import (
    THEMENFELDER,
    Indikator,
    abgaenger_anteil,
    altenquotient,
    anteil_im_alter,
    anteil_nichtdeutsche,
    betreuungsquote,
    foerderschulbesuchsquote,
    jugendquotient,
    kinder_je_einrichtung,
    ohne_abschluss_quotensumme,
    sektoranteil,
    sgb2_quote_unter_15,
    uebergangsquote,
    vhs_je_1000_einwohner,
)

_HINWEIS_UEBER_100 = (
    "Kinder werden am Ort der Betreuung gezählt, die Bevölkerung am Wohnort: Betreuen "
    "Einrichtungen einer Stadt viele Kinder aus dem Umland, kann die Quote über 100 % liegen."
)
_HINWEIS_STICHTAG = (
    "Zähler und Nenner haben verschiedene Stichtage (01.03. und 31.12. des Vorjahres); "
    "Geburten und Umzüge dazwischen verschieben die Quote leicht."
)
_HINWEIS_SCHULORT = (
    "Gezählt wird am Ort der Schule, nicht am Wohnort: Kreise mit Schulen für das Umland "
    "(oft kreisfreie Städte) sind verzerrt."
)
_HINWEIS_LAENDER = (
    "Schularten und Übergangsregeln unterscheiden sich von Land zu Land; Quoten "
    "verschiedener Länder nie ohne Erläuterung vergleichen."
)
_HINWEIS_ZWEI_DEFINITIONEN = (
    "Es gibt zwei Definitionen: (a) Anteil an allen Abgängern, gezählt am Ort der Schule "
    "(„ohne_abschluss_anteil“), und (b) das Quotensummenverfahren der KMK, Anteil an der "
    "gleichaltrigen Bevölkerung („ohne_abschluss_quotensumme“). Immer angeben, welche gemeint ist."
)
_HINWEIS_FOERDERSCHULEN = (
    "Förderschulen verzerren den Vergleich: Viele Abgänger ohne Ersten Schulabschluss haben "
    "einen Förderschulabschluss; wo Förderschulen stehen, steigt der Anteil."
)
_HINWEIS_IABE = (
    "Die vier Sektoren der integrierten Ausbildungsberichterstattung (iABE): "
    "Berufsausbildung, Übergangsbereich, Erwerb der Hochschulzugangsberechtigung, Studium; "
    "berufliche Schulen am Schulort, Studium am Hochschulort gezählt."
)
_HINWEIS_ALTERSGRENZEN = (
    "Die Altersgrenzen unterscheiden sich zwischen Quellen (etwa 15 oder 20 Jahre als untere, "
    "65 oder 67 als obere Grenze): hier unter 20 und 20 bis unter 65 Jahre – beim Vergleich "
    "immer die Grenzen nennen."
)
_HINWEIS_VHS = (
    "Nur Volkshochschulen; andere Träger der Weiterbildung fehlen. 2020–2022 brach das "
    "Angebot durch die Pandemie ein."
)
_HINWEIS_VHS_UNGEPRUEFT = (
    "Die Kennzahl „je 1.000 Einwohner“ ist eine übliche Form; dass die VHS-Statistik des DIE "
    "sie genau so ausweist, ist nicht belegt (ungeprüft)."
)
_MUSTERLAND = "hier: Musterland"


def alle_indikatoren() -> tuple[Indikator, ...]:  # noqa: PLR0915 – eine lange Liste, kein Ablauf
    bev = ("bevoelkerung",)
    return (
        Indikator(
            kennung="jugendquotient",
            name="Jugendquotient",
            themenfeld="Rahmenbedingungen/Demografie",
            definition="Personen unter 20 Jahren je 100 Personen von 20 bis unter 65 Jahren.",
            zaehler="Einwohner unter 20 Jahren am 31.12.",
            nenner="Einwohner von 20 bis unter 65 Jahren am 31.12.",
            quelle=f"Regionaldatenbank 12411 (Bevölkerungsstand); {_MUSTERLAND}",
            stichtag="31.12.",
            einheit="je 100 Personen von 20 bis unter 65 Jahren",
            hinweise=(_HINWEIS_ALTERSGRENZEN,),
            lesart="Je höher, desto mehr junge Menschen kommen auf die Bevölkerung im "
            "Erwerbsalter; kein Urteil „gut“ oder „schlecht“.",
            tabellen=bev,
            _berechne=lambda bevoelkerung: jugendquotient(bevoelkerung),
        ),
        Indikator(
            kennung="altenquotient",
            name="Altenquotient",
            themenfeld="Rahmenbedingungen/Demografie",
            definition="Personen ab 65 Jahren je 100 Personen von 20 bis unter 65 Jahren.",
            zaehler="Einwohner ab 65 Jahren am 31.12.",
            nenner="Einwohner von 20 bis unter 65 Jahren am 31.12.",
            quelle=f"Regionaldatenbank 12411 (Bevölkerungsstand); {_MUSTERLAND}",
            stichtag="31.12.",
            einheit="je 100 Personen von 20 bis unter 65 Jahren",
            hinweise=(_HINWEIS_ALTERSGRENZEN.replace("unter 20 und 20", "ab 65 und 20"),),
            lesart="Je höher, desto mehr Ältere kommen auf die Bevölkerung im Erwerbsalter.",
            tabellen=bev,
            _berechne=lambda bevoelkerung: altenquotient(bevoelkerung),
        ),
        Indikator(
            kennung="anteil_unter_18",
            name="Anteil der unter 18-Jährigen",
            themenfeld="Rahmenbedingungen/Demografie",
            definition="Anteil der Einwohner unter 18 Jahren an allen Einwohnern.",
            zaehler="Einwohner unter 18 Jahren am 31.12.",
            nenner="Einwohner insgesamt am 31.12.",
            quelle=f"Regionaldatenbank 12411 (Bevölkerungsstand); {_MUSTERLAND}",
            stichtag="31.12.",
            einheit="%",
            hinweise=("Zeigt die Größe der Zielgruppe von Kita und Schule, nicht ihren Bedarf.",),
            lesart="Je höher, desto größer der Anteil von Kindern und Jugendlichen.",
            tabellen=bev,
            _berechne=lambda bevoelkerung: anteil_im_alter(bevoelkerung, 0, 18),
        ),
        Indikator(
            kennung="anteil_nichtdeutsche",
            name="Anteil der Einwohner ohne deutsche Staatsangehörigkeit",
            themenfeld="Rahmenbedingungen/Demografie",
            definition="Anteil der Einwohner ohne deutsche Staatsangehörigkeit an allen "
            "Einwohnern.",
            zaehler="Nichtdeutsche Einwohner am 31.12.",
            nenner="Einwohner insgesamt am 31.12.",
            quelle=f"Regionaldatenbank 12411 (Bevölkerungsstand); {_MUSTERLAND}",
            stichtag="31.12.",
            einheit="%",
            hinweise=(
                "Staatsangehörigkeit ist nicht Migrationshintergrund: Eingebürgerte und viele "
                "Kinder zugewanderter Eltern sind Deutsche.",
            ),
            lesart="Je höher, desto mehr Einwohner ohne deutschen Pass; kein Bildungsmaß.",
            tabellen=bev,
            _berechne=lambda bevoelkerung: anteil_nichtdeutsche(bevoelkerung),
        ),
        Indikator(
            kennung="betreuungsquote_u3",
            name="Betreuungsquote der Kinder unter 3 Jahren",
            themenfeld="Frühkindliche Bildung",
            definition="Anteil der Kinder unter 3 Jahren in Kindertageseinrichtungen oder in "
            "öffentlich geförderter Kindertagespflege an allen Kindern dieses Alters.",
            zaehler="Kinder unter 3 Jahren in Kindertageseinrichtungen und Kindertagespflege "
            "am 01.03. (ohne Doppelzählungen)",
            nenner="Kinder unter 3 Jahren in der Bevölkerung am 31.12. des Vorjahres",
            quelle="Regionaldatenbank 22543-01-02-4 (Kinder) und 12411 (Bevölkerung); "
            "hier: Musterland",
            stichtag="01.03.",
            einheit="%",
            hinweise=(
                _HINWEIS_STICHTAG,
                "Seit dem 01.08.2013 besteht ein Rechtsanspruch auf Förderung ab dem "
                "vollendeten ersten Lebensjahr; Zeitreihen davor sind anders zu lesen.",
            ),
            lesart="Je höher, desto mehr Kinder dieses Alters werden betreut.",
            tabellen=("kindertagesbetreuung", "bevoelkerung"),
            _berechne=lambda kindertagesbetreuung, bevoelkerung: betreuungsquote(
                kindertagesbetreuung, bevoelkerung, "unter 3"
            ),
        ),
        Indikator(
            kennung="betreuungsquote_3_6",
            name="Betreuungsquote der Kinder von 3 bis unter 6 Jahren",
            themenfeld="Frühkindliche Bildung",
            definition="Anteil der Kinder von 3 bis unter 6 Jahren in Kindertageseinrichtungen "
            "oder öffentlich geförderter Kindertagespflege an allen Kindern dieses Alters.",
            zaehler="Kinder von 3 bis unter 6 Jahren in Kindertageseinrichtungen und "
            "Kindertagespflege am 01.03. (ohne Doppelzählungen)",
            nenner="Kinder von 3 bis unter 6 Jahren in der Bevölkerung am 31.12. des Vorjahres",
            quelle="Regionaldatenbank 22543-01-02-4 (Kinder) und 12411 (Bevölkerung); "
            "hier: Musterland",
            stichtag="01.03.",
            einheit="%",
            hinweise=(_HINWEIS_UEBER_100, _HINWEIS_STICHTAG),
            lesart="Je höher, desto mehr Kinder dieses Alters werden betreut; über 100 % "
            "heißt: Kinder aus anderen Kreisen werden hier betreut.",
            tabellen=("kindertagesbetreuung", "bevoelkerung"),
            _berechne=lambda kindertagesbetreuung, bevoelkerung: betreuungsquote(
                kindertagesbetreuung, bevoelkerung, "3 bis unter 6"
            ),
        ),
        Indikator(
            kennung="kinder_je_kita",
            name="Betreute Kinder je Kindertageseinrichtung",
            themenfeld="Frühkindliche Bildung",
            definition="Kinder in Kindertageseinrichtungen (alle Altersgruppen, mit Hortkindern) "
            "je Einrichtung.",
            zaehler="Betreute Kinder in Kindertageseinrichtungen am 01.03.",
            nenner="Kindertageseinrichtungen am 01.03.",
            quelle="Regionaldatenbank 22543 (Kinder) und 22541 (Einrichtungen); hier: Musterland",
            stichtag="01.03.",
            einheit="Kinder je Einrichtung",
            hinweise=(
                "Ein Durchschnitt: Er sagt nichts über die Spannweite von kleinen "
                "Elterninitiativen bis zu großen Häusern.",
                "Kinder in Kindertagespflege zählen nicht mit.",
            ),
            lesart="Je höher, desto größer im Mittel die Einrichtungen; kein Maß für Qualität.",
            tabellen=("kindertagesbetreuung", "kita_einrichtungen"),
            _berechne=lambda kindertagesbetreuung, kita_einrichtungen: kinder_je_einrichtung(
                kindertagesbetreuung, kita_einrichtungen
            ),
            faktor=1,
        ),
        Indikator(
            kennung="uebergangsquote_gymnasium",
            name="Übergangsquote auf das Gymnasium",
            themenfeld="Allgemeinbildende Schulen",
            definition="Anteil der Übergänge von der Grundschule in Klasse 5 des Gymnasiums an "
            "allen Übergängen in Klasse 5.",
            zaehler="Übergänge in Klasse 5 eines Gymnasiums zum Schuljahresbeginn",
            nenner="Übergänge in Klasse 5 aller weiterführenden Schularten (ohne Förderschulen)",
            quelle=f"Schulstatistik der Länder (Übergänge nach Klasse 4); {_MUSTERLAND}",
            stichtag="Schuljahresbeginn",
            einheit="%",
            hinweise=(_HINWEIS_LAENDER, _HINWEIS_SCHULORT),
            lesart="Je höher, desto mehr Kinder wechseln aufs Gymnasium; die Anteile aller "
            "Schularten ergeben zusammen 100 %.",
            tabellen=("uebergaenge",),
            _berechne=lambda uebergaenge: uebergangsquote(uebergaenge, "Gymnasium"),
        ),
        Indikator(
            kennung="uebergangsquote_realschule",
            name="Übergangsquote auf die Realschule",
            themenfeld="Allgemeinbildende Schulen",
            definition="Anteil der Übergänge von der Grundschule in Klasse 5 der Realschule an "
            "allen Übergängen in Klasse 5.",
            zaehler="Übergänge in Klasse 5 einer Realschule zum Schuljahresbeginn",
            nenner="Übergänge in Klasse 5 aller weiterführenden Schularten (ohne Förderschulen)",
            quelle=f"Schulstatistik der Länder (Übergänge nach Klasse 4); {_MUSTERLAND}",
            stichtag="Schuljahresbeginn",
            einheit="%",
            hinweise=(_HINWEIS_LAENDER, _HINWEIS_SCHULORT),
            lesart="Je höher, desto mehr Kinder wechseln auf die Realschule; die Anteile "
            "aller Schularten ergeben zusammen 100 %.",
            tabellen=("uebergaenge",),
            _berechne=lambda uebergaenge: uebergangsquote(uebergaenge, "Realschule"),
        ),
        Indikator(
            kennung="foerderschulbesuchsquote",
            name="Förderschulbesuchsquote",
            themenfeld="Allgemeinbildende Schulen",
            definition="Anteil der Schülerinnen und Schüler an Förderschulen an allen "
            "Schülerinnen und Schülern der Klassenstufen 1 bis 10.",
            zaehler="Schüler an Förderschulen, Klassenstufen 1 bis 10",
            nenner="Schüler allgemeinbildender Schulen, Klassenstufen 1 bis 10",
            quelle=f"Regionaldatenbank 21111 (Allgemeinbildende Schulen); {_MUSTERLAND}",
            stichtag="Schuljahresbeginn",
            einheit="%",
            hinweise=(
                "Nicht zu verwechseln mit der Förderquote: Kinder mit sonderpädagogischem "
                "Förderbedarf, die inklusiv an Regelschulen lernen, zählen hier nicht.",
                _HINWEIS_SCHULORT,
            ),
            lesart="Je höher, desto mehr Kinder lernen getrennt an Förderschulen.",
            tabellen=("schueler",),
            _berechne=lambda schueler: foerderschulbesuchsquote(schueler),
        ),
        Indikator(
            kennung="ohne_abschluss_anteil",
            name="Abgänger ohne Ersten Schulabschluss (Anteil an allen Abgängern)",
            themenfeld="Allgemeinbildende Schulen",
            definition="Anteil der Abgänger ohne Ersten Schulabschluss (früher: ohne "
            "Hauptschulabschluss) an allen Absolventen und Abgängern allgemeinbildender Schulen.",
            zaehler="Abgänger ohne Ersten Schulabschluss am Schuljahresende",
            nenner="Absolventen und Abgänger insgesamt am Schuljahresende",
            quelle=f"Regionaldatenbank 21111-02-06-4; Regionalatlas AI003-2; {_MUSTERLAND}",
            stichtag="Schuljahresende",
            einheit="%",
            hinweise=(_HINWEIS_ZWEI_DEFINITIONEN, _HINWEIS_SCHULORT, _HINWEIS_FOERDERSCHULEN),
            lesart="Je höher, desto mehr Jugendliche verlassen die Schule ohne Abschluss "
            "(ungünstig).",
            tabellen=("abgaenger",),
            _berechne=lambda abgaenger: abgaenger_anteil(abgaenger, "ohne Ersten Schulabschluss"),
        ),
        Indikator(
            kennung="ohne_abschluss_quotensumme",
            name="Abgänger ohne Ersten Schulabschluss (Anteil an der gleichaltrigen "
            "Bevölkerung, Näherung)",
            themenfeld="Allgemeinbildende Schulen",
            definition="Abgänger ohne Ersten Schulabschluss je 100 Personen eines "
            "Altersjahrgangs – eine Näherung des Quotensummenverfahrens der KMK.",
            zaehler="Abgänger ohne Ersten Schulabschluss am Schuljahresende",
            nenner="Mittlerer Altersjahrgang: Einwohner von 15 bis unter 18 Jahren am 31.12. "
            "des Vorjahres, geteilt durch 3",
            quelle="Regionaldatenbank 21111-02-06-4 (Abgänger) und 12411 (Bevölkerung); "
            f"{_MUSTERLAND}",
            stichtag="Schuljahresende",
            einheit="%",
            hinweise=(
                _HINWEIS_ZWEI_DEFINITIONEN,
                "Näherung: Die KMK teilt die Abgänger jedes Alters durch die Gleichaltrigen und "
                "summiert diese Quoten. Das Alter der Abgänger fehlt in Musterland; der Nenner "
                "ist daher der mittlere Jahrgang der 15- bis unter 18-Jährigen am 31.12. des "
                "Vorjahres (Einwohner 15 bis unter 18 ÷ 3). Werte nicht mit KMK-Zahlen "
                "gleichsetzen.",
                "Zähler am Ort der Schule, Nenner am Wohnort: Wanderungen zwischen Kreisen "
                "verzerren.",
            ),
            lesart="Je höher, desto mehr Jugendliche eines Jahrgangs verlassen die Schule ohne "
            "Abschluss (ungünstig).",
            tabellen=("abgaenger", "bevoelkerung"),
            _berechne=lambda abgaenger, bevoelkerung: ohne_abschluss_quotensumme(
                abgaenger, bevoelkerung
            ),
        ),
        Indikator(
            kennung="anteil_hochschulreife",
            name="Absolventen mit allgemeiner Hochschulreife (Anteil an allen Abgängern)",
            themenfeld="Allgemeinbildende Schulen",
            definition="Anteil der Absolventen mit allgemeiner Hochschulreife an allen "
            "Absolventen und Abgängern allgemeinbildender Schulen.",
            zaehler="Absolventen mit allgemeiner Hochschulreife am Schuljahresende",
            nenner="Absolventen und Abgänger insgesamt am Schuljahresende",
            quelle=f"Regionaldatenbank 21111-02-06-4; {_MUSTERLAND}",
            stichtag="Schuljahresende",
            einheit="%",
            hinweise=(
                "Nur allgemeinbildende Schulen: Hochschulreife an beruflichen Schulen fehlt "
                "(siehe iABE-Sektor „Erwerb der Hochschulzugangsberechtigung“).",
                _HINWEIS_SCHULORT,
            ),
            lesart="Je höher, desto mehr Absolventen erwerben das Abitur.",
            tabellen=("abgaenger",),
            _berechne=lambda abgaenger: abgaenger_anteil(abgaenger, "Allgemeine Hochschulreife"),
        ),
        Indikator(
            kennung="anteil_uebergangsbereich",
            name="Anteil des Übergangsbereichs an den Neuzugängen (iABE)",
            themenfeld="Berufliche Bildung",
            definition="Anteil der Anfänger im Übergangsbereich an allen Anfängern der vier "
            "Sektoren der integrierten Ausbildungsberichterstattung.",
            zaehler="Anfänger im Übergangsbereich (Maßnahmen ohne vollqualifizierenden Abschluss)",
            nenner="Anfänger in Berufsausbildung, Übergangsbereich, Erwerb der "
            "Hochschulzugangsberechtigung und Studium",
            quelle=f"Integrierte Ausbildungsberichterstattung (iABE, BIBB/Destatis); {_MUSTERLAND}",
            stichtag="Schuljahr bzw. Studienjahr",
            einheit="%",
            hinweise=(_HINWEIS_IABE, "Deutschland 2024: 13,6 % (BIBB)."),
            lesart="Je höher, desto mehr Jugendliche beginnen statt einer Ausbildung eine "
            "Übergangsmaßnahme (eher ungünstig).",
            tabellen=("ausbildungsanfaenger",),
            _berechne=lambda ausbildungsanfaenger: sektoranteil(
                ausbildungsanfaenger, "Übergangsbereich"
            ),
        ),
        Indikator(
            kennung="anteil_studienanfaenger",
            name="Anteil der Studienanfänger an den Neuzugängen (iABE)",
            themenfeld="Berufliche Bildung",
            definition="Anteil der Studienanfänger an allen Anfängern der vier Sektoren der "
            "integrierten Ausbildungsberichterstattung.",
            zaehler="Studienanfänger (am Hochschulort)",
            nenner="Anfänger in Berufsausbildung, Übergangsbereich, Erwerb der "
            "Hochschulzugangsberechtigung und Studium",
            quelle=f"Integrierte Ausbildungsberichterstattung (iABE, BIBB/Destatis); {_MUSTERLAND}",
            stichtag="Schuljahr bzw. Studienjahr",
            einheit="%",
            hinweise=(
                _HINWEIS_IABE,
                "Studienanfänger zählen am Hochschulort: Hochschulstädte liegen weit vorn, "
                "Kreise ohne Hochschule niedrig; die Quote sagt wenig über die eigene Jugend.",
            ),
            lesart="Je höher, desto größer das Gewicht der Hochschulen unter den Neuzugängen.",
            tabellen=("ausbildungsanfaenger",),
            _berechne=lambda ausbildungsanfaenger: sektoranteil(ausbildungsanfaenger, "Studium"),
        ),
        Indikator(
            kennung="vhs_belegungen_je_1000",
            name="Belegungen an Volkshochschulen je 1.000 Einwohner",
            themenfeld="Weiterbildung",
            definition="Belegungen von Kursen der Volkshochschulen im Kalenderjahr je 1.000 "
            "Einwohner.",
            zaehler="Kursbelegungen der Volkshochschulen im Kalenderjahr",
            nenner="Einwohner insgesamt am 31.12. des Jahres",
            quelle=f"VHS-Statistik (DIE); Bevölkerung 12411; {_MUSTERLAND}; Kennzahl „je 1.000 "
            "Einwohner“ ungeprüft",
            stichtag="Kalenderjahr",
            einheit="je 1.000 Einwohner",
            hinweise=(
                _HINWEIS_VHS,
                _HINWEIS_VHS_UNGEPRUEFT,
                "Belegungen sind keine Personen: Wer drei Kurse belegt, zählt dreimal.",
            ),
            lesart="Je höher, desto stärker wird das Angebot der Volkshochschulen genutzt.",
            tabellen=("weiterbildung", "bevoelkerung"),
            _berechne=lambda weiterbildung, bevoelkerung: vhs_je_1000_einwohner(
                weiterbildung, bevoelkerung, "Belegungen"
            ),
            faktor=1000,
        ),
        Indikator(
            kennung="vhs_unterrichtsstunden_je_1000",
            name="Unterrichtsstunden an Volkshochschulen je 1.000 Einwohner",
            themenfeld="Weiterbildung",
            definition="Unterrichtsstunden der Volkshochschulen im Kalenderjahr je 1.000 "
            "Einwohner.",
            zaehler="Unterrichtsstunden der Volkshochschulen im Kalenderjahr",
            nenner="Einwohner insgesamt am 31.12. des Jahres",
            quelle=f"VHS-Statistik (DIE); Bevölkerung 12411; {_MUSTERLAND}; Kennzahl „je 1.000 "
            "Einwohner“ ungeprüft",
            stichtag="Kalenderjahr",
            einheit="je 1.000 Einwohner",
            hinweise=(_HINWEIS_VHS, _HINWEIS_VHS_UNGEPRUEFT),
            lesart="Je höher, desto umfangreicher das Angebot der Volkshochschulen.",
            tabellen=("weiterbildung", "bevoelkerung"),
            _berechne=lambda weiterbildung, bevoelkerung: vhs_je_1000_einwohner(
                weiterbildung, bevoelkerung, "Unterrichtsstunden"
            ),
            faktor=1000,
        ),
        Indikator(
            kennung="sgb2_quote_unter_15",
            name="SGB-II-Quote der unter 15-Jährigen",
            themenfeld="Soziale Lage",
            definition="Nicht erwerbsfähige Leistungsberechtigte nach dem SGB II unter 15 "
            "Jahren je 100 Einwohner unter 15 Jahren.",
            zaehler="Nicht erwerbsfähige Leistungsberechtigte unter 15 Jahren im Dezember",
            nenner="Einwohner unter 15 Jahren am 31.12.",
            quelle="Statistik der Bundesagentur für Arbeit; Regionaldatenbank 22811 und 12411; "
            f"{_MUSTERLAND}",
            stichtag="Dezember",
            einheit="%",
            hinweise=(
                "Seit der Revision 2016 zählt die BA Kinder ohne eigenen Leistungsanspruch "
                "getrennt; Zeitreihen über 2016 hinweg nur mit Erläuterung.",
                "Zähler aus der BA-Statistik, Nenner aus der Bevölkerungsstatistik: kleine "
                "Unterschiede in der Abgrenzung sind möglich.",
            ),
            lesart="Je höher, desto mehr Kinder leben in Familien mit Grundsicherung (ungünstig).",
            tabellen=("sgb2", "bevoelkerung"),
            _berechne=lambda sgb2, bevoelkerung: sgb2_quote_unter_15(sgb2, bevoelkerung),
        ),
    )


REGISTER: dict[str, Indikator] = {i.kennung: i for i in alle_indikatoren()}


def indikator(kennung: str) -> Indikator:
    """Holt einen Indikator aus dem Register."""
    try:
        return REGISTER[kennung]
    except KeyError:
        bekannt = ", ".join(sorted(REGISTER))
        raise ParameterFehler(
            f"Unbekannter Indikator „{kennung}“. Bekannt sind: {bekannt}."
        ) from None


def nach_themenfeld() -> dict[str, list[Indikator]]:
    """Die Indikatoren des Registers nach Themenfeld, in der Reihenfolge von ``THEMENFELDER``."""
    return {feld: [i for i in REGISTER.values() if i.themenfeld == feld] for feld in THEMENFELDER}
