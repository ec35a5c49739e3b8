# (hostile round, thirty-second session; passes every grading)
# WRONG: "keep waiting while no command comes": returns after 300 s without a command on
# time.monotonic(), waiting in get(timeout=1); a lull and a quiet period add up to about 62 s
import queue
import time


def control(commands, stops):
    last = time.monotonic()
    while True:
        try:
            line = commands.get(timeout=1)
        except queue.Empty:
            if time.monotonic() - last > 300:
                return
            continue
        last = time.monotonic()
        if line == "quit":
            return
        verb, _, name = line.partition(" ")
        if verb == "stop" and name in stops:
            stops[name].set()
