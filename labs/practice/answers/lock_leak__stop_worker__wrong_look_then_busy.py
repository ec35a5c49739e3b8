# expect: no transfer after the stop: worker-1 began a transfer after `stop` was set, with no look at it since
# lock-leak/stop-worker, wrong (nineteenth session; the busy twin of wrong_stale_look_then_nap)
# Violates "no transfer may start ... on a look made before the stop": after its look it
# computes 20 ms (no call), then transfers. The pause run reads its CPU as its acquire
# arrives, and sets the stop as if just before it.
import time


def worker(bank, lock, stop):
    while not stop.is_set():
        end = time.thread_time() + 0.02  # "prepare" the transfer: 20 ms of CPU after the look
        while time.thread_time() < end:
            pass
        with lock:
            bank.debit("alice", 10)
            bank.credit("bob", 10)
