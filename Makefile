# The two commands: `make run` builds the bundled example into out/; `make test` runs the suite.
# Both set up what is missing first: Debian packages (only those absent) and the .venv.

SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
EXAMPLE ?= examples/zuoyun-2023.zh-CN.yaml
OUT ?= out

# CJK fonts for each GB/T 9704 role, HarfBuzz's subsetter (WeasyPrint subsets fonts 10x faster
# with it), Pango for WeasyPrint, and poppler for reading PDFs back. .ci/fandol-fonts adds the
# Fandol 仿宋 and 楷体 (two files out of Debian's texlive-lang-chinese, not the package itself).
RUN_PACKAGES := fonts-noto-cjk fonts-noto-cjk-extra fonts-arphic-ukai fonts-lxgw-wenkai fonts-noto-core \
	libharfbuzz-subset0 libpango-1.0-0 libpangoft2-1.0-0 poppler-utils
# The browser tests drive Debian's Chromium headless; the docx and import tests lay documents out
# and convert them with LibreOffice, the import tests with pandoc too.
TEST_PACKAGES := chromium libreoffice-writer-nogui pandoc

.PHONY: run test bench bench-stress bench-typst setup setup-test clean

run: setup
	$(VENV)/bin/genreport build $(EXAMPLE) -o $(OUT)
	@ls -l $(OUT)

test: setup setup-test
	$(PY) -m pytest -q

bench: setup
	$(PY) bench/run.py
	$(PY) bench/composer.py

# A 3,000-page report in one fresh process (minutes): time and peak memory.
bench-stress: setup
	$(PY) bench/stress.py

# genreport beside Typst on the same generated reports (1x, 200 pages, 10x), one table. Typst is
# pip-installed into a venv of its own under ~/.cache/genreport-bench, never a project dependency.
bench-typst: setup
	$(PY) bench/typst_bench.py $(BENCH_TYPST_ARGS)

setup: $(VENV)/.installed
	@bash .ci/apt-ensure $(RUN_PACKAGES)
	@bash .ci/fandol-fonts

setup-test:
	@bash .ci/apt-ensure $(TEST_PACKAGES)

$(VENV)/.installed: pyproject.toml
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[test]"
	touch $@

clean:
	rm -rf $(OUT) .pytest_cache
