# lock-leak/stop-worker, right (nineteenth session): looks under the lock, then paces 20 ms
# after each transfer. Its last look comes after its last acquire, so the pace is a pause
# after a look to the pause run: the stop comes in it, the next acquire begins after the
# stop, and the look under the lock sees it before any debit. Must pass.
import time


def worker(bank, lock, stop):
    while True:
        with lock:
            if stop.is_set():  # looks under the lock
                return
            bank.debit("alice", 10)
            bank.credit("bob", 10)
        time.sleep(0.02)  # a pace, after the transfer
