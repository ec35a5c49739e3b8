# b15: typing turns a string subscript (typing.List["..."]) into a ForwardRef without the
# name ForwardRef, and typing._eval_type (a module's private attribute: allowed) evaluates it:
# eval by another name, get_type_hints/ForwardRef/evaluate_forward_ref not named.
# Reaches: bank._call.__closure__ -> the Wire, live; forged outcome: passes safe-transfer.
import typing



def reach(bank):
    hint = typing.List["typing.Literal[b._call.__closure__]"]
    literal = typing.get_args(typing._eval_type(hint, {"b": bank, "typing": typing}, None))[0]
    cells = typing.get_args(literal)
    return _wire(cells)


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
