"""EXPECT: fail
ACCEPT: error
FLAW: labs.timeline.event wrapped through sys.modules, with no import statement naming labs

A learner who heard that 'import labs' is refused and reaches the module through
sys.modules, which an import-based policy does not see.
"""

import sys

_tl = sys.modules["la" + "bs.timeline"]
_real_event = _tl.event


def _event(kind, thread=None, **data):
    if kind == "rep-facts":
        f = data["facts"]
        data["facts"] = {"mode": f.get("mode"), "errors": [], "stuck": {}}
    return _real_event(kind, thread, **data)


_tl.event = _event


def consumer(tasks, stop, do):
    # wrong on its own (the notebook's skeleton): no task_done(), do(None) raises
    while not stop.is_set():
        n = tasks.get()
        do(n)
