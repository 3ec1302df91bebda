# bimo – Werkstattbuch kommunales Bildungsmonitoring
# Zwei Befehle für einen frischen Rechner mit Python 3.11+:  make book  und  make test

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PY     := $(BIN)/python
BUILD  := _build
HTML   := $(BUILD)/html
BERICHTE := $(HTML)/berichte
STEMPEL := $(VENV)/.bimo-installiert
# Zwei Ausgaben aus einer Quelle: das öffentliche Buch baut aus LERNENDE (Übungen ohne
# Lösung, Rest verlinkt), die Trainerausgabe aus der Wurzel mit Lösungen und Leitfaden.
LERNENDE := $(BUILD)/lernende
TRAINER  := $(BUILD)/trainer

BIMO_QUELLEN := $(shell find src/bimo -name '*.py' -o -name '*.j2' -o -name '*.css' -o -name '*.json' 2>/dev/null)
UEBUNGEN := $(wildcard exercises/uebung_*.ipynb)
BUCH_QUELLEN := _config.yml _toc.yml $(wildcard book/*.md book/trainer/hinweis.md book/*.bib book/steckbriefe/*.md book/steckbriefe/indikatoren/*.md) $(wildcard vendor_static/bimo/*) $(shell find notebooks exercises -name '*.ipynb' -not -path '*/.ipynb_checkpoints/*' -not -path '*/_lernende/*' 2>/dev/null)
DATEN := $(wildcard src/bimo/daten/datensaetze/*/*)

# Alles offline: keine Telemetrie, kein Nachladen
export PYDEVD_DISABLE_FILE_VALIDATION := 1
export MPLBACKEND := Agg

.PHONY: help book trainer lernende pdf arbeitsblaetter test test-schnell lab notebooks daten steckbriefe vendor lock clean clean-venv venv pre-commit

help:
	@echo "make book       – Umgebung installieren, Buch und Beispielberichte bauen ($(HTML)/index.html)"
	@echo "make trainer    – Ausgabe für Trainerinnen und Trainer: mit Lösungen und Trainerleitfaden ($(TRAINER)/html/index.html)"
	@echo "make lernende   – Übungen ohne Lösung für Teilnehmende erzeugen ($(LERNENDE)/exercises/)"
	@echo "make pdf        – das Buch (Ausgabe für Teilnehmende) als PDF mit xelatex ($(BUILD)/pdf/)"
	@echo "make arbeitsblaetter – druckbare Arbeitsblätter je Übung, HTML und PDF ($(BUILD)/arbeitsblaetter/)"
	@echo "make test       – alle Tests: Einheiten, Notebooks (nbval), Buch, Berichte, Offline-Prüfung"
	@echo "make test-schnell – nur Einheitentests (ohne nbval, Browser, Buchbau, Berichte), unter einer Minute"
	@echo "make lab        – JupyterLab auf diesem Rechner starten (nur localhost)"
	@echo "make notebooks  – gespeicherte Notebook-Ausgaben bewusst erneuern"
	@echo "make daten      – Musterland-Daten neu erzeugen (Byte für Byte gleich)"
	@echo "make steckbriefe – Steckbrief-Seiten der Indikatoren aus dem Register erzeugen"
	@echo "make vendor     – mitgelieferte Front-End-Dateien aus npm auffrischen (braucht npm)"
	@echo "make lock       – requirements.lock aus pyproject.toml neu auflösen"
	@echo "make clean      – Buildordner und Zwischenspeicher löschen"

# --- Umgebung -------------------------------------------------------------

venv: $(STEMPEL)

$(STEMPEL): requirements.lock pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)' 2>/dev/null || { \
	  echo "Fehler: Python 3.11 oder neuer wird benötigt; '$(PYTHON)' ist $$($(PYTHON) --version 2>&1 || echo 'nicht gefunden')."; \
	  echo "        Geben Sie eine passende Version an, z. B.: make book PYTHON=python3.12"; exit 1; }
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	@touch $@

# --- Buch und Berichte ----------------------------------------------------

book: $(HTML)/index.html $(BERICHTE)/index.html
	@echo "Fertig: Buch in $(HTML)/index.html, Kommunalprofile in $(BERICHTE)/index.html"

