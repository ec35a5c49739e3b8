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


def shutdown(tasks, consumers):
    # wrong on its own: throws the queued tasks away
    with tasks.mutex:
        dropped = len(tasks.queue)
        tasks.queue.clear()
        tasks.unfinished_tasks -= dropped
        tasks.all_tasks_done.notify_all()
    for _ in consumers:
        tasks.put(None)
    for t in consumers:
        while t.is_alive():
            t.join(0.1)
