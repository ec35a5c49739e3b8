# expect: looks at `commands` or the workers' Events in a row that did not wait
# signal-target/stop-one, wrong (hostile round, thirty-fourth session: passed every grading).
# Violates "control must not spin while no command comes ... in any thread of yours": a helper
# thread spins on commands.qsize() while control waits in an untimed get(); the watch ended at
# once, no thread having looked since it began.
import threading


def control(commands, stops):
    done = threading.Event()
    size = [0]

    def watch():
        while not done.is_set():
            size[0] = commands.qsize()

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
