# stop-one, right (twenty-fifth session): get_nowait() and a 5 s nap after each Empty,
# commands read with partition. A look every 5 s outlasted any run's budget before the
# check moved control's clocks on while it naps between looks.
import queue
import time


def control(commands, stops):
    while True:
        try:
            line = commands.get_nowait()
        except queue.Empty:
            time.sleep(5)
            continue
        if line == "quit":
            return
        verb, _, name = line.partition(" ")
        if verb == "stop" and name in stops:
            stops[name].set()
