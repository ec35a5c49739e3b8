# expect: no money vanished: alice + bob = 2058: 58 appeared
def transfer(bank, lock, src, dst, amount):
    with lock:
        bank.debit(src, amount)
        try:
            bank.credit(dst, amount)
        finally:
            bank.credit(src, amount)  # runs on success too
