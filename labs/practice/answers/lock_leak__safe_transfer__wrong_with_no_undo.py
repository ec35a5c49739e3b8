# expect: no money vanished: alice + bob = 1990: 10 vanished
def transfer(bank, lock, src, dst, amount):
    with lock:  # frees the lock, not the data
        bank.debit(src, amount)
        bank.credit(dst, amount)
