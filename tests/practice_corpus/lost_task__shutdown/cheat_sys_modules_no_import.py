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
