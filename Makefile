# Two commands set everything up on a fresh Debian/Ubuntu machine:
#   make run   - system libraries, a virtualenv with pinned dependencies, then the app
#   make test  - the same plus test tools, then the whole suite headless
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
PIP    := $(PY) -m pip --disable-pip-version-check -q

# Debian packages Qt needs to start (offscreen for tests, xcb for a real window); the last
# three are for the tests: appstreamcli, desktop-file-validate and `pipx install .`.
SYSTEM_PACKAGES := libegl1 libgl1 libxkbcommon0 libfontconfig1 libfreetype6 libdbus-1-3 \
	fonts-dejavu-core libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 \
	libxcb-image0 libxcb-render-util0 libxcb-xkb1 libxcb-shape0 libxcb-randr0 \
	libxcb-xinerama0 libxcb-xfixes0 libx11-xcb1 libglib2.0-0 xvfb xauth \
	appstream desktop-file-utils pipx

.PHONY: run test lint system-deps venv dev forms icons translations bench clean

system-deps: .system-deps.stamp
.system-deps.stamp: Makefile
	@missing=""; for p in $(SYSTEM_PACKAGES); do \
		dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
		echo "Installing system packages:$$missing"; \
		if [ "$$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi; \
		$$SUDO apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends $$missing >/dev/null; \
	fi
	@touch $@

$(VENV)/.runtime.stamp: requirements.txt pyproject.toml | .system-deps.stamp
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PIP) install -r requirements.txt hatchling==1.33.0
	$(PIP) install --no-deps --no-build-isolation -e .
	@touch $@

$(VENV)/.dev.stamp: requirements-dev.txt $(VENV)/.runtime.stamp
	$(PIP) install -r requirements-dev.txt
	@touch $@

venv: $(VENV)/.runtime.stamp
dev: $(VENV)/.dev.stamp

run: venv
	$(VENV)/bin/sciatica-journal

test: dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/lint-imports
	$(VENV)/bin/mypy
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest

lint: dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports
	$(VENV)/bin/mypy

# Bring resources/locale/*/LC_MESSAGES/*.po up to date with the texts marked in the code
# and compile them (.mo); both are committed (a test fails when they are stale).
translations: dev
	$(PY) -m sciatica_journal.catalogs_build

# Regenerate sciatica_journal/gui/forms/ from ui/*.ui (committed; a test fails when stale).
forms: dev
	$(PY) -m sciatica_journal.gui.forms.build

# Render resources/icons/sciatica-journal.svg as the PNGs in resources/icons/hicolor/
# (committed; a test fails when they are stale).
icons: dev
	$(PY) -m sciatica_journal.icons_build

# The summary benchmark compares with the sqlite3 command-line tool (bench/summary.py).
bench: dev
	@command -v sqlite3 >/dev/null || { \
		if [ "$$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi; \
		$$SUDO apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends sqlite3 >/dev/null; }
	$(PY) bench/run.py

clean:
	rm -rf $(VENV) dist build .pytest_cache .ruff_cache .mypy_cache .hypothesis .system-deps.stamp
