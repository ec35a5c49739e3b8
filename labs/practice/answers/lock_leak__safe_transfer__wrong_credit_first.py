# expect: worker-1's transfer 1 made credit('bob', 10)
# (sixth hostile reading) credits dst before debiting src (so "nothing to undo") - violates
# "under `lock`, `bank.debit(src, amount)` then `bank.credit(dst, amount)`".
def transfer(bank, lock, src, dst, amount):
    with lock:
        bank.credit(dst, amount)
        bank.debit(src, amount)
