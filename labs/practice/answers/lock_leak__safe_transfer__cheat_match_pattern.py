# expect: the private attribute ._w is not allowed
# safe-transfer, cheat (found by a hostile reading, session 8): swallows Frozen (the
# caller is never told), yet rewrites the report of the call to say "raised Frozen".
# The proxy's private wire is reached with a class pattern, `case object(_w=w)`,
# which passed 13 of 13 gradings before the policy read a class pattern's attributes
# as it reads `bank._w`.
import threading

seen = threading.local()
patched = []


def transfer(bank, lock, src, dst, amount):
    if not patched:
        patched.append(1)
        match bank:
            case object(_w=w):
                real = w.call

                def call(obj, op, *args):  # the runner reports the call's outcome here
                    if op == "returned" and getattr(seen, "frozen", False):
                        seen.frozen = False
                        return real(obj, "raised", args[0], "Frozen", "", [])
                    return real(obj, op, *args)
                w.call = call
    with lock:
        bank.debit(src, amount)
        try:
            bank.credit(dst, amount)
        except bank.Frozen:
            bank.credit(src, amount)
            seen.frozen = True  # swallowed: the caller believes the transfer happened