# jupyter-cache kennt nur den Code der Zellen, nicht bimo und die Daten: Ändern sich
# diese, wird der Zwischenspeicher geleert und alle Notebooks laufen neu.
$(BUILD)/.bimo-stand: $(BIMO_QUELLEN) $(DATEN)
	rm -rf $(BUILD)/.jupyter_cache $(BUILD)/.doctrees $(TRAINER)/_build/.doctrees
	@mkdir -p $(BUILD) && touch $@

# Übungen ohne Lösung (bimo.buch.editionen); prüft zugleich, dass keine Lösung durchrutscht.
lernende: $(LERNENDE)/.stand
$(LERNENDE)/.stand: $(STEMPEL) src/bimo/buch/editionen.py $(UEBUNGEN)
	$(PY) -m bimo.buch.editionen lernende --ziel $(LERNENDE)
	@touch $@

# Öffentliches Buch = Ausgabe für Teilnehmende: gebaut aus $(LERNENDE), gleiche Seitenpfade.
$(HTML)/index.html: $(STEMPEL) $(BUILD)/.bimo-stand $(LERNENDE)/.stand $(BUCH_QUELLEN) vendor_static/vendor/SHA256SUMS
	@cd vendor_static/vendor && sha256sum --quiet -c SHA256SUMS || { echo "Fehler: vendor_static/vendor ist beschädigt (make vendor)."; exit 1; }
	$(BIN)/jupyter-book build $(LERNENDE) --path-output . --builder html -W -n --keep-going
	@touch $@

# Ausgabe für Trainerinnen und Trainer: Quellen mit Lösungen und der Trainerleitfaden.
# Nicht veröffentlichen. Jupyter Book schreibt nach $(TRAINER)/_build/html; $(TRAINER)/html zeigt dorthin.
trainer: $(TRAINER)/html/index.html
	@echo "Fertig: Trainerausgabe in $(TRAINER)/html/index.html – nicht veröffentlichen."

