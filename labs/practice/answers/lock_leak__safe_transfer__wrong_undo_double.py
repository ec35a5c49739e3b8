# expect: was credited back more than its debit
# safe-transfer, wrong (tenth hostile reading, sixteenth session; its message said "never undone")
# "the transfer must be undone (credit src back)": it credits src back and then retries a "compensating" credit again in finally, crediting src twice when the credit failed.
def transfer(bank, lock, src, dst, amount):
    with lock:
        bank.debit(src, amount)
        ok = False
        try:
            bank.credit(dst, amount)
            ok = True
        except BaseException:
            bank.credit(src, amount)
            raise
        finally:
            if not ok:
                bank.credit(src, amount)
