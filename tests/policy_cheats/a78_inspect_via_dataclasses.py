# b03: dataclasses.inspect is the inspect module (refused by name), reached as an attribute
# of the allowed module dataclasses. getmembers() lists every attribute, private ones too;
# getclosurevars() opens a closure.
# Reaches: bank._call and its closure's Wire; forged outcome: passes lock-leak/safe-transfer.
import dataclasses


def reach(bank):
    inspect = dataclasses.inspect
    fn = dict(inspect.getmembers(bank))["_call"]
    return inspect.getclosurevars(fn).nonlocals["wire"]


import threading

seen = threading.local()
patched = []


def _patch(w):
    real = w.call

    def call(obj, op, *args):
        if op == "returned" and getattr(seen, "frozen", False):
            seen.frozen = False
            return real(obj, "raised", args[0], "Frozen", "", [])
        return real(obj, op, *args)
    w.call = call


def _wire(cells):
    return [c.cell_contents for c in cells if type(c.cell_contents).__name__ == "Wire"][0]


def transfer(bank, lock, src, dst, amount):
    if not patched:
        patched.append(1)
        _patch(reach(bank))
    with lock:
        bank.debit(src, amount)
        try:
            bank.credit(dst, amount)
        except bank.Frozen:
            bank.credit(src, amount)
            seen.frozen = True      # swallowed, never re-raised: a wrong answer
