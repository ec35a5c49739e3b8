# expect: thread(s) started or ended while idle
# blocking-io/timeout-consumer, wrong (right-answer and hostile round, nineteenth session; a
# right answer then, its check failing with "can't start new thread"): a heartbeat, each
# threading.Timer starting the next, every Timer joined at the end. Violates "with the same
# threads throughout" (said since the twentieth session): the kernel counts the wake-ups
# of threads alive, and a Timer that ended took its count with it. Until then a chain of
# Timers ran away on the fast clock (wire.Clock.followers)
import queue
import sys
import threading


def consumer(jobs, stop, done):
    timers = []
    lock = threading.Lock()
    state = {"on": True, "beats": 0}

    def beat():
        with lock:
            if not state["on"]:
                return
            state["beats"] += 1
            t = threading.Timer(0.1, beat)
            timers.append(t)
            t.start()

    with lock:
        t0 = threading.Timer(0.1, beat)
        timers.append(t0)
        t0.start()
    try:
        while not stop.is_set():
            try:
                job = jobs.get(timeout=0.05)
            except queue.Empty:
                continue
            done(job)
    finally:
        with lock:
            state["on"] = False
            mine = list(timers)
        for t in mine:
            t.cancel()
            t.join()
        print("beats", state["beats"], file=sys.stderr)
