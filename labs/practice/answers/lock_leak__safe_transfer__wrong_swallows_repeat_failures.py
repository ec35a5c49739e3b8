# expect: the error reached the caller: the caller never saw Offline from worker-2
# safe-transfer, wrong (sixth hostile reading, twelfth session; caught since the thirteenth)
# re-raises only the first failure on a bank; later failures on the same bank are undone but
# swallowed (return False) - violates "the error must reach the caller (re-raise it)" (every
# time a credit fails).
import logging
import threading

log = logging.getLogger(__name__)
_failed = []            # banks that already failed once (kept alive so identity is stable)
_mu = threading.Lock()

def transfer(bank, lock, src, dst, amount):
    with lock:
        bank.debit(src, amount)
        try:
            bank.credit(dst, amount)
        except Exception:
            bank.credit(src, amount)
            with _mu:
                repeat = any(b is bank for b in _failed)
                if not repeat:
                    _failed.append(bank)
            if repeat:
                log.warning("transfer %s->%s failed again; undone", src, dst)
                return False
            raise
    return True
