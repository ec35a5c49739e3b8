# expect: an empty or quiet queue is not a reason to return
# signal-target/stop-one, wrong (hostile round, thirty-fourth session: passed 3 gradings of 3
# while a push of control's clocks was skipped when control looked first). Violates "keep
# waiting while no command comes": 50 ms naps, an idle timeout of 30 s, and a helper thread
# that never waits, so the process never rests.
import queue
import threading
import time


def control(commands, stops):
    done = threading.Event()
    box = [0]

    def helper():
        # busy bookkeeping thread: never waits
        while not done.is_set():
            box[0] += 1

    h = threading.Thread(target=helper, daemon=True)
    h.start()
    last = time.monotonic()
    try:
        while True:
            try:
                line = commands.get_nowait()
            except queue.Empty:
                time.sleep(0.05)
                if time.monotonic() - last > 30:
                    return
                continue
            last = time.monotonic()
            if line == "quit":
                return
            verb, _, name = line.partition(" ")
            if verb == "stop" and name in stops:
                stops[name].set()
    finally:
        done.set()
        h.join()
