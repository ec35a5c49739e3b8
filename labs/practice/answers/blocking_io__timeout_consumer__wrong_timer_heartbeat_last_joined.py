# expect: nothing left behind: thread(s) still running after your function returned: Thread-
# blocking-io/timeout-consumer, wrong (right-answer and hostile round, nineteenth session): a
# heartbeat, each threading.Timer starting the next; only the last Timer is cancelled and
# joined. The others ended their function but were never joined: the check holds a thread
# of yours at its end until some thread looks at it (join, is_alive), so they are left
# running ("leave no thread running"); and threads start while idle ("the same threads")
import queue
import sys
import threading


def consumer(jobs, stop, done):
    # a repeating threading.Timer heartbeat, cancelled and joined at the end
    state = {"timer": None, "beats": 0, "on": True}
    lock = threading.Lock()

    def beat():
        with lock:
            if not state["on"]:
                return
            state["beats"] += 1
            t = threading.Timer(0.1, beat)
            state["timer"] = t
            t.start()

    with lock:
        state["timer"] = threading.Timer(0.1, beat)
        state["timer"].start()
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
            t = state["timer"]
        t.cancel()
        t.join()
        print("beats", state["beats"], file=sys.stderr)
