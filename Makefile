# The two commands a newcomer needs: `make demo` and `make test`.
# Both set up a local virtual environment (.venv) on first use, with only Python 3.11.

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test test-browser lint typecheck unit soak schemas bench bench-scripts clean lforms

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

# Check the shipped tools, report on the synthetic neglect rounds of May 2017 (neglect 1.0.0)
# and May 2019 (neglect 2.0.0, which shows the movement since 2017 and the 2017 actions),
# then the trend across both, like for like where the tool changed. The tables are printed
# here; the self-contained HTML pages are written to out/ (git-ignored).
demo: $(STAMP)
	$(BIN)/audit-tool check tools/*.yaml tools/shared/*.yaml
	$(BIN)/audit-tool report examples/2017-05-neglect/audit.yaml --shared tools --force -o out/2017-05-neglect-report.html
	$(BIN)/audit-tool report examples/2019-05-neglect/audit.yaml --shared tools --shared examples --force -o out/2019-05-neglect-report.html
	$(BIN)/audit-tool trend examples/2017-05-neglect/audit.yaml examples/2019-05-neglect/audit.yaml --shared tools --shared examples
	$(BIN)/audit-tool trend examples/2019-05-neglect/audit.yaml --shared tools --shared examples --force -o out/neglect-trend.html

test: lint typecheck unit

lint: $(STAMP)
	$(BIN)/ruff check src tests scripts

typecheck: $(STAMP)
	$(BIN)/mypy src

unit: $(STAMP)
	$(BIN)/pytest -q

# The whole suite with hypothesis searching much harder (3,000 examples a property): before
# a release, not on every change.
soak: $(STAMP)
	HYPOTHESIS_PROFILE=soak $(BIN)/pytest -q

# The tests that drive a real headless Chromium, alone (Debian: apt-get install chromium
# chromium-driver). `make test` runs them too, and says plainly when they could not run.
test-browser: $(STAMP)
	$(BIN)/pytest -q -m browser

# LHC-Forms (npm 'lforms', plain JS) for the FHIR round-trip test, unpacked into the
# git-ignored tests/.lforms/; never committed. The test skips, and says so, without it.
LFORMS_VERSION := 40.1.3
LFORMS := tests/.lforms/package/dist/lforms
lforms: $(LFORMS)/webcomponent/main.js
$(LFORMS)/webcomponent/main.js:
	mkdir -p tests/.lforms
	cd tests/.lforms && npm pack --silent lforms@$(LFORMS_VERSION) >/dev/null && tar xzf lforms-$(LFORMS_VERSION).tgz

# Regenerate the checked-in JSON Schemas and the generated parts of docs/.
schemas: $(STAMP)
	$(BIN)/python -m audit_tool._generate

clean:
	rm -rf $(VENV) $(BENCH_VENV) build src/*.egg-info .pytest_cache .mypy_cache .ruff_cache .hypothesis

# Timings for the docs (not tests): one table of this library against its peers
# (jsonschema, fastjsonschema, jsonschema-rs, check-jsonschema: installed into
# .venv-bench, never run-time dependencies) and against main, with growth curves.
# BENCH_ARGS="" measures this checkout alone.
BENCH_VENV := .venv-bench
BENCH_ARGS ?= --before main

$(BENCH_VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(BENCH_VENV)
	$(BENCH_VENV)/bin/python -m pip install --quiet --upgrade pip
	$(BENCH_VENV)/bin/python -m pip install --quiet -e '.[fast]' \
		jsonschema fastjsonschema jsonschema-rs check-jsonschema
	touch $(BENCH_VENV)/.installed

bench: $(BENCH_VENV)/.installed
	$(BENCH_VENV)/bin/python scripts/bench.py $(BENCH_ARGS)

# One thing each: check, start-up and hostile files; validating responses against
# jsonschema; scoring 10,000 responses; the register of a 1,650-return round; the
# fillable form's size.
bench-scripts: $(STAMP)
	$(BIN)/python scripts/bench_check.py
	$(BIN)/python scripts/bench_validate.py
	$(BIN)/python scripts/bench_score.py
	$(BIN)/python scripts/bench_trend.py
	$(BIN)/python scripts/bench_register.py
	$(BIN)/python scripts/bench_form.py
