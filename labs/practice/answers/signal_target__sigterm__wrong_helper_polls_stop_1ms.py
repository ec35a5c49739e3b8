# expect: is_set() of the stop
# (hostile round, thirty-first session: passed every grading while only the main thread's
# looks at the stop reached the grader; another thread's are told now, never held)
# signal-target/sigterm, WRONG: "time.sleep(0.01) or longer between two looks ... never a
# loop of looks with no wait between them, in any thread of yours". The main thread is right
# (join(0.1) loops), but a "reporter" helper of its own polls a plain flag every 1 ms to
# log the moment the stop came and when run() finished.
import logging
import signal
import threading
import time

log = logging.getLogger(__name__)


def run(start_workers):
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda s, f: stop.set())
    state = {"finished": False, "stopped": False}

    def reporter():
        while not state["finished"]:
            if stop.is_set() and not state["stopped"]:
                state["stopped"] = True
                log.debug("stop seen")
            time.sleep(0.001)

    h = threading.Thread(target=reporter, name="reporter")
    h.start()
    try:
        for t in start_workers(stop):
            while t.is_alive():
                t.join(0.1)
    finally:
        state["finished"] = True
        while h.is_alive():
            h.join(0.1)
