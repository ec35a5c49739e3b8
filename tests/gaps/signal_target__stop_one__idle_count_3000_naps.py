# signal-target/stop-one, wrong (hostile round, thirty-fourth session: passed 4 gradings of 4,
# one of them at --runs 20): an idle timeout kept as a count of empty looks, 3,000 of them with
# 1 ms naps between (about 3 s), not on a clock. A lull or a quiet period passes control's naps
# at once only up to a count of waits; the 2 s quiet period is real time, so a count of more
# looks than fit in it is never reached.
import queue
import time


def control(commands, stops):
    idle = 0
    while True:
        try:
            line = commands.get_nowait()
        except queue.Empty:
            time.sleep(0.001)
            idle += 1
            if idle > 3000:  # about 3 s with nothing to do
                return
            continue
        idle = 0
        if line == "quit":
            return
        verb, _, name = line.partition(" ")
        if verb == "stop" and name in stops:
            stops[name].set()
