"""EXPECT: fail
FLAW: the harness's ledger written through the argument it hands over (bank.accounts repaired after cutting a transfer)

A learner who stops mid-transfer for speed and then 'fixes the books' directly in
bank.accounts, without calling credit.
"""

def worker(bank, lock, stop):
    while True:
        with lock:
            bank.debit("alice", 10)
            if stop.is_set():
                bank.accounts["bob"] += 10  # the credit, without calling credit()
                return
            bank.credit("bob", 10)
