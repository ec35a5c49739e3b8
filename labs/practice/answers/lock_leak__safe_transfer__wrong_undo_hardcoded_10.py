# expect: the failed transfer was undone: worker-2's transfer 2 failed and left
# (seventh hostile reading, thirteenth session)
# Violates: "credit `src` back" with the transfer's amount -- the undo credits a fixed 10.
def transfer(bank, lock, src, dst, amount):
    with lock:
        bank.debit(src, amount)
        try:
            bank.credit(dst, amount)
        except BaseException:
            bank.credit(src, 10)
            raise
