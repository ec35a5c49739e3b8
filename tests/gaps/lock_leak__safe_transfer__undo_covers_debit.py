# (hostile round, thirty-second session; passes every grading)
# WRONG: its try covers the debit too, so an exception raised inside the debit would be "undone"
# by crediting src money never taken from it; the check's debit never raises
def transfer(bank, lock, src, dst, amount):
    with lock:
        try:
            bank.debit(src, amount)
            bank.credit(dst, amount)
        except BaseException:
            bank.credit(src, amount)
            raise
