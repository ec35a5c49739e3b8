# (seventh hostile reading, thirteenth session; passes every grading unless said)
# Violates: "no transfer may start after ... the stop" in spirit -- it looks at the stop, then
# naps 50 ms on an Event of its own, then transfers: a stop set during the nap is ignored.
import threading


def worker(bank, lock, stop):
    nap = threading.Event()
    while not stop.is_set():
        nap.wait(0.05)
        with lock:
            bank.debit("alice", 10)
            bank.credit("bob", 10)
