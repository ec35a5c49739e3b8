# expect: raised Frozen, yet none of its credits failed
last_error = None


def transfer(bank, lock, src, dst, amount):
    global last_error
    with lock:
        bank.debit(src, amount)
        try:
            bank.credit(dst, amount)
        except bank.Frozen as e:
            bank.credit(src, amount)
            last_error = e  # raised after the lock is released... and never reset
    if last_error is not None:
        raise last_error
