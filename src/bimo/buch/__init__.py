"""Werkzeuge für das Buch: die zwei Ausgaben (:mod:`.editionen`), Arbeitsblätter
(:mod:`.arbeitsblaetter`), Steckbrief-Seiten (:mod:`.steckbriefe`) und die Sphinx-Erweiterungen
für den Offline-Bau (:mod:`.sphinx_offline`) und das PDF (:mod:`.sphinx_pdf`)."""
