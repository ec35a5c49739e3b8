# b01: enum.bltns (and dataclasses.builtins) is the builtins module, reached as an
# attribute of an allowed module: eval/exec/getattr/open by another name. The policy
# refuses the *names* eval/exec (ast.Name) only, not an attribute ".eval".
# Reaches: the proxy's _call closure -> the Wire; rewrites the runner's outcome reports
# (the forged-outcome cheat): a transfer that swallows Frozen is reported as raised.
import enum
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


def transfer(bank, lock, src, dst, amount):
    if not patched:
        patched.append(1)
        cells = enum.bltns.eval("b._call.__closure__", {"b": bank})
        _patch([c.cell_contents for c in cells if type(c.cell_contents).__name__ == "Wire"][0])
    with lock:
        bank.debit(src, amount)
        try:
            bank.credit(dst, amount)
        except bank.Frozen:
            bank.credit(src, amount)
            seen.frozen = True      # swallowed: not re-raised (a wrong answer)
