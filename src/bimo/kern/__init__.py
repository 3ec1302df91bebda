"""Kern: Bausteine, die alle Teile von bimo teilen – Zahlenformate (:mod:`.format`), die
Anzeige im Notebook (:mod:`.darstellung`), atomares Schreiben (:mod:`.dateien`), der
PDF-Drucker (:mod:`.pdf`) und Vorschläge bei Tippfehlern (:mod:`.vorschlaege`)."""
