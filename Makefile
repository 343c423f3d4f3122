# Quick start:  make report SESSION=59   then   make test
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
SESSION ?=
FROM ?=
TO ?=
DATA ?= data

.PHONY: help setup report edition validate test bench clean golden diff preview bench-preview lock

help:
	@echo "make report SESSION=59   build every report of a session into output/59/"
	@echo "make edition FROM=59 TO=60 [AS_AT=2005-08-01] [DATE=2005-08-26] [SERIES=id] [FORCE=1]"
	@echo "                         draft session 60's reports from session 59's (see README)"
	@echo "make validate [SESSION=59]  check the input files (all, or one session's), list every problem"
	@echo "make test                run the test suite"
	@echo "make lock                pin the dependencies with hashes in requirements.lock (after editing pyproject.toml)"
	@echo "make golden              accept the current output as golden (tests/golden/), after review"
	@echo "make diff A=59 B=60 [DATA=data]  what changed between two editions: output/diff-59-60/"
	@echo "make bench               measure builds against Pandoc and LibreOffice; writes bench/RESULTS.md"
	@echo "make preview SESSION=60 [SERIES=id] [PORT=8060] [DATA=data]  the report in the browser, rebuilt on every save"
	@echo "make bench-preview       measure the preview's save-to-page time; writes bench/PREVIEW.md"
	@echo "Every command above runs .venv/bin/unreport; 'source .venv/bin/activate' to type 'unreport' yourself."

# The dependencies come from requirements.lock (every version pinned, every file's hash checked),
# so that two machines build the same PDF and DOCX bytes; `make lock` remakes it from pyproject.toml.
$(STAMP): pyproject.toml requirements.lock
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	@$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements.lock
	@$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
	@touch $(STAMP)

# Pin every dependency (and the test extra) with its hashes: run after changing the dependencies
# in pyproject.toml, and commit requirements.lock. pip-tools lives in a venv of its own.
LOCK_TOOLS := $(VENV)/lock-tools
lock:
	@test -x $(LOCK_TOOLS)/bin/pip-compile || { $(PYTHON) -m venv $(LOCK_TOOLS) && \
		$(LOCK_TOOLS)/bin/python -m pip install --quiet --disable-pip-version-check pip-tools; }
	@$(LOCK_TOOLS)/bin/pip-compile --quiet --generate-hashes --extra test --strip-extras --allow-unsafe \
		--no-emit-index-url --no-emit-find-links --output-file requirements.lock pyproject.toml
	@echo "wrote requirements.lock; commit it (make setup installs from it)"

setup: $(STAMP)

report: $(STAMP)
	@if [ -z "$(SESSION)" ]; then echo "usage: make report SESSION=59" >&2; exit 2; fi
	@scripts/ensure-system-packages report
	@$(BIN)/unreport build $(SESSION)

edition: $(STAMP)
	@if [ -z "$(FROM)" ] || [ -z "$(TO)" ]; then echo "usage: make edition FROM=59 TO=60" >&2; exit 2; fi
	@$(BIN)/unreport new-edition $(FROM) $(TO) $(if $(AS_AT),--as-at $(AS_AT)) $(if $(DATE),--date $(DATE)) \
		$(if $(SERIES),--series $(SERIES)) $(if $(FORCE),--force,--keep-existing)

validate: $(STAMP)
	@$(BIN)/unreport validate $(SESSION)

test: $(STAMP)
	@scripts/ensure-system-packages test
	@scripts/fetch-axe-core
	@$(BIN)/python -m pytest -q

bench: $(STAMP)
	@scripts/ensure-system-packages bench
	@$(BIN)/python bench/bench.py

clean:
	rm -rf output/*/ output/.build-manifests $(VENV) *.egg-info .pytest_cache

# Golden snapshots (tests/golden/): accept the current canonical text and tree of every edition.
golden: $(STAMP)
	@$(BIN)/unreport golden --update

# What changed from edition A to edition B (from DATA, default data/): summary, HTML redline,
# tracked-changes DOCX and page images in output/diff-A-B/. `unreport diff` exits 1 when they
# differ; that is the point here, so only a failure to compare (exit 2) fails make.
diff: $(STAMP)
	@if [ -z "$(A)" ] || [ -z "$(B)" ]; then echo "usage: make diff A=59 B=60" >&2; exit 2; fi
	@scripts/ensure-system-packages diff
	@$(BIN)/unreport diff $(A) $(B) --data $(DATA) --out output/diff-$(A)-$(B); status=$$?; [ $$status -le 1 ] || exit $$status

# The live preview (README, "Live preview"): serves on 127.0.0.1 until Ctrl-C.
preview: $(STAMP)
	@if [ -z "$(SESSION)" ]; then echo "usage: make preview SESSION=60 [SERIES=id] [LANGUAGE=fr] [PORT=8060]" >&2; exit 2; fi
	@scripts/ensure-system-packages report
	@$(BIN)/unreport preview $(SESSION) $(SERIES) --data $(DATA) $(if $(PORT),--port $(PORT)) $(if $(LANGUAGE),--language $(LANGUAGE))

bench-preview: $(STAMP)
	@scripts/ensure-system-packages test
	@$(BIN)/python bench/preview.py
