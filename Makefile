# The two commands the README starts with: `make demo` and `make test`.
# Both work on a fresh machine with Python 3.11+ and Node 20; everything else is installed here.

PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
PORT ?= 8000
PARTNER_PORT ?= 8001
PYTEST_ARGS ?=

.PHONY: demo test install widget messages lint bench bench-widget

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

install: $(PY)
	$(PY) -m pip install --quiet -c requirements/constraints.txt -e '.[test]'

widget:
	@if [ -f widget/package.json ]; then \
		npm --prefix widget ci --no-audit --no-fund --loglevel=error && npm --prefix widget run --silent build; \
	fi

messages: install
	$(PY) manage.py compile_catalogs

demo: install widget messages
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_demo_hub --pages
	$(PY) manage.py ensure_demo_admin
	$(PY) manage.py demo_urls --port $(PORT) --partner-port $(PARTNER_PORT)
	$(PY) manage.py run_demo --port $(PORT) --partner-port $(PARTNER_PORT)

test: install widget messages
	$(PY) -m pytest $(PYTEST_ARGS)

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

# The benchmark of issue 9 (docs/performance.md): PostgreSQL on 127.0.0.1:5432 (user postgres),
# a generated hub of 50,000 resources in the roadcase_bench database, gunicorn, wrk.
bench: install widget messages
	$(PY) -m pip install --quiet -c requirements/constraints.txt -e '.[test,bench]'
	$(PY) tests/bench/run.py $(BENCH_ARGS)

# The widget's first screen (issue 22, docs/performance.md): Chromium against the hub under
# gunicorn with the production settings, this tree side by side with main as issue 22 began,
# on loopback and under emulated Slow 4G. PostgreSQL on 127.0.0.1:5432 and Redis on :6379.
bench-widget: install widget messages
	$(PY) tests/bench/widget.py $(BENCH_ARGS)
