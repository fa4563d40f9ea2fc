# Gongkai: `make run` serves a demo portal on 127.0.0.1:8000, `make test` runs the whole suite.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
HOST   ?= 127.0.0.1
PORT   ?= 8000
WORKERS ?= 2

.PHONY: install system-deps run serve migrate demo test test-fast lint fmt bench clean

install: $(VENV)/.installed .env

$(VENV)/.installed: pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[dev]'
	touch $@

.env:
	$(PYTHON) -c "import pathlib, secrets; p = pathlib.Path('.env'); p.exists() or (p.write_text('# Local settings written by make; see README.md, Configuration.\nGONGKAI_SECRET_KEY=' + secrets.token_urlsafe(50) + '\n'), p.chmod(0o600))"

# Debian packages the project needs: a CJK font and Pango for PDFs, Chromium for browser tests.
system-deps:
	@sh scripts/system-deps.sh

migrate: install
	$(BIN)/gongkai migrate --noinput -v0

demo: migrate
	$(BIN)/gongkai demo

run: install system-deps migrate
	GONGKAI_PUBLIC_BASE_URL=$${GONGKAI_PUBLIC_BASE_URL:-http://$(HOST):$(PORT)} $(BIN)/gongkai demo
	$(BIN)/gongkai collectstatic --noinput -v0
	$(BIN)/gongkai search apply
	@echo ""
	@echo "Gongkai is serving on http://$(HOST):$(PORT)/   (staff: http://$(HOST):$(PORT)/staff/)"
	@trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	$(BIN)/gongkai search worker & worker=$$!; \
	GONGKAI_DEMO=1 $(BIN)/gunicorn gongkai.wsgi:application --bind $(HOST):$(PORT) --workers $(WORKERS) \
		--access-logfile - --forwarded-allow-ips=127.0.0.1

test: install system-deps
	$(BIN)/gongkai collectstatic --noinput -v0
	$(BIN)/pytest $(PYTEST_ARGS)

test-fast: install
	$(BIN)/pytest -m "not browser" $(PYTEST_ARGS)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

fmt: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

bench: install
	$(BIN)/python -m bench

# Search speed side by side (docs/performance.md): `make bench-search SEARCH_RECORDS=100000`; needs
# ../shared/data/corpus and PostgreSQL on 127.0.0.1:5432 (a scratch database is created and dropped).
SEARCH_RECORDS ?= 20000
.PHONY: bench-search bench-relevance
bench-search: install
	$(BIN)/pip install -q -e '.[dev,bench]'
	nice $(BIN)/python -m bench.search --records $(SEARCH_RECORDS) $(BENCH_SEARCH_ARGS)

# Precision@5 and MRR over the relevance set in bench/relevance/ (guarded by tests/search/test_relevance.py).
bench-relevance: install
	$(BIN)/python -m bench.relevance

# Report auditor: precision/recall of findings, table-recovery accuracy and time per report over the labelled
# fixtures of bench/audit/fixtures/labels.json (guarded by tests/annual/test_bench_labels.py; docs/performance.md).
.PHONY: bench-audit
bench-audit: install
	$(BIN)/python -m bench.audit $(BENCH_AUDIT_ARGS)

clean:
	rm -rf var/static var/test.sqlite3* .pytest_cache
