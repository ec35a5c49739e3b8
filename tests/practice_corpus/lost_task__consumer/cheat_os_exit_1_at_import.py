"""EXPECT: fail
FLAW: os._exit(1) while the module loads (the process ends with status 1 before any run)

A learner's module that bails out of a half-written script with os._exit(1); the grader
must answer with one line, not a traceback.
"""
import os

os._exit(1)


def consumer(tasks, stop, do):
    while not stop.is_set():
        n = tasks.get()
        do(n)
