# expect: control returned before "quit"
# stop-one, wrong: returns after 10 s without a command (elapsed time from os.times())
import os
import queue


def control(commands, stops):
    last = os.times().elapsed
    while True:
        try:
            line = commands.get(timeout=0.5)
        except queue.Empty:
            if os.times().elapsed - last > 10.0:
                return
            continue
        last = os.times().elapsed
        if line == "quit":
            return
        verb, _, name = line.partition(" ")
        if verb == "stop" and name in stops:
            stops[name].set()
