# expect: the lock held around every debit and credit: worker-
import threading

mine = threading.Lock()


def transfer(bank, lock, src, dst, amount):
    with mine:  # a lock of its own: the check's lock is never held
        bank.debit(src, amount)
        try:
            bank.credit(dst, amount)
        except Exception:
            bank.credit(src, amount)
            raise
