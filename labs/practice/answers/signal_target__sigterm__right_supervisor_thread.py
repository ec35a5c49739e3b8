# right (right-answer round, seventeenth session): a supervisor thread of its own joins the
# workers untimed; the main thread waits on an Event of its own in timed steps, then joins it
import logging
import signal
import threading
import time

log = logging.getLogger(__name__)


def _supervise(threads, all_ended):
    for t in threads:
        t.join()
        log.info("%s ended", t.name)
    all_ended.set()


def run(start_workers):
    stop = threading.Event()
    old = signal.signal(signal.SIGTERM, lambda s, f: stop.set())
    try:
        threads = start_workers(stop)
        all_ended = threading.Event()
        sup = threading.Thread(target=_supervise, args=(threads, all_ended), name="supervisor", daemon=True)
        sup.start()
        while not all_ended.is_set():
            if stop.is_set():
                time.sleep(0.05)  # the stop's wait would return at once now
            else:
                stop.wait(0.1)
        sup.join()
    finally:
        signal.signal(signal.SIGTERM, old)
