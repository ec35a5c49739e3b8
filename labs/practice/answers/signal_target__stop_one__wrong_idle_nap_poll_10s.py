# expect: an empty or quiet queue is not a reason to return
# signal-target/stop-one, wrong (thirty-fourth session, written beside the change that pushes
# control's clocks only when it naps). Violates "keep waiting while no command comes": it
# polls with get_nowait() and 50 ms naps, and returns after 10 s of its clock with no command.
import queue
import time


def control(commands, stops):
    last = time.monotonic()
    while True:
        try:
            line = commands.get_nowait()
        except queue.Empty:
            if time.monotonic() - last > 10:
                return
            time.sleep(0.05)
            continue
        last = time.monotonic()
        if line == "quit":
            return
        verb, _, name = line.partition(" ")
        if verb == "stop" and name in stops:
            stops[name].set()
