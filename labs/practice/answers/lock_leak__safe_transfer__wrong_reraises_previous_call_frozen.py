# expect: the bank raised in an earlier call, not the one its own credit raised
# lock-leak/safe-transfer, wrong (twelfth hostile reading, eighteenth session): raises the Frozen of the worker's previous failure (thread-local), when there was one.
# "the error must reach the caller (re-raise it)". The check took any Frozen the bank had
# raised lately for this call's; the learner's process now says which operation raised it.
import threading
_prev = threading.local()
def transfer(bank, lock, src, dst, amount):
    with lock:
        bank.debit(src, amount)
        try:
            bank.credit(dst, amount)
        except Exception as e:
            bank.credit(src, amount)
            old = getattr(_prev, "e", None)
            _prev.e = e
            raise old if old is not None else e
