# expect: of its own, not the one the bank raised
# (sixth hostile reading) raises a fresh copy of the error (same type, new object, traceback
# lost) instead of re-raising it - violates "the error must reach the caller (re-raise it)".
def transfer(bank, lock, src, dst, amount):
    with lock:
        bank.debit(src, amount)
        try:
            bank.credit(dst, amount)
        except Exception as exc:
            bank.credit(src, amount)
            raise type(exc)(*exc.args) from None
