# (seventh hostile reading, thirteenth session; passes every grading unless said)
# Violates: "It repeats transfers ... until `stop` ... is set" -- it makes at most 10 transfers
# (the number the check happens to wait for) and then just waits for the stop.
def worker(bank, lock, stop):
    for _ in range(10):
        if stop.is_set():
            return
        with lock:
            bank.debit("alice", 10)
            bank.credit("bob", 10)
    stop.wait()
