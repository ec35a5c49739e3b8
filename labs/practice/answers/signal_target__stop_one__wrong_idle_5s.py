# expect: an empty or quiet queue is not a reason to return
import queue


def control(commands, stops):
    while True:
        try:
            line = commands.get(timeout=5.0)
        except queue.Empty:
            return  # "nothing for five seconds: we are done"
        if line == "quit":
            return
        verb, _, name = line.partition(" ")
        if verb == "stop" and name in stops:
            stops[name].set()
