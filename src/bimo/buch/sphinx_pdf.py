"""Sphinx-Erweiterung des Buchs für den PDF-Bau (``make pdf``, xelatex).

Jupyter Book 1 setzt für LaTeX die Startseite (``book/index``) in Kapitel um: Jede
Zwischenüberschrift der Startseite würde ein eigenes nummeriertes Kapitel („Kapitel 1:
Was Sie hier finden“), und die Teile des Inhaltsverzeichnisses (``caption`` in
``_toc.yml``: „Ein Monitoring aufbauen“, „Indikatoren“, …) gingen verloren.

Diese Erweiterung baut beim Zusammensetzen des Gesamtdokuments – nur für den
LaTeX-Builder und nur an einer Kopie, die gespeicherte Umgebung und die
HTML-Seiten bleiben unberührt – die Startseite um:

- ihr Text wird ein unnummeriertes Vorkapitel „Über dieses Buch“ (mit Eintrag im
  Inhaltsverzeichnis), ihre Zwischenüberschriften werden Zwischentitel;
- jeder Teil des Inhaltsverzeichnisses beginnt mit ``\\part{…}``.

Das Inhaltsverzeichnis heißt dann wieder „Inhaltsverzeichnis“ (Sphinx benennt es sonst
nach der ersten ``caption``).
"""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.builders.latex import LaTeXBuilder

VORKAPITEL = "Über dieses Buch"


def _latex(text: str) -> nodes.raw:
    return nodes.raw("", text, format="latex")


def _tex_text(text: str) -> str:
    ersatz = {
        "\\": r"\textbackslash{}",
        "{": r"\{",
        "}": r"\}",
        "#": r"\#",
        "$": r"\$",
        "%": r"\%",
        "&": r"\&",
        "_": r"\_",
        "^": r"\^{}",
        "~": r"\~{}",
    }
    return "".join(ersatz.get(z, z) for z in text)


def startseite_umbauen(tree: nodes.document) -> None:
    """Startseite als Vorkapitel, Teile als ``\\part`` (arbeitet auf dem übergebenen Baum)."""
    for toctree in list(tree.findall(addnodes.toctree)):
        titel = toctree.get("caption")
        huelle = toctree.parent if isinstance(toctree.parent, nodes.compound) else toctree
        if titel and huelle.parent is not None:
            huelle.parent.insert(
                huelle.parent.index(huelle), _latex(rf"\part{{{_tex_text(titel)}}}")
            )
    oberste = next(iter(tree.findall(nodes.section)), None)
    if oberste is None:
        return
    # Zwischenüberschriften der Startseite: Abschnitt -> Zwischentitel + Inhalt
    for abschnitt in list(oberste.findall(nodes.section)):
        if abschnitt is oberste or abschnitt.parent is None:
            continue
        titel = abschnitt.next_node(nodes.title)
        ersatz: list[nodes.Node] = []
        if titel is not None:
            ersatz.append(nodes.rubric("", "", *titel.children))
        ersatz += [kind for kind in abschnitt.children if kind is not titel]
        abschnitt.replace_self(ersatz)
    beginn = (
        oberste.index(oberste.next_node(nodes.title)) + 1 if oberste.next_node(nodes.title) else 0
    )
    oberste.insert(
        beginn,
        _latex(
            rf"\chapter*{{{VORKAPITEL}}}"
            rf"\addcontentsline{{toc}}{{chapter}}{{{VORKAPITEL}}}"
            rf"\markboth{{{VORKAPITEL}}}{{{VORKAPITEL}}}"
        ),
    )


class BuchLaTeXBuilder(LaTeXBuilder):
    """LaTeX-Builder mit umgebauter Startseite (siehe Moduldoku)."""

    def get_contentsname(self, indexfile: str) -> str:
        return ""  # Vorgabe der Sprache: „Inhaltsverzeichnis“, nicht die erste caption

    def assemble_doctree(self, indexfile: str, toctree_only: bool, appendices: list[str]) -> Any:
        original = self.env.get_doctree

        def get_doctree(docname: str) -> nodes.document:
            baum = original(docname)  # eine frische Kopie aus dem Zwischenspeicher
            if docname == indexfile and not toctree_only:
                startseite_umbauen(baum)
            return baum

        self.env.get_doctree = get_doctree  # type: ignore[method-assign]
        try:
            return super().assemble_doctree(indexfile, toctree_only, appendices)
        finally:
            del self.env.get_doctree


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_builder(BuchLaTeXBuilder, override=True)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
