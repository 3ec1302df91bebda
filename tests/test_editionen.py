"""Eine Quelle, zwei Ausgaben: Übungen ohne Lösung für Teilnehmende, mit Lösung für Trainer.

Geprüft wird die Erzeugung der Kopien (``bimo.buch.editionen``), dass Kopien und Quellen
dieselben Aufgaben enthalten, dass keine Lösung in eine Kopie oder in das gebaute
öffentliche Buch gelangt (mit Lösungstext aus den Quellen, nicht mit festen Wörtern)
und dass der Trainerleitfaden jede Übung einplant.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import nbformat
import pytest
import yaml

from bimo.buch import editionen
from tests.conftest import HTML, WURZEL

QUELLEN = editionen.uebungsquellen(WURZEL)
AGENDEN = ["book/trainer/fachgruppe", "book/trainer/bildungswerkstatt", "book/trainer/onlinereihe"]
TRAINER_HTML = WURZEL / "_build" / "trainer" / "html"


def _lies(pfad: Path):
    return nbformat.read(pfad, as_version=4)


@pytest.fixture(scope="module")
def lernende(tmp_path_factory) -> Path:
    """Ein frisch erzeugter Quellbaum der Ausgabe für Teilnehmende."""
    ziel = tmp_path_factory.mktemp("lernende")
    editionen.schreibe_lernende(WURZEL, ziel)
    return ziel


# --- Der Erzeuger an einem kleinen Beispiel ---------------------------------------


def _beispiel():
    nb = nbformat.v4.new_notebook()
    nb.cells = [
        nbformat.v4.new_markdown_cell("# Übung\n\n````{exercise}\n:label: u\n\nRechnen!\n````"),
        nbformat.v4.new_code_cell("antwort = ...  # Ihre Zahl"),
        nbformat.v4.new_code_cell("zeige_aufgabe()"),
        nbformat.v4.new_markdown_cell(
            "Vor der Lösung.\n\n````{solution-start} u\n:class: dropdown\n````\n\nGeheimer Weg"
        ),
        nbformat.v4.new_code_cell("antwort = 6 * 7"),
        nbformat.v4.new_markdown_cell("Noch geheim.\n````{solution-end}\n````\n\nNach der Lösung."),
        nbformat.v4.new_code_cell("print(antwort * 2)", metadata={"tags": ["loesung"]}),
        nbformat.v4.new_markdown_cell("## Weiter"),
    ]
    nb.cells[4].outputs = [nbformat.v4.new_output("stream", text="42\n")]
    nb.metadata["widgets"] = {"application/vnd.jupyter.widget-state+json": {"state": {}}}
    return nb


def test_kopie_ohne_bloecke_und_loesungszellen():
    quelle = _beispiel()
    kopie = editionen.lernendenfassung(quelle, "beispiel.ipynb")
    texte = [z.source for z in kopie.cells if not editionen.ist_hinweis(z)]
    assert texte == [
        quelle.cells[0].source,
        "antwort = ...  # Ihre Zahl",
        "zeige_aufgabe()",
        "Vor der Lösung.",
        "Nach der Lösung.",
        "## Weiter",
    ]
    assert sum(editionen.ist_hinweis(z) for z in kopie.cells) == 1
    assert not editionen.hat_loesung(kopie)
    assert kopie.metadata["bimo"]["ausgabe"] == "lernende"
    assert "widgets" not in kopie.metadata
    nbformat.validate(kopie)
    assert editionen.aufgabenzellen(quelle) == editionen.aufgabenzellen(kopie)
    # die Quelle selbst bleibt unverändert
    assert len(quelle.cells) == 8 and "widgets" in quelle.metadata


def test_stellen_und_marken_des_beispiels():
    quelle = _beispiel()
    stellen = editionen.loesungsstellen(quelle)
    assert [(s.zelle, s.art) for s in stellen] == [
        (3, "block"),
        (4, "block"),
        (5, "block"),
        (6, "tag"),
    ]
    assert stellen[0].text.startswith("````{solution-start} u")
    marken = editionen.loesungsmarken(quelle, mindestlaenge=5)
    assert "antwort = 6 * 7" in marken and "print(antwort * 2)" in marken
    assert "Geheimer Weg" in marken and "Noch geheim" in marken
    assert not any("Vor der" in m or "Nach der" in m for m in marken)


def test_block_ohne_ende_wird_gemeldet():
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_markdown_cell("````{solution-start} u\n````\nLösung")]
    with pytest.raises(editionen.EditionFehler, match="solution-end"):
        editionen.lernendenfassung(nb, "kaputt.ipynb")


def test_kopie_ist_byte_gleich_bei_erneutem_lauf(tmp_path):
    assert len(editionen.schreibe_lernende(WURZEL, tmp_path)) == len(QUELLEN)
    assert editionen.schreibe_lernende(WURZEL, tmp_path) == []


# --- Quellen und Kopien -------------------------------------------------------------


def test_gleiche_uebungen_in_beiden_ausgaben(lernende):
    kopien = sorted(p.name for p in (lernende / "exercises").glob("uebung_*.ipynb"))
    assert kopien == [p.name for p in QUELLEN]
    assert len(QUELLEN) >= 20
    toc = (WURZEL / "_toc.yml").read_text(encoding="utf-8")
    for pfad in QUELLEN:
        assert f"exercises/{pfad.stem}\n" in toc, f"{pfad.name} fehlt im Inhaltsverzeichnis"


@pytest.mark.parametrize("quelle", QUELLEN, ids=lambda p: p.stem)
def test_kopie_hat_dieselben_aufgabenzellen(quelle, lernende):
    nb = _lies(quelle)
    kopie = _lies(lernende / "exercises" / quelle.name)
    assert editionen.loesungsstellen(nb), f"{quelle.name}: Quelle ohne Lösung"
    assert editionen.aufgabenzellen(nb, quelle.name) == editionen.aufgabenzellen(kopie)
    # alles außer dem Hinweis: dieselben Zellen, dieselbe Reihenfolge
    anzahl_aufgabe = len(editionen.aufgabenzellen(nb, quelle.name))
    assert len([z for z in kopie.cells if not editionen.ist_hinweis(z)]) == anzahl_aufgabe


@pytest.mark.parametrize("quelle", QUELLEN, ids=lambda p: p.stem)
def test_keine_loesung_in_der_kopie(quelle, lernende):
    nb = _lies(quelle)
    datei = lernende / "exercises" / quelle.name
    kopie = _lies(datei)
    assert not [z for z in kopie.cells if "loesung" in z.metadata.get("tags", [])]
    assert not [z for z in kopie.cells if re.search(r"\{solution", z.source)]
    roh = datei.read_text(encoding="utf-8")
    assert "{solution" not in roh
    # jede Code-Zeile der Lösung, die nicht auch in der Aufgabe steht
    aufgabe = "\n".join(q for _t, q in editionen.aufgabenzellen(nb, quelle.name))
    kopie_code = "\n".join(z.source for z in kopie.cells)
    for stelle in editionen.loesungsstellen(nb, quelle.name):
        if nb.cells[stelle.zelle].cell_type != "code":
            continue
        for zeile in stelle.text.splitlines():
            zeile = zeile.strip()
            if len(zeile) > 8 and not zeile.startswith("#") and zeile not in aufgabe:
                assert zeile not in kopie_code, f"{quelle.name}: Lösungszeile in der Kopie: {zeile}"
    assert editionen.loesungsmarken(nb, quelle.name), f"{quelle.name}: keine Marken"
    assert editionen.pruefe(WURZEL, lernende) == []


def test_platzhalter_bleiben_in_der_kopie(lernende):
    """Die Teilnehmenden sehen die Zellen „antwort = ...“ – nur die Lösung fehlt."""
    platzhalter = 0
    for quelle in QUELLEN:
        kopie = _lies(lernende / "exercises" / quelle.name)
        platzhalter += sum(
            bool(re.search(r"=\s*\.\.\.", z.source)) for z in kopie.cells if z.cell_type == "code"
        )
    assert platzhalter >= 15


# --- Inhaltsverzeichnisse der Ausgaben ---------------------------------------------


def _toc_dateien(toc: dict) -> list[str]:
    return [toc["root"]] + [d for t in toc["parts"] for d in editionen._toc_dateien(t["chapters"])]


def test_leitfaden_nur_in_der_trainerausgabe():
    oeffentlich = _toc_dateien(yaml.safe_load((WURZEL / "_toc.yml").read_text(encoding="utf-8")))
    trainer = _toc_dateien(editionen.trainer_toc(WURZEL))
    leitfaden = editionen.leitfaden_seiten(WURZEL)
    assert len(leitfaden) >= 6
    assert not set(leitfaden) & set(oeffentlich)
    assert set(leitfaden) <= set(trainer)
    zusatz = yaml.safe_load((WURZEL / "_toc_trainer.yml").read_text(encoding="utf-8"))
    assert set(oeffentlich) - set(zusatz["nur_oeffentlich"]) <= set(trainer)
    for seite in leitfaden + zusatz["nur_oeffentlich"]:
        assert (WURZEL / f"{seite}.md").exists(), seite
    konfig = editionen.trainer_config(WURZEL)
    assert "Trainer" in konfig["title"]
    assert konfig["execute"] == yaml.safe_load((WURZEL / "_config.yml").read_text())["execute"]


def _zeitbedarf(nb) -> str:  # noqa: ANN001
    treffer = re.search(r"\*\*Zeitbedarf:\*\*\s*([^\n]+?)\.?\s*$", nb.cells[0].source, re.M)
    return treffer.group(1) if treffer else ""


@pytest.mark.parametrize("quelle", QUELLEN, ids=lambda p: p.stem)
def test_jede_uebung_im_leitfaden_eingeplant(quelle):
    """Jede Übung steht in einem Ablaufplan oder ausdrücklich unter „Wahlweise“."""
    texte = {a: (WURZEL / f"{a}.md").read_text(encoding="utf-8") for a in AGENDEN}
    verweis = f"exercises/{quelle.stem}"
    in_plan = [a for a, t in texte.items() if verweis in t.split("## Wahlweise")[0]]
    wahlweise = [
        a for a, t in texte.items() if "## Wahlweise" in t and verweis in t.split("## Wahlweise")[1]
    ]
    assert in_plan or wahlweise, (
        f"{quelle.stem} steht in keinem Ablaufplan und nicht unter „Wahlweise“"
    )
    # das Register kennt die Übung; ihr Zeitbedarf steht einmal, im Notebook
    from bimo.uebungen import register

    eintrag = register.uebung(quelle.stem)
    assert eintrag.typische_fehler.strip(), f"{quelle.stem}: typische Fehler fehlen im Register"
    assert eintrag.zeitbedarf(WURZEL) == _zeitbedarf(_lies(quelle)) != ""


def test_uebungsregister_und_inhaltsverzeichnis_passen_zusammen():
    """Jede Übung im Register steht im Inhaltsverzeichnis und umgekehrt; die Übersicht im
    Trainerleitfaden kommt aus dem Register (Direktive, keine Abschrift)."""
    from bimo.uebungen import register

    toc = yaml.safe_load((WURZEL / "_toc.yml").read_text(encoding="utf-8"))
    im_toc = set(register.kapitel_der_uebungen(toc))
    im_register = {u.datei for u in register.UEBUNGEN}
    assert im_toc == im_register
    assert {f"exercises/{q.stem}" for q in QUELLEN} == im_register
    uebersicht = (WURZEL / "book/trainer/uebungen.md").read_text(encoding="utf-8")
    assert "```{bimo-uebungen}" in uebersicht
    assert "exercises/uebung_" not in uebersicht.split("## Mit der Trainerausgabe")[0]
    tabelle = register.uebersicht_markdown(WURZEL, toc)
    assert tabelle.count("\n") == len(register.UEBUNGEN) + 1


# --- Das gebaute öffentliche Buch ---------------------------------------------------


def _seitentext(pfad: Path) -> str:
    roh = pfad.read_text(encoding="utf-8", errors="replace")
    roh = re.sub(r"<script\b[^>]*>.*?</script>|<style\b[^>]*>.*?</style>", " ", roh, flags=re.S)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", "", roh)).split())


def _quelltext(pfad: Path) -> str:
    roh = pfad.read_text(encoding="utf-8", errors="replace")
    if pfad.suffix == ".ipynb":
        try:
            nb = nbformat.reads(roh, as_version=4)
        except Exception:  # noqa: BLE001 – dann eben der rohe Text
            nb = None
        if nb is not None:
            teile = [json.dumps(nb.metadata, ensure_ascii=False)]
            for z in nb.cells:
                teile += [z.source, editionen._ausgabetext(z)]
            roh = "\n".join(teile)
    return " ".join(roh.split())


def _oeffentliche_dateien() -> list[str]:
    return _toc_dateien(yaml.safe_load((WURZEL / "_toc.yml").read_text(encoding="utf-8")))


def _text_ausserhalb_der_loesungen() -> str:
    """Alles, was im öffentlichen Buch stehen darf: Seiten, Kapitel, Aufgabenteile."""
    teile = []
    for datei in _oeffentliche_dateien():
        for pfad in [WURZEL / f"{datei}.md", WURZEL / f"{datei}.ipynb"]:
            if pfad.suffix == ".md" and pfad.exists():
                teile.append(pfad.read_text(encoding="utf-8"))
            elif pfad.exists():
                nb = _lies(pfad)
                for i, art, aussen, _innen in editionen._zerlege(nb, pfad.name):
                    if not art:
                        teile.append(aussen)
                        teile.append(editionen._ausgabetext(nb.cells[i]))
    for glob in ("book/steckbriefe/indikatoren/*.md",):
        teile += [p.read_text(encoding="utf-8") for p in WURZEL.glob(glob)]
    return "\n".join(teile)


@pytest.fixture(scope="module")
def marken() -> dict[str, list[str]]:
    ausserhalb = _text_ausserhalb_der_loesungen()
    ergebnis = {
        q.stem: editionen.loesungsmarken(_lies(q), q.name, ausserhalb=ausserhalb) for q in QUELLEN
    }
    assert sum(map(len, ergebnis.values())) >= 5 * len(QUELLEN)
    return ergebnis


def _funde(texte: dict[str, str], marken: dict[str, list[str]]) -> list[str]:
    funde = []
    for uebung, liste in marken.items():
        for marke in liste:
            for name, text in texte.items():
                if marke in text:
                    funde.append(f"{name}: {uebung}: „{marke[:80]}“")
    return funde


@pytest.mark.buch
def test_keine_loesung_auf_den_seiten(gebautes_buch, marken):
    texte = {
        str(p.relative_to(gebautes_buch)): _seitentext(p)
        for p in gebautes_buch.rglob("*.html")
        if "berichte" not in p.relative_to(gebautes_buch).parts
    }
    funde = _funde(texte, marken)
    assert not funde, "Lösungstext im öffentlichen Buch:\n" + "\n".join(funde[:20])
    seite = texte["exercises/uebung_betreuungsquote.html"]
    assert "Zur Lösung" in seite  # der Hinweis steht an der Stelle der Lösung
    assert "solution-start" not in " ".join(texte.values())


@pytest.mark.buch
def test_keine_loesung_in_quellen_und_downloads(gebautes_buch, marken):
    dateien = [
        p
        for ordner in ("_sources", "_downloads")
        if (gebautes_buch / ordner).exists()
        for p in (gebautes_buch / ordner).rglob("*")
        if p.is_file()
    ]
    dateien += list(gebautes_buch.rglob("*.ipynb")) + list(gebautes_buch.rglob("*.md"))
    texte = {str(p.relative_to(gebautes_buch)): _quelltext(p) for p in set(dateien)}
    assert any(n.startswith("_sources/exercises/") for n in texte), (
        "keine Übungsquellen zum Herunterladen"
    )
    funde = _funde(texte, marken)
    assert not funde, "Lösung in einer herunterladbaren Datei:\n" + "\n".join(funde[:20])
    for name, text in texte.items():
        assert "{solution" not in text, name
        assert '"loesung"' not in text, name


def _suchbegriffe(pfad: Path) -> set[str]:
    roh = pfad.read_text(encoding="utf-8")
    index = json.loads(roh[roh.index("(") + 1 : roh.rindex(")")])
    return set(index["terms"]) | set(index["titleterms"])


def _nur_in_loesungen() -> set[str]:
    """Suchbegriffe (wie Sphinx sie bildet), die nur im Lösungstext der Quellen vorkommen."""
    from sphinx.search.de import SearchGerman

    sprache = SearchGerman({})

    def begriffe(text: str) -> set[str]:
        ergebnis = set()
        for wort in sprache.split(text):
            stamm = sprache.stem(wort.lower())
            ergebnis |= {stamm, wort.lower()}
        return {b for b in ergebnis if len(b) >= 5 and re.fullmatch(r"[a-zäöüß]+", b)}

    loesung = set()
    for q in QUELLEN:
        for stelle in editionen.loesungsstellen(_lies(q), q.name):
            loesung |= begriffe(stelle.text + "\n" + stelle.ausgabe)
    return loesung - begriffe(_text_ausserhalb_der_loesungen())


@pytest.mark.buch
def test_suchindex_kennt_keine_loesung(gebautes_buch):
    nur_loesung = _nur_in_loesungen()
    assert len(nur_loesung) >= 10, nur_loesung  # genug Proben, sonst prüft der Test nichts
    funde = sorted(nur_loesung & _suchbegriffe(gebautes_buch / "searchindex.js"))
    assert not funde, f"Suchbegriffe aus Lösungen im öffentlichen Suchindex: {funde[:20]}"


@pytest.mark.buch
def test_trainerausgabe_enthaelt_loesungen_und_leitfaden(marken):
    """Gegenprobe: Dieselben Marken finden die Lösungen in der Trainerausgabe."""
    if not (TRAINER_HTML / "index.html").exists():
        pytest.skip("Trainerausgabe nicht gebaut – erst `make trainer` ausführen")
    seite = _seitentext(TRAINER_HTML / "exercises" / "uebung_betreuungsquote.html")
    assert any(m in seite for m in marken["uebung_betreuungsquote"])
    gefunden = sum(
        any(m in _seitentext(TRAINER_HTML / "exercises" / f"{u}.html") for m in liste)
        for u, liste in marken.items()
    )
    assert gefunden == len(marken)
    assert _nur_in_loesungen() & _suchbegriffe(TRAINER_HTML / "searchindex.js")
    for seite in editionen.leitfaden_seiten(WURZEL):
        assert (TRAINER_HTML / f"{seite}.html").exists(), seite
    assert not (HTML / "book" / "trainer" / "index.html").exists()
