# expect: no transfer after the stop: worker-1 began a transfer after `stop` was set, with no look at it since
# lock-leak/stop-worker, wrong (seventh hostile reading, thirteenth session; passed every
# grading until the nineteenth: the pause run now sets the stop as worker-1 pauses after
# its look, pauses.StopAtPause)
# Violates "no transfer may start ... on a look made before the stop (after such a pause)":
# it looks at the stop, then naps 50 ms on an Event of its own, then transfers.
import threading


def worker(bank, lock, stop):
    nap = threading.Event()
    while not stop.is_set():
        nap.wait(0.05)
        with lock:
            bank.debit("alice", 10)
            bank.credit("bob", 10)
