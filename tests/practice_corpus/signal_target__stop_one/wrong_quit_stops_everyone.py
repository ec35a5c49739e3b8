"""EXPECT: fail
FLAW: the others must do all their items (on quit, every worker is stopped)

A tidy learner who stops every worker on the way out.
"""


def control(commands, stops):
    while True:
        line = commands.get()
        if line == "quit":
            for ev in stops.values():
                ev.set()
            return
        verb, _, name = line.partition(" ")
        if verb == "stop" and name in stops:
            stops[name].set()
