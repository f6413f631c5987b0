# yimen (一门): make demo runs the demo, make test runs every check and test.
# Each target installs what it needs first and is quick when that is already done.
# `make help` lists the targets.

PYTHON ?= python3
VENV := .venv
STAMPS := .stamps
PYTEST_ARGS ?=
DEMO_ARGS ?=

# The steps depend on each other's side effects (system packages, then the venv, then
# checks): never run them in parallel, even under make -j.
.NOTPARALLEL:
# A failed step leaves no target behind (e.g. a half-made venv), so the next run redoes it.
.DELETE_ON_ERROR:
.DEFAULT_GOAL := help
.PHONY: help system-deps venv translations translations-update lint test demo bench clean \
	bench-forecast bench-year \
	phone-screenshots screenshots dist dist-check

help: ## list the targets
	@echo "Targets (each installs what it needs first):"
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) \
		| awk 'BEGIN { FS = ":.*## " } { printf "  make %-12s %s\n", $$1, $$2 }'
	@echo "Variables: PYTEST_ARGS='-k queue -x' for make test, DEMO_ARGS for make demo,"
	@echo "PYTHON (default python3), YIMEN_SKIP_SYSTEM_DEPS=1 to skip the apt step."

# Debian packages: Qt libraries, CJK fonts, espeak-ng, PostgreSQL, test tools.
# Always runs: it only asks dpkg (under a second) unless something is missing.
system-deps: ## install the missing Debian/Ubuntu packages (uses sudo if not root)
	@PYTHON=$(PYTHON) .ci/system-deps

# The virtualenv, with the project installed editable plus the dev tools.
venv: $(STAMPS)/venv ## create .venv and install the project with its dev tools

# .venv/pyvenv.cfg stands for "the venv exists" (a real file: .venv/bin/python is a symlink
# whose time is the interpreter's). Deleting .venv or editing pyproject.toml reinstalls.
# No python3, or one without venv (Debian's python3-venv): the system-deps step fixes both.
$(VENV)/pyvenv.cfg:
	@$(PYTHON) -c 'import venv, ensurepip' 2>/dev/null || PYTHON=$(PYTHON) .ci/system-deps
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || { \
		echo "yimen needs Python >= 3.11; $(PYTHON) is $$($(PYTHON) -V 2>&1)." \
		     "Run make PYTHON=python3.11 (or newer) ..."; exit 1; }
	$(PYTHON) -m venv $(VENV)

$(STAMPS)/venv: $(VENV)/pyvenv.cfg pyproject.toml
	$(VENV)/bin/python -m pip install --quiet --upgrade pip
	@echo "Installing yimen and its dev tools into $(VENV) (the first time downloads about 130 MB)"
	$(VENV)/bin/python -m pip install -e '.[dev]'
	@mkdir -p $(STAMPS) && touch $@

