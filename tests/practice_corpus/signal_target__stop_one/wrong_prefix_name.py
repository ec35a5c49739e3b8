"""EXPECT: fail
FLAW: set that worker's Event (a name given as a prefix stops every worker it starts)

A learner who allows "stop worker" to mean "stop every worker-N", via startswith.
"""


def control(commands, stops):
    while True:
        line = commands.get()
        if line == "quit":
            return
        verb, _, name = line.partition(" ")
        if verb == "stop" and name:
            for n, ev in stops.items():
                if n.startswith(name):
                    ev.set()
