# expect: made debit('alice', 5), debit('alice', 5)
# (sixth hostile reading) debits src in two halves - violates "`bank.debit(src, amount)` then
# `bank.credit(dst, amount)`" / "moves its amount once, and nothing else".
def transfer(bank, lock, src, dst, amount):
    half = amount // 2
    with lock:
        bank.debit(src, half)
        bank.debit(src, amount - half)
        try:
            bank.credit(dst, amount)
        except BaseException:
            bank.credit(src, amount)
            raise
