# signal-target/stop-one, right (thirty-third session): get_nowait(), then a 1 ms sleep when the
# queue is empty
import queue
import time


def control(commands, stops):
    while True:
        try:
            line = commands.get_nowait()
        except queue.Empty:
            time.sleep(0.001)
            continue
        verb, _, name = line.partition(" ")
        if line == "quit":
            return
        if verb == "stop" and name in stops:
            stops[name].set()
