# found refused by a policy review's second round (twenty-eighth session), accepted since:
import functools


class Ledger:
    def __init__(self):
        self._fees = {"small": 0, "large": 1}

    @functools.lru_cache(maxsize=None)
    def fee(self, amount):
        return self._fees["large" if amount > 100 else "small"]


LEDGER = Ledger()


def transfer(bank, lock, src, dst, amount):
    with lock:
        bank.debit(src, amount + LEDGER.fee(amount))
        try:
            bank.credit(dst, amount)
        except bank.Frozen:
            bank.credit(src, amount + LEDGER.fee(amount))
            raise
