# (hostile round, thirty-second session; passed every grading until procfs.naps read a short
# futex wait outside the interpreter as a nap of the thread's own; since, caught in 11 gradings
# of 12 under load, on 3.10 and 3.11: the pause run samples the kernel every 0.5 ms, and a 1 ms
# wait can fall between samples on every iteration)
# WRONG: "a pause between that look and the transfer misses the stop": 1 ms waits on an Event
# of its own there
import threading

_pace = threading.Event()
def worker(bank, lock, stop):
    while not stop.is_set():
        _pace.wait(0.001)
        with lock:
            bank.debit("alice", 10)
            bank.credit("bob", 10)
