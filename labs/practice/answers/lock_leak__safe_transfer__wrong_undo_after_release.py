# expect: the lock held around every debit and credit: worker-1's credit ran without holding `lock`
def transfer(bank, lock, src, dst, amount):
    failed = None
    with lock:
        bank.debit(src, amount)
        try:
            bank.credit(dst, amount)
        except Exception as e:
            failed = e
    if failed is not None:
        bank.credit(src, amount)  # the undo, after the lock was released
        raise failed
