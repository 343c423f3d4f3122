# Quick start:  make report SESSION=59   then   make test
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
SESSION ?=

.PHONY: help setup report validate test bench clean

help:
	@echo "make report SESSION=59   build every report of a session into output/59/"
	@echo "make validate            check every input file, list every problem"
	@echo "make test                run the test suite"
	@echo "make bench               measure builds against Pandoc and LibreOffice; writes bench/RESULTS.md"

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	@$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[test]'
	@touch $(STAMP)

setup: $(STAMP)

report: $(STAMP)
	@if [ -z "$(SESSION)" ]; then echo "usage: make report SESSION=59" >&2; exit 2; fi
	@scripts/ensure-system-packages report
	@$(BIN)/unreport build $(SESSION)

validate: $(STAMP)
	@$(BIN)/unreport validate $(SESSION)

test: $(STAMP)
	@scripts/ensure-system-packages test
	@$(BIN)/python -m pytest -q

bench: $(STAMP)
	@scripts/ensure-system-packages bench
	@$(BIN)/python bench/bench.py

clean:
	rm -rf output/*/ output/.build-manifests $(VENV) *.egg-info .pytest_cache
