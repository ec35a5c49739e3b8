# b05: a class body hands out its own method *functions* with a plain expression statement
# (GRAB.append(cells)); the policy follows `alias = method` assignments in a class body,
# not calls, so the methods stay "plain" and may read self._x / self.__x__ (dunders on a
# method's self are not refused at all). Called as plain functions, any object is `self`.
# Reaches: bank._call, then its __closure__ -> the Wire; forged outcome: passes safe-transfer.
GRAB = []


class Reader:
    def call_of(self):
        return self._call

    def cells(self):
        return self.__closure__

    GRAB.append(call_of)
    GRAB.append(cells)


def reach(bank):
    call_of, cells = GRAB
    return _wire(cells(call_of(bank)))


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
