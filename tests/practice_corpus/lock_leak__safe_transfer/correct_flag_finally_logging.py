"""EXPECT: pass

A learner who uses a "committed" flag and a finally block (the undo-log pattern), with
logging to see the undo happen.
"""
import logging

log = logging.getLogger("transfer")


class _Undo:
    def __init__(self):
        self._steps = []

    def push(self, fn, *args):
        self._steps.append((fn, args))

    def run(self):
        while self._steps:
            fn, args = self._steps.pop()
            fn(*args)


def transfer(bank, lock, src, dst, amount):
    with lock:
        undo = _Undo()
        committed = False
        try:
            bank.debit(src, amount)
            undo.push(bank.credit, src, amount)
            bank.credit(dst, amount)
            committed = True
        finally:
            if not committed:
                log.info("undoing %s -> %s (%s)", src, dst, amount)
                undo.run()
