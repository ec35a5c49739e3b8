# expect: an empty or quiet queue is not a reason to return
# (hostile round, twenty-sixth session: passed every grading while the only quiet period
# came after "stop nobody"; the lulls before the first command and after the stops catch it)
# stop-one, WRONG: "keep waiting while no command comes; return on "quit"": once two workers
# or more were stopped, control treats 20 s of the clock without a command as a quit
# ("the operator is shutting down and forgot to say quit").
import queue
import time


def control(commands, stops):
    last = time.monotonic()
    stopped = set()
    while True:
        try:
            line = commands.get(timeout=0.5)
        except queue.Empty:
            if len(stopped) >= 2 and time.monotonic() - last > 20:
                return
            continue
        last = time.monotonic()
        if line == "quit":
            return
        verb, _, name = line.partition(" ")
        if verb == "stop" and name in stops:
            stops[name].set()
            stopped.add(name)
