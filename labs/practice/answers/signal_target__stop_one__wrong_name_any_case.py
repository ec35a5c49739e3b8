# expect: no other worker stopped: alpha stopped too
# stop-one, wrong (fifth hostile reading, eleventh session): matches the name in any
# case ("stop ALPHA" stops alpha): the whole name, in its case.
import queue


def control(commands, stops):
    while True:
        line = commands.get()
        if line == "quit":
            return
        verb, sep, name = line.partition(" ")
        if verb == "stop":
            for n in stops:
                if n.lower() == name.lower():
                    stops[n].set()
