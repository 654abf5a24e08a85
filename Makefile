# make run  – set up everything and serve the demo portal on http://127.0.0.1:8000 (SQLite, timers in-process)
# make run-sso – the same, with single sign-on through the local test provider (tools/oidc-dev on port 8090)
# make test – run the whole test suite (PostgreSQL and Redis when DATABASE_URL and REDIS_URL are set)

PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
export DEMO_PASSWORD ?= demo

.PHONY: run run-sso setup test lint bench bench-schaal clean

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

# The local OpenID Connect provider for the demo (never for production): see tools/oidc-dev/README.md.
OIDC_DEV := http://127.0.0.1:8090
run-sso: setup
	$(PY) manage.py migrate --noinput
	$(PY) manage.py seed_demo
	@echo "Portal: http://127.0.0.1:8000  (SSO: 'Inloggen met het Voorbeeldregio-account', sso-privacyofficer / demo)"
	node tools/oidc-dev/server.mjs & idp=$$!; trap 'kill $$idp' EXIT INT TERM; \
	OIDC_RP_CLIENT_ID=privacy-portal OIDC_RP_CLIENT_SECRET=privacy-portal-dev-geheim \
	OIDC_OP_ISSUER=$(OIDC_DEV) OIDC_OP_AUTHORIZATION_ENDPOINT=$(OIDC_DEV)/auth \
	OIDC_OP_TOKEN_ENDPOINT=$(OIDC_DEV)/token OIDC_OP_USER_ENDPOINT=$(OIDC_DEV)/me \
	OIDC_OP_JWKS_ENDPOINT=$(OIDC_DEV)/jwks OIDC_NAAM="het Voorbeeldregio-account" \
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

bench-schaal: setup  # PostgreSQL and Redis: see README, Prestaties
	$(PY) bench/schaal.py

clean:
	rm -rf $(VENV) node_modules db.sqlite3 var staticfiles