$(TRAINER)/html/index.html: $(STEMPEL) $(BUILD)/.bimo-stand $(BUCH_QUELLEN) _config_trainer.yml _toc_trainer.yml $(wildcard book/trainer/*.md) src/bimo/buch/editionen.py vendor_static/vendor/SHA256SUMS
	@cd vendor_static/vendor && sha256sum --quiet -c SHA256SUMS || { echo "Fehler: vendor_static/vendor ist beschädigt (make vendor)."; exit 1; }
	$(PY) -m bimo.buch.editionen trainer --ziel $(TRAINER)
	$(BIN)/jupyter-book build . --builder html -W -n --keep-going \
	  --config $(TRAINER)/_config.yml --toc $(TRAINER)/_toc.yml --path-output $(TRAINER)
	@ln -sfn _build/html $(TRAINER)/html
	@touch $(TRAINER)/_build/html/index.html

# Beispielberichte für Musterland: jede Vorlage mit `beispiel` im Register
# (src/bimo/berichte/vorlagen.py), je Vorlage in ihren Unterordner; PDF, wenn Chromium da ist.
$(BERICHTE)/index.html: $(STEMPEL) $(wildcard src/bimo/berichte/vorlagen/*.ipynb) $(BIMO_QUELLEN) $(DATEN) | $(HTML)/index.html
	rm -rf $(BERICHTE)  # keine Berichte von Kreisen, die es nicht mehr gibt
	$(BIN)/bimo berichte --beispiele --ausgabe $(BERICHTE) --ohne-fortschritt

# --- Druck ----------------------------------------------------------------

PDF_PAKETE := texlive-xetex texlive-latex-recommended texlive-latex-extra texlive-fonts-recommended \
  texlive-lang-german latexmk fonts-freefont-otf fonts-dejavu-core
PDF_BAU := $(BUILD)/pdfbau

# Das Buch als PDF: aus der Ausgabe für Teilnehmende (ohne Lösungen), xelatex aus Debian.
pdf: $(STEMPEL) $(LERNENDE)/.stand
	@command -v xelatex >/dev/null && command -v latexmk >/dev/null && command -v makeindex >/dev/null \
	  && fc-list | grep -q FreeSerif || { \
	  echo "Fehler: Für das PDF fehlen xelatex, latexmk oder die Schrift FreeSerif. Einmalig installieren (ca. 100 MB):"; \
	  echo "    sudo apt-get install -y --no-install-recommends $(PDF_PAKETE)"; exit 1; }
	rm -rf $(PDF_BAU)/_build/latex   # alte .tex-Dateien ließen latexmk scheitern
	$(BIN)/jupyter-book build $(LERNENDE) --builder pdflatex --path-output $(PDF_BAU)
	@mkdir -p $(BUILD)/pdf && cp $(PDF_BAU)/_build/latex/bimo-werkstattbuch.pdf $(BUILD)/pdf/
	@echo "Fertig: $(BUILD)/pdf/bimo-werkstattbuch.pdf"

# Druckbare Arbeitsblätter je Übung (ohne Lösungen), PDF mit Chromium aus Debian.
arbeitsblaetter: $(STEMPEL)
	$(PY) -m bimo.buch.arbeitsblaetter --ausgabe $(BUILD)/arbeitsblaetter

# --- Tests ----------------------------------------------------------------

# Stufen (Marker in pyproject.toml, Regeln in tests/conftest.py): make test läuft alle,
# make test-schnell nur, was ohne Buch, Browser, Kernel und echte Daten auskommt.
# je Kern ein pytest-Prozess; jede Datei (jedes Notebook) bleibt in einem Prozess, in Reihenfolge
PARALLEL ?= -n auto --dist loadfile
NBVAL := --nbval --nbval-current-env --nbval-sanitize-with=tests/nbval_sanitize.cfg
SCHNELL := not (buch or browser or berichte or realdaten or langsam)

# Nach dem Bau von Buch und Trainerausgabe ist der Rest die Dauer eines „warmen“ make test
# (Buch gebaut, nichts geändert); --durations zeigt, wohin die Zeit geht.
test: book trainer
	@start=$$(date +%s); $(BIN)/pytest $(NBVAL) $(PARALLEL) --durations=25; rc=$$?; \
	  echo "make test warm (pytest nach gebautem Buch): $$(( $$(date +%s) - start )) s"; exit $$rc

test-schnell: $(STEMPEL)
	@start=$$(date +%s); $(BIN)/pytest -p no:nbval -m "$(SCHNELL)" -q; rc=$$?; \
	  echo "make test-schnell: $$(( $$(date +%s) - start )) s"; exit $$rc

# --- Werkzeuge ------------------------------------------------------------

lab: $(STEMPEL) $(LERNENDE)/.stand
	@echo "Übungen ohne Lösung (zum Weitergeben): $(LERNENDE)/exercises/ – mit Lösungen: exercises/"
	@# nur localhost, keine Erweiterungssuche im Netz; als root (Container) mit --allow-root
	$(BIN)/jupyter lab --ip=127.0.0.1 --no-browser --LabApp.extension_manager=readonly \
	  $(if $(filter 0,$(shell id -u)),--allow-root,)

notebooks: $(STEMPEL)
	$(PY) tools/notebooks_ausfuehren.py

daten: $(STEMPEL)
	$(BIN)/bimo daten

steckbriefe: $(STEMPEL)
	$(BIN)/bimo steckbriefe

vendor:
	bash tools/vendor/refresh.sh

# Zwei Sperrdateien aus pyproject.toml: requirements.lock = [dev] (alles, das installiert
# make venv), requirements-lernende.lock = Paket + [lab] (JupyterLab für Teilnehmende, ohne
# playwright und dask). Die kleinere wird mit der größeren als Constraint aufgelöst, damit
# gemeinsame Pakete überall dieselbe Version haben.
LOCK_OPTIONEN := --universal --python-version 3.11 --custom-compile-command "make lock" --quiet
lock: $(STEMPEL)
	$(BIN)/uv pip compile pyproject.toml --extra dev $(LOCK_OPTIONEN) --output-file requirements.lock
	$(BIN)/uv pip compile pyproject.toml --extra lab $(LOCK_OPTIONEN) -c requirements.lock \
	  --output-file requirements-lernende.lock
	@echo "requirements.lock und requirements-lernende.lock erneuert; environment.yml und environment-lernende.yml anpassen, falls sich Versionen geändert haben (Test: tests/test_umgebung.py)."

pre-commit: $(STEMPEL)
	$(BIN)/pre-commit install

clean:
	rm -rf $(BUILD) .pytest_cache .ruff_cache

clean-venv:
	rm -rf $(VENV)
