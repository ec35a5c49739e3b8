# expect: no other worker stopped: beta stopped too
# stop-one, wrong (fifth hostile reading, eleventh session): takes "Stop NAME" for
# "stop NAME": the verb is lower case.
import queue


def control(commands, stops):
    while True:
        line = commands.get()
        if line == "quit":
            return
        verb, sep, name = line.partition(" ")
        if verb in ("stop", "Stop") and name in stops:
            stops[name].set()
