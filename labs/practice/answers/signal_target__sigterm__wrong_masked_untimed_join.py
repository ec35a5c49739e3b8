# expect: MainThread waiting in thread.join() in run, in the loop at line 14: for t in workers:
import signal
import threading


def run(start_workers):
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda signum, frame: stop.set())
    # the threads start_workers starts inherit this mask: the kernel can give
    # SIGTERM to the main thread only ...
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGTERM})
    workers = start_workers(stop)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM})
    for t in workers:
        t.join()  # ... so an untimed join "works"
