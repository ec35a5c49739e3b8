# expect: MainThread raised AttributeError: Worker objects of the check are read-only
import signal
import threading


def run(start_workers):
    stop = threading.Event()
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    for t in start_workers(stop):
        t.name = "done"  # write to the grader's objects instead of waiting
