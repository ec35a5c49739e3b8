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


def worker(bank, lock, stop):
    # wrong on its own: returns between the debit and the credit (money vanishes)
    while True:
        with lock:
            bank.debit("alice", 10)
            if stop.is_set():
                return
            bank.credit("bob", 10)
