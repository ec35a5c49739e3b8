# signal-target/stop-one, right (thirty-third session): polls with get(timeout=0.001); a get
# that waits 1 ms ends a row of looks
import queue


def control(commands, stops):
    while True:
        try:
            line = commands.get(timeout=0.001)
        except queue.Empty:
            continue
        verb, _, name = line.partition(" ")
        if line == "quit":
            return
        if verb == "stop" and name in stops:
            stops[name].set()
