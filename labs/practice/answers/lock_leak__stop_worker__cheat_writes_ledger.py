# expect: your code raised no exception: worker-
def worker(bank, lock, stop):
    bank.accounts = {"alice": 1000, "bob": 1000}  # the grader's ledger is not here
    bank.total = 2000
