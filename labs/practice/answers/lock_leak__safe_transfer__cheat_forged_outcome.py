# expect: the private attribute ._w is not allowed
import threading

seen = threading.local()


def _wire(self):                 # a parameter named self: the policy lets ._w through
    return self._w


patched = []


def transfer(bank, lock, src, dst, amount):
    if not patched:
        patched.append(1)
        w = _wire(bank)
        real = w.call

        def call(obj, op, *args):  # the child's reports on its own calls go through here
            if op == "returned" and getattr(seen, "frozen", False):
                seen.frozen = False
                return real(obj, "raised", args[0], "Frozen", "", [])
            return real(obj, op, *args)
        w.call = call               # an instance attribute: the runner's next report uses it
    with lock:
        bank.debit(src, amount)
        try:
            bank.credit(dst, amount)
        except bank.Frozen:
            bank.credit(src, amount)
            seen.frozen = True      # swallowed: the caller is told the transfer went through
