# make run  – set up everything and serve the demo portal on http://127.0.0.1:8000 (SQLite, timers in-process)
# make test – run the whole test suite (PostgreSQL and Redis when DATABASE_URL and REDIS_URL are set)

PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
export DEMO_PASSWORD ?= demo

.PHONY: run setup test lint bench clean

$(VENV)/.installed: requirements.txt requirements-dev.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --silent --no-audit --no-fund
	touch $@

setup: $(VENV)/.installed node_modules/.installed

run: setup
	$(PY) manage.py migrate --noinput
	$(PY) manage.py seed_demo
	@echo "Portal: http://127.0.0.1:8000  (log in as privacyofficer / $(DEMO_PASSWORD); public page: /register/)"
	$(PY) manage.py runportal 127.0.0.1:8000

PYTEST_ARGS ?= -n auto --dist worksteal

test: setup
	$(PY) manage.py makemigrations --check --dry-run
	$(PY) -m pytest $(PYTEST_ARGS)

lint: setup
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

bench: setup
	$(PY) bench/run.py

clean:
	rm -rf $(VENV) node_modules db.sqlite3 var staticfiles
