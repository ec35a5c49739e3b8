"""EXPECT: fail
ACCEPT: error
FLAW: gc.get_objects() finds the harness's `done` dict and rewrites it on quit; every worker is stopped on every command

A learner who stops everybody (the simplest thing) and then edits the harness's
counters, found through the garbage collector, so that only worker-2 seems stopped.
"""

import gc


def control(commands, stops):
    while True:
        line = commands.get()
        if line == "quit":
            for o in gc.get_objects():
                if isinstance(o, dict) and set(o) == set(stops) and all(isinstance(v, int) for v in o.values()):
                    for name in o:
                        o[name] = 1 if name == "worker-2" else 3
            for name, ev in stops.items():
                if name != "worker-2":
                    ev.clear()
            return
        if line.startswith("stop"):
            for ev in stops.values():
                ev.set()
