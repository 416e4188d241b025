# alaqat: `make run` builds the bundled articles, `make test` runs the tests. Both set up .venv first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
OUT ?= out

.PHONY: setup browser run test train-ner train-rel eval-ner bench clean

setup: $(STAMP)

# torch 2.13.0 (CPU) first: camel-tools would otherwise pull a multi-GB CUDA build.
$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q torch==2.13.0
	$(BIN)/pip install -q -e ".[dev]"
	touch $(STAMP)

run: setup
	$(BIN)/alaqat build data/articles --out $(OUT)
	@echo "open $(abspath $(OUT))/graph.html in a browser"

# The browser tests need Chromium: installed with apt-get when missing (as root), else a message naming the command.
browser:
	@bash .ci/chromium

test: setup browser
	$(BIN)/python -m pytest

train-ner: setup
	$(BIN)/alaqat train-ner

# Needs ../shared/eval/dev (the annotated articles); run after train-ner, since it learns from that model's mentions.
train-rel: setup
	$(BIN)/alaqat train-rel

eval-ner: setup
	$(BIN)/alaqat eval-ner data/ner/ANERcorp/ANERCorp_CamelLab_test.reconstructed.txt

bench: setup
	$(BIN)/python benchmarks/ner_speed.py

clean:
	rm -rf $(OUT) .pytest_cache
