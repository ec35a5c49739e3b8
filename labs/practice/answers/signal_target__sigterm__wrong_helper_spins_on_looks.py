# expect: (a thread of yours), with no wait of 9 ms or more
# (hostile round, twenty-sixth session: passed every grading while only the main thread's
# loops of looks were counted)
# sigterm, WRONG: "never a loop of looks with no wait between them". The main thread naps
# 1 s between its looks at the workers (as allowed), but a "monitor" thread of its own looks
# at the workers in a busy loop (is_alive() with no wait between looks) from the stop until
# all have ended. The loop of looks is a helper's, not the main thread's.
import signal
import threading
import time


def run(start_workers):
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda s, f: stop.set())
    workers = start_workers(stop)
    ended = set()

    def monitor():
        while not stop.is_set():
            stop.wait(0.1)
        while len(ended) < len(workers):
            for w in workers:          # a loop of looks, no wait between them
                if w.name not in ended and not w.is_alive():
                    ended.add(w.name)

    m = threading.Thread(target=monitor, name="monitor")
    m.start()
    for w in workers:
        while w.is_alive():
            time.sleep(1.0)
    while m.is_alive():
        m.join(0.1)
