# expect: every other transfer went through: worker-1's transfer
def transfer(bank, lock, src, dst, amount):
    with lock:
        bank.debit(src, amount)
        try:
            bank.credit(dst, amount)
        finally:
            bank.credit(src, amount)  # runs on success too
