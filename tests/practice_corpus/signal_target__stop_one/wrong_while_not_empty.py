"""EXPECT: fail
FLAW: return on `"quit"` (returns as soon as the queue is momentarily empty)

A learner who loops `while not commands.empty()`.
"""


def control(commands, stops):
    while not commands.empty():
        line = commands.get()
        if line == "quit":
            return
        verb, _, name = line.partition(" ")
        if verb == "stop" and name in stops:
            stops[name].set()
