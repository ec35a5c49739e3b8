# expect: an empty or quiet queue is not a reason to return
# (hostile round, twenty-sixth session: passed every grading while the only quiet period
# came after "stop nobody"; the lulls before the first command and after the stops catch it)
# stop-one, WRONG: "control must not return before "quit"" / "keep waiting while no command
# comes": once every worker's Event is set there is "nothing left to control", and control
# returns after 20 s of the clock with no command.
import queue
import time


def control(commands, stops):
    last = time.monotonic()
    while True:
        try:
            line = commands.get(timeout=0.5)
        except queue.Empty:
            if all(stops[n].is_set() for n in stops) and time.monotonic() - last > 20:
                return
            continue
        last = time.monotonic()
        if line == "quit":
            return
        verb, _, name = line.partition(" ")
        if verb == "stop" and name in stops:
            stops[name].set()
