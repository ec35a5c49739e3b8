# expect: waits while no command comes: 2
# signal-target/stop-one, wrong (thirty-third session). Violates "control must not spin while no
# command comes": time.sleep(0) between get_nowait() calls is no wait
import queue
import time


def control(commands, stops):
    while True:
        try:
            line = commands.get_nowait()
        except queue.Empty:
            time.sleep(0)
            continue
        verb, _, name = line.partition(" ")
        if line == "quit":
            return
        if verb == "stop" and name in stops:
            stops[name].set()
