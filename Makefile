# Two commands do all of the set-up on a fresh machine with Python 3.10+:
#   make demo    every lab, every variant: a table, and figures in build/figures/
#   make test    pytest over tests/ and nbval over notebooks/
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
NBVAL  := -p no:cacheprovider --nbval --nbval-current-env --nbval-sanitize-with notebooks/sanitize.cfg

.PHONY: demo test versions lab notebooks bench repeat clean

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 10))' || \
	  { echo "make: $(PYTHON) is older than 3.10; run: make PYTHON=python3.12 ..." >&2; exit 2; }
	@test -x $(PY) || { echo "creating $(VENV) with $(PYTHON)"; $(PYTHON) -m venv $(VENV); }
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e .
	@touch $(STAMP)

demo: $(STAMP)
	$(PY) -m labs demo --figures build/figures

test: $(STAMP)
	$(PY) -m pytest -p no:cacheprovider tests
	$(PY) -m pytest $(NBVAL) notebooks

# Every listed lab's verdicts on each CPython 3.10-3.13 that pyenv has (a table).
versions: $(STAMP)
	$(PY) scripts/versions.py --runs 2

lab: $(STAMP)
	$(VENV)/bin/jupyter lab notebooks

# Re-execute every notebook and store its outputs (after changing a lab).
notebooks: $(STAMP)
	$(PY) scripts/refresh_notebooks.py

# The stop-latency benchmark (lab 4); prints its figures, writes build/figures/.
bench: $(STAMP)
	$(PY) -m labs bench stop-latency

# Every variant's facts over 20 runs, on this Python; LOAD=1 keeps both cores busy.
repeat: $(STAMP)
	$(PY) scripts/repeat.py --runs 20 $(if $(LOAD),--load,)

clean:
	rm -rf build .pytest_cache
