# expect: no transfer after the stop: worker-1 began a transfer after `stop` was set, with no look at it since
# lock-leak/stop-worker, wrong (hostile round, thirty-second session; passed every grading, then
# 11 of 12 under load once procfs.naps read a short futex wait outside the interpreter as a nap
# of its own; every grading since the pause run is told each timed Condition wait of the
# learner's own as it begins: wire.Clock.own_wait). Violates "a pause between that look and
# the transfer misses the stop": 1 ms waits on an Event of its own there
import threading

_pace = threading.Event()
def worker(bank, lock, stop):
    while not stop.is_set():
        _pace.wait(0.001)
        with lock:
            bank.debit("alice", 10)
            bank.credit("bob", 10)
