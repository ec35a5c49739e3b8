# expect: credit('alice', 5), credit('alice', 5): a transfer is one debit(src, amount)
# (sixth hostile reading) undoes the failed transfer with two half credits - violates "the
# transfer must be undone (credit `src` back)" as one step: a second exception between the
# halves leaves it half-undone, and the undo is not `bank.credit(src, amount)`.
def transfer(bank, lock, src, dst, amount):
    half = amount // 2
    with lock:
        bank.debit(src, amount)
        try:
            bank.credit(dst, amount)
        except BaseException:
            bank.credit(src, half)
            bank.credit(src, amount - half)
            raise
