"""A class of ten learners for `practice grade`, built from the answers in
labs/practice/answers/ (so it follows them when they change), and what each
row of its grading must say.

Two exercises: lost-task/consumer (the trusted engine) and
signal-target/stop-one. Each learner's entry is what a learner hands in: a
.py file, a folder of them, or a notebook with the rest of its cells
(imports of the checker, a magic, a plot) that must never run.
"""
from __future__ import annotations

import json
from pathlib import Path

from labs.practice import exercises

CONSUMER, STOP_ONE = "lost-task/consumer", "signal-target/stop-one"
EXERCISES = (CONSUMER, STOP_ONE)
ANSWERS = exercises.ANSWERS
MARKER = "317.0314"  # the argument of the process the "finn" learner leaves behind


def answer(name: str) -> str:
    return (ANSWERS / f"{name}.py").read_text()


def expected(name: str) -> str:
    return exercises.expected_message(ANSWERS / f"{name}.py")


def notebook(cells) -> str:
    """A notebook (nbformat 4) of (kind, source) cells."""
    return json.dumps({
        "cells": [{"cell_type": kind, "metadata": {}, "source": source,
                   **({"outputs": [], "execution_count": None} if kind == "code" else {})}
                  for kind, source in cells],
        "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3",
                                    "language": "python"}},
        "nbformat": 4, "nbformat_minor": 5}, indent=1)


HANGS = '''"""My consumer: it waits for the queue to settle first."""
import time


def consumer(tasks, stop, do):
    while True:  # never looks at stop, never returns
        time.sleep(0.01)
'''

LEAVES_A_PROCESS = f'''import os


def consumer(tasks, stop, do):
    os.spawnlp(os.P_NOWAIT, "sleep", "sleep", "{MARKER}")  # a helper process, never waited for
    while not stop.is_set():
        n = tasks.get()
        try:
            if n is None:
                return
            do(n)
        finally:
            tasks.task_done()
'''

CRASHES = '''import os
import signal


def consumer(tasks, stop, do):
    os.kill(os.getpid(), signal.SIGKILL)  # "stop everything"
'''

SYNTAX_ERROR = '''def consumer(tasks, stop, do)
    while not stop.is_set():
        do(tasks.get())
'''


def build(folder: Path) -> dict:
    """Write the class under ``folder``; return {(learner, exercise): what
    its row must say}: (result, text the row's reason contains or None)."""
    folder.mkdir(parents=True, exist_ok=True)
    want = {}

    # ada: both references in one file
    (folder / "ada.py").write_text(answer("lost_task__consumer") + "\n\n"
                                   + answer("signal_target__stop_one"))
    want["ada", CONSUMER] = ("pass", None)
    want["ada", STOP_ONE] = ("pass", None)

    # ben: a folder, one file per exercise; a known-wrong consumer
    (folder / "ben").mkdir()
    (folder / "ben" / "consumer.py").write_text(answer("lost_task__consumer__wrong_no_task_done"))
    (folder / "ben" / "control.py").write_text(answer("signal_target__stop_one"))
    (folder / "ben" / "notes.txt").write_text("not Python: ignored\n")
    want["ben", CONSUMER] = ("fail", expected("lost_task__consumer__wrong_no_task_done"))
    want["ben", STOP_ONE] = ("pass", None)

    # cleo: a notebook, the consumer with a helper; the checker's own cells never run
    helper = answer("lost_task__consumer__right_helper")
    (folder / "cleo.ipynb").write_text(notebook([
        ("markdown", "# Lab 02, my answers"),
        ("code", "%matplotlib inline\nfrom labs.practice import check\nimport matplotlib.pyplot as plt"),
        ("code", helper),
        ("code", 'result = check("lost-task/consumer", consumer)\nresult'),
        ("code", "plt.plot([1, 2, 3])\nplt.show()"),
    ]))
    want["cleo", CONSUMER] = ("pass", None)
    want["cleo", STOP_ONE] = ("not attempted", "no function control()")

    # dan: a syntax error
    (folder / "dan.py").write_text(SYNTAX_ERROR)
    want["dan", CONSUMER] = ("cannot run", "line 1")
    want["dan", STOP_ONE] = ("cannot run", "line 1")

    # eve: a consumer that never returns
    (folder / "eve.py").write_text(HANGS)
    want["eve", CONSUMER] = ("fail", "your function returned")
    want["eve", STOP_ONE] = ("not attempted", None)

    # finn: a right consumer that leaves a process behind
    (folder / "finn.py").write_text(LEAVES_A_PROCESS)
    # the policy refuses every os.spawn*/exec* (labs/practice/policy.py): the row says
    # so before anything runs (the grader's own leftover check: test_practice_trust)
    want["finn", CONSUMER] = ("cannot run", "spawnlp")
    want["finn", STOP_ONE] = ("not attempted", None)

    # gus: tries to cheat (writes the grader's records itself)
    (folder / "gus.py").write_text(answer("lost_task__consumer__cheat_writes_done"))
    want["gus", CONSUMER] = ("fail", expected("lost_task__consumer__cheat_writes_done"))
    want["gus", STOP_ONE] = ("not attempted", None)

    # hal: a known-wrong control, no consumer
    (folder / "hal.py").write_text(answer("signal_target__stop_one__wrong_stops_all"))
    want["hal", CONSUMER] = ("not attempted", None)
    want["hal", STOP_ONE] = ("fail", expected("signal_target__stop_one__wrong_stops_all"))

    # ivy: a consumer that kills its own process
    (folder / "ivy.py").write_text(CRASHES)
    want["ivy", CONSUMER] = ("fail", "ended the whole process")
    want["ivy", STOP_ONE] = ("not attempted", None)

    # jo: the notebook as handed out (the skeleton), and an empty folder
    ex = exercises.get(CONSUMER)
    (folder / "jo.ipynb").write_text(notebook([("code", ex.skeleton)]))
    want["jo", CONSUMER] = ("not attempted", "skeleton")
    want["jo", STOP_ONE] = ("not attempted", None)
    (folder / "kim").mkdir()
    want["kim", CONSUMER] = ("not attempted", "no .py or .ipynb")
    want["kim", STOP_ONE] = ("not attempted", "no .py or .ipynb")
    return want
