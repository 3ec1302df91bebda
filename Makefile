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

BIMO_QUELLEN := $(shell find src/bimo -name '*.py' -o -name '*.j2' -o -name '*.css' -o -name '*.json' 2>/dev/null)
BUCH_QUELLEN := _config.yml _toc.yml $(wildcard book/*.md book/*.bib book/steckbriefe/*.md book/steckbriefe/indikatoren/*.md) $(wildcard vendor_static/bimo/*) $(shell find notebooks exercises -name '*.ipynb' -not -path '*/.ipynb_checkpoints/*' -not -path '*/_lernende/*' 2>/dev/null)
DATEN := $(wildcard datasets/musterland/* datasets/musterland_rohdaten/*)

# Alles offline: keine Telemetrie, kein Nachladen
export PYDEVD_DISABLE_FILE_VALIDATION := 1
export MPLBACKEND := Agg

.PHONY: help book test lab notebooks daten steckbriefe vendor lock clean clean-venv venv pre-commit

help:
	@echo "make book       – Umgebung installieren, Buch und Beispielberichte bauen ($(HTML)/index.html)"
	@echo "make test       – alle Tests: Einheiten, Notebooks (nbval), Buch, Berichte, Offline-Prüfung"
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
	rm -rf $(BUILD)/.jupyter_cache $(BUILD)/.doctrees
	@mkdir -p $(BUILD) && touch $@

$(HTML)/index.html: $(STEMPEL) $(BUILD)/.bimo-stand $(BUCH_QUELLEN) vendor_static/vendor/SHA256SUMS
	@cd vendor_static/vendor && sha256sum --quiet -c SHA256SUMS || { echo "Fehler: vendor_static/vendor ist beschädigt (make vendor)."; exit 1; }
	$(BIN)/jupyter-book build . --builder html -W -n --keep-going
	@touch $@

$(BERICHTE)/index.html: $(STEMPEL) notebooks/berichte/kommunalprofil.ipynb $(BIMO_QUELLEN) $(DATEN) | $(HTML)/index.html
	rm -rf $(BERICHTE)  # keine Berichte von Kreisen, die es nicht mehr gibt
	$(BIN)/bimo berichte --alle --ausgabe $(BERICHTE) --ohne-fortschritt

# --- Tests ----------------------------------------------------------------

test: book
	$(BIN)/pytest

# --- Werkzeuge ------------------------------------------------------------

lab: $(STEMPEL)
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

lock: $(STEMPEL)
	$(BIN)/uv pip compile pyproject.toml --extra dev --universal --python-version 3.11 \
	  --no-header --output-file requirements.lock --quiet
	@echo "requirements.lock erneuert; environment.yml anpassen, falls sich direkte Abhängigkeiten geändert haben (Test: tests/test_umgebung.py)."

pre-commit: $(STEMPEL)
	$(BIN)/pre-commit install

clean:
	rm -rf $(BUILD) .pytest_cache .ruff_cache

clean-venv:
	rm -rf $(VENV)
