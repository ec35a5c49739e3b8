# signal-target/stop-one, right (thirty-third session): empty(), then a 10 ms wait on an Event
# of its own
import threading

_nap = threading.Event()
def control(commands, stops):
    while True:
        if commands.empty():
            _nap.wait(0.01)
            continue
        line = commands.get()
        verb, _, name = line.partition(" ")
        if line == "quit":
            return
        if verb == "stop" and name in stops:
            stops[name].set()