# The screens' Chinese: the committed .ts files compiled to .qm (git ignores those).
translations: venv ## compile the Qt Linguist translations (assets/translations/*.ts)
	@for ts in assets/translations/*.ts; do \
		$(VENV)/bin/pyside6-lrelease -silent "$$ts" -qm "$${ts%.ts}.qm" || exit 1; \
	done

# After changing a screen's texts: add the new ones to the .ts files (then translate them).
translations-update: venv ## add new screen texts to assets/translations/*.ts (pyside6-lupdate)
	$(VENV)/bin/pyside6-lupdate kiosk/*.py counter/*.py counter/settings/*.py shared/qt/*.py -ts assets/translations/yimen_zh_CN.ts -no-obsolete

# Static checks. All three run even if one fails, so one run shows every problem.
lint: venv ## ruff, mypy and the import contracts (lint-imports)
	@status=0; \
	echo "== ruff check ."; $(VENV)/bin/ruff check . || status=1; \
	echo "== ruff format --check ."; $(VENV)/bin/ruff format --check . || status=1; \
	echo "== mypy"; $(VENV)/bin/mypy || status=1; \
	echo "== lint-imports"; $(VENV)/bin/lint-imports || status=1; \
	exit $$status

# The test suite starts its own throwaway PostgreSQL (tests/pgserver.py), one per pytest
# process; Qt runs offscreen. JOBS processes (pytest-xdist): the cores, at most four.
# Coverage is measured and printed; a whole run then holds the floors (README, "Tests"):
# every module of the hall's rules at RULES_FLOOR percent, the whole at pyproject's.
JOBS ?= $(shell n=$$(nproc 2>/dev/null || echo 2); [ "$$n" -gt 4 ] && n=4; echo $$n)
RULES_FLOOR := 90
RULES := tickets signin posts coverage overtime reviews lobby notices
test: system-deps venv translations lint ## all checks, then pytest (pass options in PYTEST_ARGS)
	QT_QPA_PLATFORM=offscreen $(VENV)/bin/python -m pytest -n $(JOBS) --cov $(PYTEST_ARGS)
	@if [ -z "$(PYTEST_ARGS)" ]; then \
		status=0; \
		for m in $(RULES); do \
			$(VENV)/bin/coverage report --include=shared/rules/$$m.py \
				--fail-under=$(RULES_FLOOR) >/dev/null 2>&1 || { \
				echo "coverage of shared/rules/$$m.py is under $(RULES_FLOOR)%:"; \
				$(VENV)/bin/coverage report --include=shared/rules/$$m.py --no-skip-covered; \
				status=1; }; \
		done; \
		[ $$status = 0 ] && echo "coverage of the hall's rules ($(RULES)): each at least $(RULES_FLOOR)%"; \
		exit $$status; \
	fi

demo: system-deps venv translations ## run the demo (yimen demo)
	$(VENV)/bin/yimen demo $(DEMO_ARGS)

bench: venv ## run the benchmarks (python -m bench)
	$(VENV)/bin/python -m bench

bench-forecast: venv ## the forecast against the usual formula on simulated days (a few minutes)
	$(VENV)/bin/python -m bench.forecast

bench-year: venv ## a hall-year (a million tickets) built once, then its reports timed
	$(VENV)/bin/python -m bench.hallyear

# The README's screenshots, all from one headless demo run of this build (the phone page's
# have their own target: they need Chromium).
SHOTS := kiosk-home kiosk-services kiosk-ticket kiosk-elderly-home kiosk-elderly-services \
	kiosk-refusal kiosk-home-landscape kiosk-ticket-landscape display-1920x1080 \
	display-1080x1920
screenshots: system-deps venv translations ## retake assets/screenshots/ from yimen demo --headless
	@rm -rf .shots && mkdir .shots
	cd .shots && QT_QPA_PLATFORM=offscreen ../$(VENV)/bin/yimen demo --headless
	@for s in $(SHOTS); do cp .shots/demo-out/$$s.png assets/screenshots/$$s.png; done
	cp .shots/demo-out/counter-window1.png assets/screenshots/counter-full.png
	cp .shots/demo-out/counter-window1-compact.png assets/screenshots/counter-compact.png
	cp .shots/demo-out/display-window1-called.png assets/screenshots/display-window.png
	pdftoppm -r 203 -png -singlefile "$$(ls .shots/demo-out/slips/*.pdf | head -1)" \
		assets/screenshots/slip-80mm
	@rm -rf .shots
	QT_QPA_PLATFORM=offscreen $(VENV)/bin/python -m tests.counter.supervisor_screens assets/screenshots
	QT_QPA_PLATFORM=offscreen $(VENV)/bin/python -m tests.counter.settings_screens
	@rm -rf .shots && mkdir .shots
	$(VENV)/bin/yimen init --demo --db sqlite:///.shots/report.db > /dev/null
	YIMEN_NOW=2026-12-03T08:00+08:00 $(VENV)/bin/yimen simulate --days 3 --from 2026-11-23 \
		--seed 7 --db sqlite:///.shots/report.db
	YIMEN_NOW=2026-12-03T08:00+08:00 $(VENV)/bin/yimen report --day 2026-11-25 \
		--pdf .shots/report.pdf --db sqlite:///.shots/report.db > /dev/null
	pdftoppm -r 60 -png -f 1 -l 1 -singlefile .shots/report.pdf assets/screenshots/report-page1
	@rm -rf .shots

# The phone page at 390x844 in headless Chromium (apt-get install chromium; not in CI).
phone-screenshots: venv ## screenshots of the phone page (assets/screenshots/phone-*.png)
	$(VENV)/bin/python tests/phone_screens.py assets/screenshots

# The apps as one folder that runs on a PC without Python (PyInstaller, onedir), then its
# smoke test. PyInstaller comes with the dist extra, kept out of the dev tools (make test
# never downloads it). The same spec builds on Windows (README: "The bundle").
DIST := dist/yimen
dist: system-deps venv translations $(STAMPS)/dist-tools ## build dist/yimen/ (PyInstaller), then make dist-check
	@rm -rf $(DIST)
	$(VENV)/bin/pyinstaller --noconfirm --clean --log-level WARN --distpath dist \
		--workpath build/pyinstaller assets/packaging/yimen.spec
	@du -sh $(DIST)
	@$(MAKE) --no-print-directory dist-check

dist-check: venv ## smoke-test dist/yimen/ from a clean folder (version, init, doctor, voice, PDF, kiosk)
	@test -x $(DIST)/yimen || { echo "no bundle in $(DIST): run make dist"; exit 1; }
	$(VENV)/bin/python assets/packaging/smoke.py $(DIST)

$(STAMPS)/dist-tools: $(STAMPS)/venv pyproject.toml
	$(VENV)/bin/python -m pip install -e '.[dist]'
	@mkdir -p $(STAMPS) && touch $@

# Everything the targets above create; the database files of the demo are left alone.
clean: ## remove .venv, .stamps, the tool caches and the bundle (build/, dist/)
	rm -rf $(VENV) $(STAMPS) .mypy_cache .ruff_cache .pytest_cache .import_linter_cache .coverage \
		build dist *.egg-info
	find . -name __pycache__ -type d -prune -exec rm -rf {} +
