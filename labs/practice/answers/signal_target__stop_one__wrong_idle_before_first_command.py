# expect: an empty or quiet queue is not a reason to return
# (hostile round, twenty-sixth session: passed every grading while the only quiet period
# came after "stop nobody"; the lulls before the first command and after the stops catch it)
# stop-one, WRONG: "keep waiting while no command comes" / "control must not return before
# "quit"": a "startup timeout": if no command at all comes within 20 s of the clock after
# control starts, it returns ("nobody is driving us"). After the first command it waits
# for ever, as it should.
import queue
import time


def control(commands, stops):
    started = time.monotonic()
    got_any = False
    while True:
        try:
            line = commands.get(timeout=0.5)
        except queue.Empty:
            if not got_any and time.monotonic() - started > 20:
                return
            continue
        got_any = True
        if line == "quit":
            return
        verb, _, name = line.partition(" ")
        if verb == "stop" and name in stops:
            stops[name].set()
