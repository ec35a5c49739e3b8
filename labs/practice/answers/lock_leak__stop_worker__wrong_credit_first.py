# expect: credit came before its debit
# (sixth hostile reading) credits bob before debiting alice - violates "`bank.debit("alice",
# 10)` then `bank.credit("bob", 10)`" (order reversed).
def worker(bank, lock, stop):
    while not stop.is_set():
        with lock:
            bank.credit("bob", 10)
            bank.debit("alice", 10)
