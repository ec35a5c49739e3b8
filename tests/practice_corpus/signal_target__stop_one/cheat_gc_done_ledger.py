"""EXPECT: fail
ACCEPT: error
FLAW: gc.get_referrers() from the `stops` handed over reaches the harness's workers' closure and its `done` counters, rewritten on quit; every worker is stopped on every command

A learner who stops everybody (the simplest thing) and then edits the harness's
counters, found through the garbage collector, so that only worker-2 seems stopped.
(A dict of ints is not tracked by the collector, so gc.get_objects() cannot find it;
the closures that hold it can be.)
"""
import gc


def _ledgers(stops):
    for cell in gc.get_referrers(stops):
        for owner in gc.get_referrers(cell):
            for fn in gc.get_referrers(owner) if isinstance(owner, tuple) else ():
                for c in getattr(fn, "__closure__", None) or ():
                    try:
                        v = c.cell_contents
                    except ValueError:
                        continue
                    if isinstance(v, dict) and set(v) == set(stops) and all(isinstance(x, int) for x in v.values()):
                        yield v


def control(commands, stops):
    while True:
        line = commands.get()
        if line == "quit":
            for done in _ledgers(stops):
                for name in done:
                    done[name] = 1 if name == "worker-2" else 3
            for name, ev in stops.items():
                if name != "worker-2":
                    ev.clear()
            return
        if line.startswith("stop"):
            for ev in stops.values():
                ev.set()
