# expect: MainThread waiting in thread.join() in run, in the loop at line 9: for t in start_workers(stop):
import signal
import threading


def run(start_workers):
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda signum, frame: stop.set())
    for t in start_workers(stop):
        t.join()  # untimed: a SIGTERM the kernel gives another thread never wakes it
