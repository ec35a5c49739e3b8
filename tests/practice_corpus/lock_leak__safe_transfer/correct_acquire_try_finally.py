"""EXPECT: pass

Explicit acquire/release with finally, a bare `except:` that undoes and re-raises.
"""


def transfer(bank, lock, src, dst, amount):
    lock.acquire()
    try:
        bank.debit(src, amount)
        try:
            bank.credit(dst, amount)
        except:  # noqa: E722 - anything that cut the transfer
            bank.credit(src, amount)
            raise
    finally:
        lock.release()


if __name__ == "__main__":
    import threading

    class Bank(dict):
        def debit(self, who, n):
            self[who] -= n

        def credit(self, who, n):
            self[who] += n

    b = Bank(alice=100, bob=0)
    transfer(b, threading.Lock(), "alice", "bob", 10)
    print(b)
