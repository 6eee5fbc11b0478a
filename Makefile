# The two commands of the README: `make build` and `make test`. Everything else is optional.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
export NO_MKDOCS_2_WARNING := 1

.PHONY: help build test check linkcheck serve generate benchmark page-weight lock clean coverage

help:  ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed -E 's/:.*## /\t/' | expand -t 14

build: $(VENV)/.installed  ## set up .venv, generate the pages, build the site into site/
	$(PY) -m build_scripts build

test: $(VENV)/.installed-test  ## install test tools (chromium when root; Lighthouse with npm ci), lint and format-check with ruff, run every test
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	PYTHON=$(PY) bash scripts/ensure-chromium.sh
	bash scripts/ensure-lighthouse.sh
	$(PY) -m pytest

check: $(VENV)/.installed  ## validate all data; path:line:col: message per problem (CHECK_ARGS=--strict: warnings fail too)
	$(PY) -m build_scripts check $(CHECK_ARGS)

linkcheck: $(VENV)/.installed  ## report every source url and archive_url that does not answer (needs the network; not part of make test)
	$(PY) -m build_scripts.linkcheck

generate: $(VENV)/.installed  ## check, then write the generated pages and downloads into docs/ (no site build)
	$(PY) -m build_scripts generate

benchmark: $(VENV)/.installed-test  ## time check, generate and the site build on N = 1, 10, 100 synthetic transcripts (BENCHMARK_ARGS=--large adds 1000)
	$(PY) -m benchmarks.run $(BENCHMARK_ARGS)

coverage: $(VENV)/.installed  ## print where the edition is thin (as the Coverage page): notes missing, drafts, sources without archive copy
	$(PY) -m build_scripts coverage

page-weight: $(VENV)/.installed-test  ## bytes a cold browser transfers for the transcript page (needs site/)
	$(PY) scripts/page_weight.py

serve: $(VENV)/.installed  ## live preview at http://127.0.0.1:8000; editing data/ regenerates and reloads (SERVE_ARGS go to mkdocs serve)
	$(PY) -m build_scripts serve $(SERVE_ARGS)

$(VENV)/.installed: requirements.lock.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.lock.txt
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed requirements-test.lock.txt
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.lock.txt -r requirements-test.lock.txt
	touch $@

lock:  ## re-pin dependencies from requirements*.in (needs the network)
	rm -rf .lock-venv && $(PYTHON) -m venv .lock-venv
	.lock-venv/bin/pip install --quiet -r requirements.in && .lock-venv/bin/pip freeze > requirements.lock.txt
	.lock-venv/bin/pip install --quiet -r requirements-test.in -c requirements.lock.txt
	.lock-venv/bin/pip freeze | grep -vxFf requirements.lock.txt > requirements-test.lock.txt; rm -rf .lock-venv

clean:  ## remove site/ and .build-cache/ (stamp and memo): the next build generates from nothing
	rm -rf site .pytest_cache .build-cache
