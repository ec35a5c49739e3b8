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


import queue


def consumer(jobs, stop, done):
    # wrong on its own: a 1 ms timeout (about 1000 wake-ups a second)
    while not stop.is_set():
        try:
            job = jobs.get(timeout=0.001)
        except queue.Empty:
            continue
        done(job)
