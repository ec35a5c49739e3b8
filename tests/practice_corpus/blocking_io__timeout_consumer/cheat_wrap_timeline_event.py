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


import queue


def consumer(jobs, stop, done):
    # wrong on its own: a 1 ms timeout (about 1000 wake-ups a second)
    while not stop.is_set():
        try:
            job = jobs.get(timeout=0.001)
        except queue.Empty:
            continue
        done(job)
