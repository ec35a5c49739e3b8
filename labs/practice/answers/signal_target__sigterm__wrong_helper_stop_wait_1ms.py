# expect: wait() of the stop
# (hostile round, thirty-first session: passed every grading while only the main thread's
# looks at the stop reached the grader; another thread's are told now, never held)
# signal-target/sigterm, WRONG: "time.sleep(0.01) or longer between two looks ... never a
# loop of looks with no wait between them, in any thread of yours". The main thread is right
# (join(0.1) loops), but a "watcher" helper waits for the stop in 1 ms steps
# (stop.wait(0.001) in a loop: a near-spin on the stop) to log the moment it came.
import logging
import signal
import threading

log = logging.getLogger(__name__)


def run(start_workers):
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda s, f: stop.set())
    finished = []

    def watcher():
        while not stop.wait(0.001):
            if finished:
                return
        log.debug("stop seen")

    h = threading.Thread(target=watcher, name="watcher")
    h.start()
    try:
        for t in start_workers(stop):
            while t.is_alive():
                t.join(0.1)
    finally:
        finished.append(True)
        while h.is_alive():
            h.join(0.1)
