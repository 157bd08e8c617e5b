# Two commands for a fresh machine: `make run` and `make test`. See README.md.
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp
# npm ci writes this file; it is older than the lock file when node_modules is stale.
NODE_STAMP := node_modules/.package-lock.json
HOST ?= 127.0.0.1
PORT ?= 8000
PG_URL ?= postgres://postgres@127.0.0.1:5432/cms
# `make test DB=sqlite` runs the suite on SQLite instead of PostgreSQL.
DB ?= postgres
ifeq ($(DB),sqlite)
TEST_DATABASE_URL := sqlite:///$(CURDIR)/var/test.sqlite3
else
TEST_DATABASE_URL := $(or $(DATABASE_URL),$(PG_URL))
endif

.PHONY: install run test lint format migrate demo clean
.PHONY: serve bench worker
.PHONY: loadtest bench-compare

$(STAMP): pyproject.toml
	@test -x $(PY) || { python=$$(scripts/find-python) && echo "Creating $(VENV) with $$python" && "$$python" -m venv $(VENV); }
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	@touch $@

# axe-core for the browser tests (tests/browser/): test-only JavaScript, pinned in package-lock.json.
$(NODE_STAMP): package.json package-lock.json
	@if command -v npm >/dev/null; then npm ci --no-audit --no-fund --loglevel=error && touch $@; \
	else echo "npm not found: the browser tests need it for axe-core (apt-get install npm)"; fi

# The interface's translations (locale/*/LC_MESSAGES/django.po, and djangojs.po for the desk's scripts) compiled to the .mo files Django reads;
# not in git, rebuilt whenever a .po file is newer. msgfmt is GNU gettext's.
PO_FILES := $(wildcard locale/*/LC_MESSAGES/*.po)
MO_FILES := $(PO_FILES:.po=.mo)

$(MO_FILES): %.mo: %.po | $(STAMP)
	@command -v msgfmt >/dev/null || { echo "msgfmt not found: the translations need GNU gettext (apt-get install gettext)" >&2; exit 1; }
	DEBUG=1 $(PY) manage.py compilemessages --locale $(word 2,$(subst /, ,$@)) --ignore=.venv --ignore=node_modules --verbosity 0

install: $(STAMP) $(NODE_STAMP) $(MO_FILES)

migrate: install
	DEBUG=1 $(PY) manage.py migrate --no-input

demo: migrate
	DEBUG=1 $(PY) manage.py setup_roles
	DEBUG=1 $(PY) manage.py seed_demo

run: demo
	@echo
	@echo "  Admin:  http://$(HOST):$(PORT)/admin/"
	@echo "  Logins: admin / admin (superuser), editor / editor, manager / manager"
	@echo
	@# The task worker runs scheduled work (publish_scheduled first catches up and queues it) and
	@# stops with the server.
	DEBUG=1 $(PY) manage.py publish_scheduled --verbosity 0
	@DEBUG=1 $(PY) manage.py db_worker --interval 5 & worker=$$!; trap "kill $$worker" EXIT; \
		DEBUG=1 $(PY) manage.py runserver $(HOST):$(PORT)

# Style and the import layers (pyproject.toml: [tool.ruff], [tool.importlinter]), in seconds,
# before the suite: a change that breaks either fails here with what to run.
lint: install
	@$(VENV)/bin/ruff check --quiet --output-format concise . || { echo "ruff check failed: \`make format\` fixes what it can; fix the rest by hand." >&2; exit 1; }
	@$(VENV)/bin/ruff format --check --quiet --output-format concise . || { echo "Files above are not formatted: run \`make format\`." >&2; exit 1; }
	@out=$$($(VENV)/bin/lint-imports --no-logo 2>&1) || { echo "$$out"; echo "An import breaks the layers: see docs/architecture.md, \"Layers\"." >&2; exit 1; }

# Rewrites files: the formatter, then the lint fixes that are safe (import order and the like).
format: install
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

test: install lint
	@mkdir -p var
	DATABASE_URL=$(TEST_DATABASE_URL) $(PY) -m pytest $(PYTEST_ARGS)

# Production serving: gunicorn (settings in gunicorn.conf.py, workers from the CPU count) with
# static files collected for WhiteNoise. Everything else comes from the environment (README).
serve: install
	$(PY) manage.py collectstatic --no-input --verbosity 0
	$(PY) manage.py publish_scheduled --verbosity 0
	@$(PY) manage.py db_worker --interval 5 & worker=$$!; trap "kill $$worker" EXIT; \
		$(PY) -m gunicorn cms.wsgi

# The task worker alone (scheduled go-live work), for a deployment that runs it as its own service.
worker: install
	$(PY) manage.py publish_scheduled --verbosity 0
	$(PY) manage.py db_worker --interval 5

# wrk against gunicorn on PostgreSQL with the 100,000-piece corpus (bench/run.py); writes
# bench/results/. Takes about 25 minutes (plus 5 to build the corpus the first time); never
# part of `make test`. BENCH_ARGS="--duration 5" for a quick look.
bench: install
	@command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk; }
	$(PY) bench/run.py $(BENCH_ARGS)

# Two commits side by side on the same corpus, alternating wrk runs (bench/compare.py): the
# "no slower" check of a refactoring. BEFORE/AFTER name the commits; about 10 minutes.
BEFORE ?= 3a5180b
AFTER ?= HEAD
bench-compare: install
	@command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk; }
	$(PY) bench/compare.py --before $(BEFORE) --after $(AFTER) $(BENCH_ARGS)

# wrk on the public pages for 60 s (16 connections) against gunicorn + PostgreSQL while a
# manager publishes through the admin (bench/load_publish.py); never part of `make test`.
loadtest: install
	@command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk; }
	$(PY) bench/load_publish.py $(LOADTEST_ARGS)

clean:
	rm -rf $(VENV) var build *.egg-info
