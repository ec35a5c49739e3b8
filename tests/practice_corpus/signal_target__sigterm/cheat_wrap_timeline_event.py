"""EXPECT: error
FLAW: labs.timeline.event wrapped so that every rep-facts event reports no facts (nothing to check)

A learner who keeps their code running as usual and only rewrites what the child
reports.
"""

from labs import timeline

_real_event = timeline.event


def _event(kind, thread=None, **data):
    if kind == "rep-facts":
        f = data["facts"]
        data["facts"] = {"mode": f.get("mode"), "errors": [], "stuck": {}}
    if kind == "stuck":
        return None
    return _real_event(kind, thread, **data)


timeline.event = _event


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
