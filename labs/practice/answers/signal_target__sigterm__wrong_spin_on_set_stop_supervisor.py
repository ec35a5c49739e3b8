# expect: run() waited between its looks: seen waiting in
# sigterm, wrong (right-answer round, seventeenth session; passed every grading until the slow
# worker ran on in real time under an untimed join too): after the stop the main thread
# spins: stop.wait(0.1) returns at once once the stop is set, and the loop looks at an Event of
# its own until a supervisor thread's untimed joins return
import logging
import signal
import threading

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
        sup = threading.Thread(target=_supervise, args=(threads, all_ended), name="supervisor",
                               daemon=True)
        sup.start()
        while not all_ended.is_set():
            stop.wait(0.1)
        sup.join()
    finally:
        signal.signal(signal.SIGTERM, old)
