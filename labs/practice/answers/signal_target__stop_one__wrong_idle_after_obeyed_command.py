# expect: an empty or quiet queue is not a reason to return
# (hostile round, twenty-sixth session: passed every grading while the only quiet period
# came after "stop nobody"; the lulls before the first command and after the stops catch it)
# stop-one, WRONG: "keep waiting while no command comes; return on "quit"": after a command
# it obeyed, 20 s of the clock with no command is taken as the end and control returns; only
# after a command it ignored (an unknown name, another verb) does it wait for ever ("the
# operator is still typing").
import queue
import time


def control(commands, stops):
    last = time.monotonic()
    patient = True
    while True:
        try:
            line = commands.get(timeout=0.5)
        except queue.Empty:
            if not patient and time.monotonic() - last > 20:
                return
            continue
        last = time.monotonic()
        if line == "quit":
            return
        verb, _, name = line.partition(" ")
        if verb == "stop" and name in stops:
            stops[name].set()
            patient = False
        else:
            patient = True
