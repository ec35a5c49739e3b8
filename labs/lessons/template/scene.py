"""Template: copy this module to start a lab (CONTRIBUTING.md, "Add a lab").

A lab tells one story: the forced stop as people write it (``bad``), then the
cooperative fix (``fixed``). Every variant is a plain function that runs in
the sandbox's child and reports what it measured; the parent judges the run
from those facts alone. This one is the smallest such story: a worker is
stopped by force midway through a two-step update, or asked to stop between
updates.

Run it: ``python -m labs run template``; tests/test_template.py checks it, and
notebooks/template/NN-your-lab.ipynb shows it.
"""
from __future__ import annotations

import threading

from labs.child import record
from labs.child.kill import async_raise


class Scene:
    """What the variants share: two counters that must stay equal, and the
    Events that pause the worker between its two steps, once."""

    def __init__(self):
        self.left = self.right = 0
        self.midway = threading.Event()  # the worker is between its two steps
        self.resume = threading.Event()  # the stopper has acted: go on

    def step_pair(self):
        self.left += 1
        if not self.midway.is_set():
            self.midway.set()
            # A forced stop fires in here, as the C call it waits in returns
            # (waiter.acquire(), in Condition.wait).
            self.resume.wait()
        self.right += 1


def bad():
    """Stopped by force (the ctypes recipe) midway through a step pair."""
    scene = Scene()

    def work():
        record.state("working")
        while True:
            scene.step_pair()

    worker = threading.Thread(target=work, name="worker")
    worker.start()
    scene.midway.wait()  # forced by an Event, never by sleep
    record.mark("forced stop")
    async_raise(worker, SystemExit)
    scene.resume.set()
    worker.join()
    record.state("killed", thread=worker)
    record.facts(pairs_intact=scene.left == scene.right)


def fixed():
    """Asked to stop with an Event checked between step pairs."""
    scene = Scene()
    stop = threading.Event()

    def work():
        record.state("working")
        while not stop.is_set():
            scene.step_pair()
        record.state("done")

    worker = threading.Thread(target=work, name="worker")
    worker.start()
    scene.midway.wait()  # the same moment as in bad
    record.mark("stop requested")
    stop.set()
    scene.resume.set()
    worker.join()
    record.facts(pairs_intact=scene.left == scene.right)


# What the child runs, by variant name (the lab's measure module judges them).
VARIANTS = {"bad": bad, "fixed": fixed}
