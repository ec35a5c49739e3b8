# expect: no other worker stopped: delta stopped too
# stop-one, wrong (fifth hostile reading, eleventh session): stops the one worker whose
# name ends with the word given ("stop lta" stops delta): the whole name.
import queue


def control(commands, stops):
    while True:
        line = commands.get()
        if line == "quit":
            return
        verb, sep, name = line.partition(" ")
        if verb == "stop" and name:
            hits = [n for n in stops if n.endswith(name)]
            if len(hits) == 1:
                stops[hits[0]].set()
