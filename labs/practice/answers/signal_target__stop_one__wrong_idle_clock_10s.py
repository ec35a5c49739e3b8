# expect: an empty or quiet queue is not a reason to return
import queue
import time


def control(commands, stops):
    last = time.monotonic()
    while True:
        try:
            line = commands.get(timeout=0.5)
        except queue.Empty:
            if time.monotonic() - last > 10.0:
                return  # ten seconds without a command: nobody is left to send one
            continue
        last = time.monotonic()
        if line == "quit":
            return
        verb, _, name = line.partition(" ")
        if verb == "stop" and name in stops:
            stops[name].set()
