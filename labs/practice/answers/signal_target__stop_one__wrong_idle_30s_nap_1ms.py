# expect: an empty or quiet queue is not a reason to return
# signal-target/stop-one, wrong (hostile round, thirty-fourth session: passed 2 gradings of 6
# while a push of control's clocks was skipped when control looked first). Violates "keep
# waiting while no command comes": returns after 30 s of its clock with no command, looking
# with get_nowait() and 1 ms naps.
import queue
import time


def control(commands, stops):
    last = time.monotonic()
    while True:
        try:
            line = commands.get_nowait()
        except queue.Empty:
            time.sleep(0.001)
            line = None
        if line is None:
            if time.monotonic() - last > 30:
                return
            continue
        last = time.monotonic()
        if line == "quit":
            return
        verb, _, name = line.partition(" ")
        if verb == "stop" and name in stops:
            stops[name].set()
