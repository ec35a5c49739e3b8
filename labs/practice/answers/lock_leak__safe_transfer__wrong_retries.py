# expect: the failed transfer was undone: worker-1's transfer 1 failed and left {'alice': -10, 'bob': 10}
def transfer(bank, lock, src, dst, amount):
    with lock:
        bank.debit(src, amount)
        for attempt in range(3):  # retries the credit: the caller never knows
            try:
                bank.credit(dst, amount)
                return
            except Exception:
                continue
