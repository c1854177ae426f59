# Two commands for a fresh clone: `make run` and `make test`. Everything else is a helper.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000
PYTEST_ARGS ?=

.PHONY: install run test test-fast lint bench train evaluate clean

# torch comes first and pinned: an unpinned torch pulls a multi-GB CUDA build.
$(VENV)/.installed: pyproject.toml requirements.lock
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q torch==2.13.0
	$(PY) -m pip install -q -r requirements.lock
	$(PY) -m pip install -q --no-deps -e .
	touch $@

install: $(VENV)/.installed

run: install
	$(VENV)/bin/screening serve --host $(HOST) --port $(PORT)

test: install
	$(PY) -m ruff check screening queue tests
	$(PY) -m pytest $(PYTEST_ARGS)

test-fast: install
	$(PY) -m pytest -m "not slow and not browser" $(PYTEST_ARGS)

lint: install
	$(PY) -m ruff check screening queue tests
	$(PY) -m mypy

bench: install
	$(PY) -m bench.run

train: install
	$(VENV)/bin/screening train

evaluate: install
	$(VENV)/bin/screening evaluate

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .mypy_cache
