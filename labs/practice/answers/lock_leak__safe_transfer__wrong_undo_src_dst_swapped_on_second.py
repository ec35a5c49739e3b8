# expect: was never undone ('alice' +
# safe-transfer, wrong (tenth hostile reading, sixteenth session; its message said "never undone")
# "the transfer must be undone (credit src back)": it credits back to whichever account is alphabetically first, right for alice->bob, wrong for bob->alice.
def transfer(bank, lock, src, dst, amount):
    with lock:
        bank.debit(src, amount)
        try:
            bank.credit(dst, amount)
        except BaseException:
            bank.credit(min(src, dst), amount)
            raise
