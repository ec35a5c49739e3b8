# expect: ._allocate_lock is not allowed
# stop-one, wrong: like the known wrong_idle_lock_sleeps_10s, but the never-released
# lock is threading's own C lock (threading._allocate_lock), not threading.Lock().
import queue
import threading


def control(commands, stops):
    pause = threading._allocate_lock()
    pause.acquire()
    silent = 0.0
    while True:
        try:
            line = commands.get_nowait()
        except queue.Empty:
            if silent >= 10.0:
                return
            pause.acquire(timeout=0.25)
            silent += 0.25
            continue
        silent = 0.0
        if line == "quit":
            return
        verb, _, name = line.partition(" ")
        if verb == "stop" and name in stops:
            stops[name].set()
