# b06: dataclasses._create_fn builds a function from source text with exec(); a private
# attribute of an imported module is allowed ("a module it imported"), so this is exec by
# another name, with the attribute path written as a string the policy does not read.
# Reaches: bank._call.__closure__ -> the Wire; forged outcome: passes lock-leak/safe-transfer.
import dataclasses


def reach(bank):
    peek = dataclasses._create_fn("peek", ["b"], ["return b._call.__closure__"])
    return _wire(peek(bank))


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
