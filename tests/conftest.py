"""Shared fixtures. A sandbox run of a bad variant waits out its deadline, so
each (lab, variant) is run once per test session and its Outcome shared."""
from __future__ import annotations

import os
import signal
import subprocess
import sys

import pytest

from labs import sandbox

_runs: dict = {}


# LABS_CHILD_PYTHON=/path/to/python3.13 pytest tests/  runs the children on
# another interpreter (stdlib-only labs), to check facts across versions.
CHILD_PYTHON = os.environ.get("LABS_CHILD_PYTHON") or None


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
