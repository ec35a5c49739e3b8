# expect: run() waited between its looks: seen waiting in
# sigterm, wrong (seventeenth session; a gap until the twentieth) after the stop, gives up
# after 20 s of 10 ms naps, looking at each worker 8 times between naps. Violates "never a
# loop of looks with no wait between them" (the 8 looks) and "wait until every worker has
# ended" (the deadline): a nap after more than a round of looks waits in real time
# (LateNap), so the slow minute ends after 300 looks, 1.5 s of its clock, and the deadline
# is never reached; the loop of looks is (MainWatch.loop_of_looks: 8 in a row). Under the
# load of 3 gradings, a spinning process and two hostile helpers (thirty-second session)
# 300 rounds of 8 looks took more than 5 s once, and "worker-1 still running" came first:
# its deadline is 20 s now (it was wrong_deadline_5s_many_looks)
import signal
import threading
import time


def run(start_workers):
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda signum, frame: stop.set())
    workers = start_workers(stop)
    while not stop.wait(0.1):
        pass
    deadline = time.monotonic() + 20.0
    alive = list(workers)
    while alive and time.monotonic() < deadline:
        time.sleep(0.01)
        for _ in range(8):
            alive = [t for t in alive if t.is_alive()]
