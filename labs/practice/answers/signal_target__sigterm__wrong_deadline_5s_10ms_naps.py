# expect: run() waited for every worker: worker-1
# sigterm, wrong (seventeenth session): after the stop, polls the workers with 10 ms naps for
# 5 s in all, then returns. Passed every grading until then: the slow worker's minute ended
# after 300 looks, 3 s of these naps (they passed in the learner's process, unseen); the
# grader's clock counts them now (LateNap)
import signal
import threading
import time


def run(start_workers):
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda signum, frame: stop.set())
    workers = start_workers(stop)
    while not stop.wait(0.1):
        pass
    deadline = time.monotonic() + 5.0  # never hang on the way out
    alive = list(workers)
    while alive and time.monotonic() < deadline:
        time.sleep(0.01)
        alive = [t for t in alive if t.is_alive()]
