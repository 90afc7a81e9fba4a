# The two commands: `make run` builds the bundled example into out/; `make test` runs the suite.
# Both set up what is missing first: Debian packages (only those absent) and the .venv.

SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
EXAMPLE ?= examples/zuoyun-2023.zh-CN.yaml
OUT ?= out

# CJK fonts for each GB/T 9704 role, HarfBuzz's subsetter (WeasyPrint subsets fonts 10x faster
# with it), Pango for WeasyPrint, and poppler for reading PDFs back. .ci/fandol-fonts adds the
# Fandol 仿宋 and 楷体 (two files out of Debian's texlive-lang-chinese, not the package itself);
# .ci/font-aliases maps the .docx's official font names to the same fonts, for LibreOffice.
RUN_PACKAGES := fonts-noto-cjk fonts-noto-cjk-extra fonts-arphic-ukai fonts-lxgw-wenkai fonts-noto-core \
	libharfbuzz-subset0 libpango-1.0-0 libpangoft2-1.0-0 poppler-utils
# The browser tests drive Debian's Chromium headless; the docx and import tests lay documents out
# and convert them with LibreOffice, the import tests with pandoc too.
TEST_PACKAGES := chromium libreoffice-writer-nogui pandoc

.PHONY: run test test-fast lint bench bench-stress bench-tricks bench-typst setup setup-test clean

run: setup
	$(VENV)/bin/genreport build $(EXAMPLE) -o $(OUT)
	@ls -l $(OUT)

test: setup setup-test
	$(PY) -m pytest -q

# The unit tests alone: no process started, no PDF laid out, no browser (tests/conftest.py lists
# the slow ones). About 1,000 tests in under a minute (57 s quiet); each gets 60 s before it counts as hung.
test-fast: setup
	$(PY) -m pytest -q -m "not slow and not browser" --timeout=60

# Lint and types: ruff with pyproject.toml's rules, ruff's formatter (check only: `ruff format`
# rewrites), and mypy with pyproject.toml's [tool.mypy] (strict). Needs only the .venv.
LINT_PATHS := generator tests bench
lint: $(VENV)/.installed
	$(VENV)/bin/ruff check $(LINT_PATHS)
	$(VENV)/bin/ruff format --check $(LINT_PATHS)
	$(VENV)/bin/mypy

# Everything in one run: the builds' figures (bench/run.py), the composer's agreement with WeasyPrint,
# and the 24-page and 200-page builds beside Typst's and beside genreport laying every page out with
# WeasyPrint (bench/typst_bench.py; it pip-installs Typst into its own venv the first time).
bench: setup
	$(PY) bench/run.py
	$(PY) bench/composer.py
	$(PY) bench/typst_bench.py --sizes 1x,10x $(BENCH_TYPST_ARGS)

# A 3,000-page report in one fresh process (minutes): time and peak memory.
bench-stress: setup
	$(PY) bench/stress.py

# What each speed trick of generator/speed.py saves, cold and warm (each one switched off alone).
bench-tricks: setup
	$(PY) bench/tricks.py

# genreport beside Typst on the same generated reports (1x, 200 pages, 10x), one table. Typst is
# pip-installed into a venv of its own under ~/.cache/genreport-bench, never a project dependency.
bench-typst: setup
	$(PY) bench/typst_bench.py $(BENCH_TYPST_ARGS)

setup: $(VENV)/.installed
	@bash .ci/apt-ensure $(RUN_PACKAGES)
	@bash .ci/fandol-fonts
	@bash .ci/font-aliases $(PY)

setup-test:
	@bash .ci/apt-ensure $(TEST_PACKAGES)

# constraints.txt pins the whole tree to the versions the suite runs against: byte-identical output.
$(VENV)/.installed: pyproject.toml constraints.txt
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -c constraints.txt -e ".[test]"
	touch $@

clean:
	rm -rf $(OUT) .pytest_cache
