# Học Tập — the README's two commands are `make run` and `make test`.
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
MANAGE := $(PY) manage.py
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000
PYTEST_ARGS ?=
# The unit suites run on every core (pytest-xdist), at most two: the machine is shared.
PYTEST_WORKERS ?= $(shell n=$$(nproc 2>/dev/null || echo 1); echo $$(( n < 2 ? n : 2 )))
PYTEST_FAST := -n $(PYTEST_WORKERS) --durations=15

.PHONY: run test lint test-pg e2e bench load install messages messages-extract browser clean demo audit

$(STAMP): requirements.lock pyproject.toml
	@test -x $(PY) || "$$(bin/find-python)" -m venv $(VENV)
	@echo "Installing the locked dependencies into $(VENV)…"
	@set -o pipefail; $(PY) -m pip install --quiet --disable-pip-version-check -r requirements.lock 2>&1 \
		| { grep -v "is ignored: it is neither a file nor a directory" || true; }
	@touch $(STAMP)

install: $(STAMP) messages

# Our translations (and the Vietnamese we supply for Wagtail's admin) are compiled at install.
messages: $(STAMP)
	@if find . -path ./.venv -prune -o -name '*.po' -print | grep -q .; then \
		$(MANAGE) compilemessages --ignore=.venv --ignore=node_modules -v0; fi

# Refresh one app's Vietnamese catalog from its code and templates: make messages-extract APP=courses
# (the app's own locale/ folder must exist, or makemessages would write into the project's one).
messages-extract: $(STAMP)
	@test -n "$(APP)" || { echo "Usage: make messages-extract APP=courses|training|certificates|site/portal"; exit 2; }
	mkdir -p $(APP)/locale/vi/LC_MESSAGES
	cd $(APP) && $(CURDIR)/$(PY) $(CURDIR)/manage.py makemessages -l vi --extension html,py,txt --ignore 'tests/*'

run: install
	$(MANAGE) migrate --noinput -v0
	$(MANAGE) private_files_move -v0
	$(MANAGE) demo --if-empty
	@$(MANAGE) demo --logins
	$(MANAGE) runserver $(HOST):$(PORT)

demo: install
	$(MANAGE) migrate --noinput -v0
	$(MANAGE) demo --if-empty

test: install
	$(PY) -m pytest -m "not e2e" -q $(PYTEST_FAST) $(PYTEST_ARGS)

test-pg: install
	bin/with-postgres $(PY) -m pytest -m "not e2e" -q $(PYTEST_FAST) $(PYTEST_ARGS)

lint: install
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/ruff check .
	DJANGO_SETTINGS_MODULE=portal.settings.test $(MANAGE) check
	DJANGO_SETTINGS_MODULE=portal.settings.test $(MANAGE) makemigrations --check --dry-run

# Debian's chromium drives the browser tests; installed here when missing (no browser download).
browser:
	@command -v chromium >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }

e2e: install browser
	$(PY) -m pytest -m e2e -q tests/e2e $(PYTEST_ARGS)

bench: install browser
	$(PY) -m bench

# 200 simulated teachers study and take quizzes for 60 s against gunicorn + a throw-away
# PostgreSQL; then the year summaries must equal a full recount (bench/loadrun.py).
load: install
	bin/with-postgres $(PY) -m bench.loadrun

# Known vulnerabilities in the locked dependencies (pip-audit, pinned here, installed into the
# venv on first use). Every pin of requirements.lock is looked up as it is, without resolving;
# --strict fails when one cannot be looked up, so an unreachable service never passes silently.
PIP_AUDIT_VERSION := 2.10.1
audit: install
	@$(PY) -c "import pip_audit" 2>/dev/null || $(PY) -m pip install --quiet --disable-pip-version-check "pip-audit==$(PIP_AUDIT_VERSION)"
	$(VENV)/bin/pip-audit --requirement requirements.lock --no-deps --disable-pip --strict --progress-spinner off

clean:
	rm -rf $(VENV) db.sqlite3 var static_collected
