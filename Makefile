# newscompare: `make report` and `make test` each work as the first command on a fresh clone.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.setup-stamp
CORPUS ?= seeds
MANIFEST ?=
# The seeds' manifest lives in data/ (seeds are immutable); another corpus carries its own articles.csv.
MANIFEST_ARG = $(if $(MANIFEST),--manifest $(MANIFEST),)
RECURSIVE ?=
# RECURSIVE=1: read the corpus folder's sub-folders too (a folder per outlet)
RECURSIVE_ARG = $(if $(RECURSIVE),--recursive,)
SIZE   ?= 1000,10000

.PHONY: help setup tables report test test-unit test-notebooks notebooks lab bench clean

help:  ## list the targets
	@grep -E '^[a-z-]+:.*##' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-15s %s\n", $$1, $$2}'

setup: $(STAMP)  ## create .venv and install the project (skipped when pyproject.toml is unchanged)

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

tables: setup  ## write every output table for CORPUS to reports/tables
	$(PY) -m analysis tables --corpus $(CORPUS) $(MANIFEST_ARG) $(RECURSIVE_ARG) --out reports/tables

report: setup  ## run the notebooks on CORPUS and render the HTML reports under reports/html
	$(PY) -m analysis report --corpus $(CORPUS) $(MANIFEST_ARG) $(RECURSIVE_ARG) --out reports

test: setup test-unit test-notebooks  ## unit tests, then the committed notebooks under nbval

test-unit: setup
	$(PY) -m pytest -q tests

test-notebooks: setup
	cd notebooks && ../$(PY) -m pytest -q -p no:cacheprovider --nbval --nbval-current-env --nbval-sanitize-with sanitize.cfg .

notebooks: setup  ## re-execute the committed notebooks in place (when a change to their output is intended)
	$(PY) -m analysis notebooks

lab: setup  ## open JupyterLab on the project
	$(VENV)/bin/jupyter lab --notebook-dir=.

bench: setup  ## time every stage on synthetic corpora of SIZE articles (comma-separated)
	$(PY) -m benchmarks.run --sizes $(SIZE)

clean:  ## remove generated reports
	rm -rf reports
