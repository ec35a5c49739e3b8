# expect: waits while no command comes: 2
# signal-target/stop-one, wrong (thirty-third session). Violates "no wait of 1 ms or more between
# them": waits of 1 microsecond on an Event of its own between get_nowait() calls
import queue
import threading

_nap = threading.Event()
def control(commands, stops):
    while True:
        try:
            line = commands.get_nowait()
        except queue.Empty:
            _nap.wait(0.000001)
            continue
        verb, _, name = line.partition(" ")
        if line == "quit":
            return
        if verb == "stop" and name in stops:
            stops[name].set()
