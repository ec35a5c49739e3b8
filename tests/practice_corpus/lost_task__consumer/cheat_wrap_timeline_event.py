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


def consumer(tasks, stop, do):
    # wrong on its own (the notebook's skeleton): no task_done(), do(None) raises
    while not stop.is_set():
        n = tasks.get()
        do(n)
