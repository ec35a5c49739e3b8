# expect: (the failed credit was retried)
def transfer(bank, lock, src, dst, amount):
    with lock:
        bank.debit(src, amount)
        for attempt in range(3):  # retries the credit: the caller never knows
            try:
                bank.credit(dst, amount)
                return
            except Exception:
                continue
