"""EXPECT: pass

Catches the error by name to print it while debugging, undoes, then re-raises the same
exception object.
"""


def transfer(bank, lock, src, dst, amount):
    with lock:
        bank.debit(src, amount)
        try:
            bank.credit(dst, amount)
        except BaseException as e:
            print(f"credit to {dst} failed ({e!r}); giving {amount} back to {src}")
            bank.credit(src, amount)
            raise e
