# expect: the error reached the caller: the caller never saw Frozen from worker-
def transfer(bank, lock, src, dst, amount):
    with lock:
        bank.debit(src, amount)
        try:
            bank.credit(dst, amount)
        except Exception:
            bank.credit(src, amount)  # undone, but the caller is never told
