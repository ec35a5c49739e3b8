# expect: (a thread of yours), with no wait of 9 ms or more
# (hostile round, twenty-sixth session: passed every grading while only the main thread's
# loops of looks were counted)
# sigterm, WRONG: "Wait in timed steps ... never a loop of looks with no wait between them".
# After the stop, whenever the main thread naps, a helper of its own busy-loops on
# stop.is_set() and the workers' is_alive() (no wait at all) "to notice ends sooner", and
# the main thread's 1 s naps are only what the kernel sees of the main thread.
import signal
import threading
import time


def run(start_workers):
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda s, f: stop.set())
    workers = start_workers(stop)
    napping = threading.Event()
    finished = threading.Event()

    def hot():
        while not finished.is_set():
            if napping.is_set() and stop.is_set():
                for w in workers:
                    w.is_alive()
            else:
                finished.wait(0.05)

    h = threading.Thread(target=hot, name="hot")
    h.start()
    try:
        for w in workers:
            while w.is_alive():
                napping.set()
                time.sleep(1.0)
                napping.clear()
    finally:
        finished.set()
        while h.is_alive():
            h.join(0.1)
