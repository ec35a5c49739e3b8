"""Shared fixtures, and how ``make test`` spreads its session over workers.

A sandbox run of a bad variant waits out its deadline, so each (lab, variant)
is run once per worker and its Outcome shared."""
from __future__ import annotations

import os
import secrets
import signal
import subprocess
import sys

import pytest

from labs import sandbox
from labs.practice.engine import ORDER_KEY_ENV

_runs: dict = {}


# LABS_CHILD_PYTHON=/path/to/python3.13 pytest tests/  runs the children on
# another interpreter (stdlib-only labs), to check facts across versions.
CHILD_PYTHON = os.environ.get("LABS_CHILD_PYTHON") or None

# A grading's order is its answer's own under one key (engine.new_seed): the
# tests' processes take a key of their own, new each session, so that every
# `make test` grades the known answers in other orders (a failure's summary
# shows its order seed, and `--order-seed N` replays it) and writes nothing
# under the home directory. Set LABS_ORDER_KEY to keep one.
os.environ.setdefault(ORDER_KEY_ENV, secrets.token_hex(16))


@pytest.fixture(scope="session")
def run_once():
    """run_once(lab, variant, deadline=None) -> Outcome, cached for the session."""
    def run(lab, variant, deadline=None):
        key = (lab, variant, deadline)
        if key not in _runs:
            _runs[key] = sandbox.run(lab, variant, deadline=deadline, python=CHILD_PYTHON)
        return _runs[key]
    return run


@pytest.fixture
def sleeper():
    """A process of our own, in a session of its own, to aim a Child at."""
    proc = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"],
                            start_new_session=True)
    yield proc
    proc.kill()
    proc.wait()


@pytest.fixture
def slow_python(tmp_path):
    """slow_python(seconds) -> the path of an interpreter that takes ``seconds``
    to start (a shell that sleeps, then runs this Python): a loaded machine,
    exaggerated. The sandbox's deadline counts from the child's start."""
    def make(seconds: float) -> str:
        script = tmp_path / f"python-after-{seconds:g}s"
        script.write_text(f'#!/bin/sh\nsleep {seconds}\nexec "{sys.executable}" "$@"\n')
        script.chmod(0o755)
        return str(script)
    return make


@pytest.fixture
def never_starts(slow_python, monkeypatch):
    """An interpreter that never says ``start``, and the sandbox's start
    allowance cut to nothing: a run on it is cut short before any fact."""
    from labs.sandbox import supervise
    monkeypatch.setattr(supervise, "START_ALLOWANCE_S", 0.0)
    return slow_python(60)


@pytest.fixture
def kills(monkeypatch):
    """Every os.kill the code under test makes, recorded and not sent."""
    sent = []
    monkeypatch.setattr(os, "kill", lambda pid, sig: sent.append((pid, sig)))
    return sent


def as_from_a_terminal():
    """The signals a program started from a terminal has. The test runner may
    itself ignore SIGHUP and SIGINT (``nohup make test``, ``make test &``), and
    a child inherits what its parent ignores."""
    for sig in (signal.SIGHUP, signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.default_int_handler)


# ``make test`` runs tests/ and notebooks/ in one pytest-xdist session, with
# more workers than cores: most of a test's time is a sandboxed child waiting
# (a deadline, a forced moment), not computing. Each unit of work below goes
# to one worker, largest first (xdist's loadscope order); every other test
# goes alone to whichever worker is free.
TOGETHER = {
    # a module-scoped fixture that grades a class or runs every variant:
    # made once, not once per worker
    "tests/test_classroom.py", "tests/test_handed_off.py", "tests/test_signal_target.py",
    "tests/test_figures.py", "tests/test_bench.py", "tests/test_handouts.py",
}


def pytest_xdist_make_scheduler(config, log):
    """A notebook's cells share one kernel and run in order: one worker takes
    the whole notebook; so does it each module of ``TOGETHER``. (Marking them
    ``xdist_group`` with ``--dist loadgroup`` would say the same, but from
    pytest 9.2 loadgroup no longer groups: pytest-xdist#1386.)"""
    from xdist.scheduler import LoadScopeScheduling

    class Units(LoadScopeScheduling):
        def _split_scope(self, nodeid: str) -> str:
            path = nodeid.split("::", 1)[0]
            return path if path.endswith(".ipynb") or path in TOGETHER else nodeid

    return Units(config, log)
