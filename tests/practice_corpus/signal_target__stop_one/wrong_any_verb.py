"""EXPECT: fail
FLAW: ignore ... any other command (the last word is taken as a name whatever the verb)

A learner who only looks at the name.
"""


def control(commands, stops):
    while True:
        line = commands.get()
        if line == "quit":
            return
        name = line.split()[-1] if line.split() else ""
        if name in stops:
            stops[name].set()
