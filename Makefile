# Two commands do all of the set-up on a fresh machine with Python 3.10+:
#   make demo    every lab, every variant: a table, and figures in build/figures/
#   make test    pytest over tests/ and nbval over notebooks/
# and: make lab (JupyterLab), make handouts / check-handouts (the static site).
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
NBVAL  := -p tests.early -p no:cacheprovider --nbval --nbval-current-env --nbval-sanitize-with notebooks/sanitize.cfg

# Python keeps compiled modules in __pycache__/ (ignored by git) unless
# PYTHONDONTWRITEBYTECODE is set, as some machines set it. Every run starts a
# child interpreter that imports the package: without the cache each one
# compiles it from source again (measured: a practice child's imports 24 ms
# instead of 20, a kill-matrix child's 38 instead of 26; two test modules 12 %
# more CPU). So make's commands run with it unset.
unexport PYTHONDONTWRITEBYTECODE

.PHONY: demo test versions pythons lab check-lab notebooks bench repeat handouts check-handouts chromium clean

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 10))' || \
	  { echo "make: $(PYTHON) is older than 3.10; run: make PYTHON=python3.12 ..." >&2; exit 2; }
	@test -x $(PY) || { echo "creating $(VENV) with $(PYTHON)"; $(PYTHON) -m venv $(VENV); }
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test,docs]'
	@touch $(STAMP)

demo: $(STAMP)
	$(PY) -m labs demo --figures build/figures

# One pytest session over notebooks/ and tests/, TEST_WORKERS at a time
# (pytest-xdist): more workers than cores, since most of a test's time is a
# sandboxed child waiting; a notebook's cells stay together on one worker
# (tests/conftest.py). The lint runs first: it takes a second and names the line.
TEST_WORKERS ?= 6
test: $(STAMP)
	$(VENV)/bin/ruff check .
	$(PY) -m pytest $(NBVAL) -n $(TEST_WORKERS) notebooks tests

# Every listed lab's verdicts on each CPython 3.10-3.15 it finds (a table):
# pyenv's, and Debian's 3.14 and 3.15 that `make pythons` sets up; then the
# notebooks under nbval with a venv of each of NB_VERSIONS (.venv-3.14, ...),
# where a cell may differ only if it declares it (scripts/notebook_versions.py).
NB_VERSIONS ?= 3.14,3.15
versions: $(STAMP) pythons
	$(PY) scripts/versions.py --runs 2 --notebooks $(NB_VERSIONS)

# CPython 3.14 and 3.15 from Debian's packages, in a Debian sid root under
# /var/cache/thread-kill-labs (THREAD_KILL_LABS_CACHE): the first time about
# a minute and a half as root on Debian, then nothing. Elsewhere it says why
# and skips; make versions then lists 3.14 and 3.15 as skipped.
pythons:
	@bash scripts/debian_pythons.sh >/dev/null || \
	  { rc=$$?; [ $$rc = 2 ] && echo "make pythons: skipped (see the line above)"; [ $$rc = 2 ]; }


# JupyterLab on the learner's own copies of the notebooks (my-notebooks/, ignored
# by git), so that running them never rewrites a tracked file and `git pull`
# never conflicts; a copy that exists is kept. No browser is opened (a workshop
# machine often has none): JupyterLab prints the URL with its token. As root
# (a container) it needs --allow-root. LAB_IP=0.0.0.0 listens on every
# interface (a container with a published port); the default is this machine only.
LAB_IP   ?= 127.0.0.1
LAB_PORT ?= 8888
LAB_DIR  ?= my-notebooks
lab: $(STAMP)
	@mkdir -p $(LAB_DIR)
	@cp -n notebooks/*.ipynb $(LAB_DIR)/ 2>/dev/null || true
	@echo "JupyterLab on $(LAB_DIR)/ (your copies); open the http://...token=... URL it prints below"
	$(VENV)/bin/jupyter lab --no-browser --ip=$(LAB_IP) --port=$(LAB_PORT) \
	  $(if $(filter 0,$(shell id -u)),--allow-root) --ServerApp.root_dir=$(LAB_DIR)

# Every notebook as a learner sees it: JupyterLab in headless Chromium; screenshots
# in build/lab-check/.
check-lab: $(STAMP) chromium
	$(PY) scripts/check_lab.py

# Re-execute every notebook and store its outputs (after changing a lab).
notebooks: $(STAMP)
	$(PY) scripts/refresh_notebooks.py

# The stop-latency benchmark (lab 4); prints its figures, writes build/figures/.
bench: $(STAMP)
	$(PY) -m labs bench stop-latency

# Every variant's facts over 20 runs, on this Python; LOAD=1 keeps both cores busy.
repeat: $(STAMP)
	$(PY) scripts/repeat.py --runs 20 $(if $(LOAD),--load,)

# The notebooks as stored, as a static site: build/handouts/index.html.
handouts: $(STAMP)
	$(PY) scripts/build_handouts.py

# Every handout page in headless Chromium (Debian's chromium); screenshots too.
check-handouts: handouts chromium
	$(PY) scripts/check_handouts.py

# Debian's chromium, installed with apt-get when it is missing and we are root.
chromium:
	@command -v chromium >/dev/null 2>&1 || \
	if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	  echo "installing Debian's chromium with apt-get"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	else \
	  echo "make: check-handouts needs Debian's chromium: sudo apt-get install chromium" >&2; exit 2; \
	fi

clean:
	rm -rf build .pytest_cache
