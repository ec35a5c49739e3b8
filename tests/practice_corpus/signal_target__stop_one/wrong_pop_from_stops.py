"""EXPECT: fail
FLAW: `stops` maps each worker's name to its own Event (pop() removes the stopped worker's entry)

A learner who removes stopped workers "so they are not stopped twice".
"""


def control(commands, stops):
    while True:
        line = commands.get()
        if line == "quit":
            return
        verb, _, name = line.partition(" ")
        if verb == "stop" and name in stops:
            stops.pop(name).set()
