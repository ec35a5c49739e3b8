"""EXPECT: fail
FLAW: ignore a name that is not in `stops` (KeyError on "stop nobody")

The skeleton with quit added, but no membership test.
"""


def control(commands, stops):
    while True:
        line = commands.get()
        if line == "quit":
            return
        verb, _, name = line.partition(" ")
        if verb == "stop":
            stops[name].set()
