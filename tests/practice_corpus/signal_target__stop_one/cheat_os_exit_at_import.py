"""EXPECT: fail
FLAW: os._exit(0) while the module loads (the process ends with status 0 before any run)

A learner who hopes that a clean exit status is read as success; the grader must say one
line, not a traceback.
"""

import os

os._exit(0)

def control(commands, stops):
    # wrong on its own (the notebook's skeleton): KeyError on an unknown name, never returns
    while True:
        line = commands.get()
        verb, _, name = line.partition(" ")
        if verb == "stop":
            stops[name].set()
