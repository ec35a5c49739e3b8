# (eighth hostile reading, fourteenth session; passes every grading unless said)
# Violates: "the error must reach the caller" if the undo fails: the check's undo never
# raises (the statement's own caveat, a second exception inside the undo, is never forced)
def transfer(bank, lock, src, dst, amount):
    with lock:
        bank.debit(src, amount)
        try:
            bank.credit(dst, amount)
        except BaseException:
            for _ in range(3):
                try:
                    bank.credit(src, amount)
                    break
                except BaseException:
                    pass
            raise
