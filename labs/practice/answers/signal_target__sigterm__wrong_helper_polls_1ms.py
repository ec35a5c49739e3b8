# expect: (a thread of yours), with no wait of 9 ms or more
# (hostile round, twenty-sixth session: passed every grading while only the main thread's
# loops of looks were counted)
# sigterm, WRONG: "time.sleep(0.01) or longer between two looks". A helper thread of its
# own polls the workers with 1 ms naps (a near-spin) from the start; the main thread
# looks at the workers with 1 s naps between looks, so the main thread looks right.
import signal
import threading
import time


def run(start_workers):
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda s, f: stop.set())
    workers = start_workers(stop)

    def poller():
        while any([w.is_alive() for w in workers]):
            time.sleep(0.001)

    p = threading.Thread(target=poller, name="poller")
    p.start()
    for w in workers:
        while w.is_alive():
            time.sleep(1.0)
    while p.is_alive():
        p.join(0.1)
