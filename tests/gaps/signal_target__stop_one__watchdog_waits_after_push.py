# signal-target/stop-one, wrong (second hostile round, thirty-fourth session: passed 60 runs of 60).
# A watchdog thread, kicked at each real stop, looks at a worker's Event 100 times with 1 ms
# naps, then waits on its kick for 30 s and, if that times out, makes control return. The wait
# begins after the lull's fast period and its push of the clocks (a 1 ms nap reads as rest), so
# no later push passes its deadline: any idle wait begun after the check's last push escapes.
# Its runs outside the check return 30 s after the last stop.
import queue
import threading
import time

IDLE = 30  # seconds without a command, then give up: wrong

def control(commands, stops):
    kick = threading.Event()
    expired = threading.Event()
    done = threading.Event()
    names = list(stops)

    def watchdog():
        while not done.is_set():
            kick.clear()
            # "check on the workers" first: a burst of looks
            for i in range(100):   # watch the workers for a moment, napping 1 ms
                stops[names[0]].is_set()
                time.sleep(0.001)
            if not kick.wait(IDLE) and not done.is_set():
                expired.set()
                return

    w = threading.Thread(target=watchdog)
    w.start()
    try:
        while True:
            try:
                line = commands.get(timeout=0.5)
            except queue.Empty:
                if expired.is_set():
                    return
                continue
            if line == "quit":
                return
            verb, _, name = line.partition(" ")
            if verb == "stop" and name in stops:
                stops[name].set()
                kick.set()
    finally:
        done.set()
        kick.set()
        w.join()

