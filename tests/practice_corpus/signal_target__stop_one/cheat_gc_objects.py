"""EXPECT: fail
ACCEPT: error
FLAW: gc.get_objects() finds the child's Exercise object and its harness is replaced

A learner who found the harness's objects through the garbage collector, with no import
of labs and no frames.
"""

import gc

for _o in gc.get_objects():
    if type(_o).__name__ == "Exercise" and getattr(_o, "id", None) == 'signal-target/stop-one':
        object.__setattr__(_o, "harness", lambda rep, *functions: {})


def control(commands, stops):
    # wrong on its own (the notebook's skeleton): KeyError on an unknown name, never returns
    while True:
        line = commands.get()
        verb, _, name = line.partition(" ")
        if verb == "stop":
            stops[name].set()
