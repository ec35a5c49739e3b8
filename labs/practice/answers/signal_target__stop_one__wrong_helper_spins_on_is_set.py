# expect: looks at `commands` or the workers' Events in a row that did not wait
# signal-target/stop-one, wrong (hostile round, thirty-fourth session: passed every grading).
# Violates "control must not spin while no command comes ... in any thread of yours": a helper
# thread spins on the workers' is_set() while control waits in an untimed get(). The watch
# read only looks at commands, and ended at once when no thread had looked since it began.
import threading


def control(commands, stops):
    done = threading.Event()

    def watch():
        # report when a worker's Event gets set
        seen = set()
        while not done.is_set():
            for name, ev in stops.items():
                if ev.is_set() and name not in seen:
                    seen.add(name)

    h = threading.Thread(target=watch, daemon=True)
    h.start()
    try:
        while True:
            line = commands.get()
            if line == "quit":
                return
            verb, _, name = line.partition(" ")
            if verb == "stop" and name in stops:
                stops[name].set()
    finally:
        done.set()
        h.join()
