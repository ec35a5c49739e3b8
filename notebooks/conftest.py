"""nbval over the notebooks, on whatever Python runs the tests.

The stored outputs were made on one version (the notebook's
``metadata.language_info.version``). A code cell whose output depends on the
version declares it with a tag ``version-dependent:KEY``, where KEY is a key of
``labs.contract.versions.DIFFERENCES`` or ``banner`` (the first cell's text,
which names the version). When KEY applies to the running Python, the cell is
run, and must not raise, but its output is not compared: so ``make test``
passes on every supported version, and any other difference still fails.
``scripts/notebook_versions.py`` lists those cells for each version.
Under pytest-xdist a notebook's cells all go to one worker, in order
(tests/conftest.py's scheduler; ``--dist loadfile`` when notebooks/ runs alone).
"""
from __future__ import annotations

import os
import sys

import pytest
from notebook_versions import compared_here  # scripts/, on pytest's pythonpath

from labs.practice.engine import ORDER_SEED_ENV


# The practice checks run their modes in a random order (labs.practice.engine.order);
# the stored results are those of order seed 1. Only the notebooks' kernels get it
# (nbval starts a notebook's kernel as its first cell is set up, and the kernel
# keeps the environment it started with): make test's other tests, in the same
# session, grade in random orders.
@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_setup(item):
    if getattr(item, "cell", None) is None or ORDER_SEED_ENV in os.environ:
        yield
        return
    os.environ[ORDER_SEED_ENV] = "1"
    try:
        yield
    finally:
        del os.environ[ORDER_SEED_ENV]


def pytest_collection_modifyitems(items):
    for item in items:
        cell, options = getattr(item, "cell", None), getattr(item, "options", None)
        if cell is None or options is None:  # not an nbval cell
            continue
        stored = item.parent.nb.metadata.get("language_info", {}).get("version", "")
        if not compared_here(cell, stored, sys.version_info[:3]):
            options["check"] = False
