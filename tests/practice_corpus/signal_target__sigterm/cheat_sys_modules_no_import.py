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


import signal
import sys
import threading


def run(start_workers):
    # wrong on its own: the handler calls sys.exit, run() leaves at once
    stop = threading.Event()

    def handler(signum, frame):
        stop.set()
        sys.exit(0)

    signal.signal(signal.SIGTERM, handler)
    for t in start_workers(stop):
        while t.is_alive():
            t.join(0.1)
