# sigterm, right (right-answer round, sixteenth session): failed every grading until the
# seventeenth session (a fast period's waits passed at once up to an hour for the whole
# process, and the heartbeat spent it: wire.Clock.FAST_S is each thread's now)
# main waits in stop.wait(0.05) looks, then is_alive() rounds with 50 ms naps on an Event
# of its own; a heartbeat thread of its own logs every 0.2 s (timed waits on a private
# Event) and is ended and joined with timed joins before run returns
import logging
import signal
import threading

log = logging.getLogger(__name__)


def run(start_workers):
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda signum, frame: stop.set())
    finished = threading.Event()

    def heartbeat():
        while not finished.wait(0.2):
            log.debug("stop=%s", stop.is_set())

    hb = threading.Thread(target=heartbeat, name="heartbeat")
    hb.start()
    try:
        workers = start_workers(stop)
        while not stop.wait(0.05):
            pass
        nap = threading.Event()
        while any([w.is_alive() for w in workers]):
            nap.wait(0.05)
    finally:
        finished.set()
        while hb.is_alive():
            hb.join(0.05)
