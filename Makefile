# Oog voor elkaar — the two commands: `make run` and `make test`.
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(PY) -m pip --disable-pip-version-check -q
PIP_INSTALL := $(PIP) install --build-constraint build-constraints.txt
PORT ?= 8000
export DJANGO_SETTINGS_MODULE := coalition.settings
# Python may keep compiled modules (and pytest its rewritten test modules) in __pycache__:
# a machine that forbids it spends seconds compiling the same files on every run.
unexport PYTHONDONTWRITEBYTECODE

.PHONY: run test install install-dev chromium messages lint check pytest worker bench clean

$(VENV)/bin/python:
	$$(bin/find-python) -m venv $(VENV)
	$(PIP) install --upgrade 'pip>=25.3'

$(VENV)/.installed: $(VENV)/bin/python requirements.txt build-constraints.txt
	$(PIP_INSTALL) -r requirements.txt
	touch $@

$(VENV)/.installed-dev: $(VENV)/.installed requirements-dev.txt
	$(PIP_INSTALL) -r requirements-dev.txt
	touch $@

install: $(VENV)/.installed

install-dev: $(VENV)/.installed-dev

# Debian's Chromium for the browser tests; Playwright never downloads a browser here.
chromium:
	@command -v chromium >/dev/null 2>&1 || { \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq chromium >/dev/null; }

messages: install
	$(PY) manage.py compilemessages --ignore '.venv' -v0

run: install messages
	$(PY) manage.py migrate --noinput
	$(PY) manage.py createcachetable
	$(PY) manage.py seed_demo
	@echo "Serving on http://localhost:$(PORT)/ (with a task worker for e-mail); stop with Ctrl+C."
	trap 'kill 0' EXIT; \
	$(PY) manage.py db_worker --no-reload --no-startup-delay -v0 & \
	$(PY) manage.py runserver $(PORT)

worker: install
	$(PY) manage.py db_worker --no-reload

lint: install-dev
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/ruff check .

check: install-dev messages
	$(PY) manage.py makemigrations --check --dry-run
	$(PY) manage.py check

# The tests run on every core (pytest-xdist), a whole module on one worker, so that what a
# module builds once (servers, shared worlds) is built once; PYTEST_WORKERS=0 runs them all in
# one process (for --pdb). Each worker's test database is migrated, so the tests see the
# schema and the rows that the migrations give a real database.
PYTEST_WORKERS ?= auto
pytest: install-dev chromium messages
	$(VENV)/bin/pytest -n $(PYTEST_WORKERS) --dist loadfile $(PYTEST_ARGS)

test: lint check pytest

bench: install-dev
	$(PY) bench/run.py

clean:
	rm -rf $(VENV) staticfiles .pytest_cache .ruff_cache
