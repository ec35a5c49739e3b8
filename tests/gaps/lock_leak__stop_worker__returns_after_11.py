# returns after 11 transfers without the stop being set (statement: repeat until stop is
# set, then return) (fifth hostile reading, eleventh session)
def worker(bank, lock, stop):
    n = 0
    while not stop.is_set() and n < 11:
        with lock:
            bank.debit("alice", 10)
            bank.credit("bob", 10)
        n += 1
