"""Reference solution: lock-leak/safe-transfer."""


def transfer(bank, lock, src, dst, amount):
    with lock:  # released however the block ends
        bank.debit(src, amount)
        try:
            bank.credit(dst, amount)
        except BaseException:
            bank.credit(src, amount)  # undo the debit: all or nothing
            raise  # the caller must know the transfer did not happen
