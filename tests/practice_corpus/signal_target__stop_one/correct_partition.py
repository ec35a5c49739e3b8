"""EXPECT: pass

The textbook answer: `quit` returns, `partition` splits verb and name, a membership test
ignores unknown names.
"""


def control(commands, stops):
    while True:
        line = commands.get()
        if line == "quit":
            return
        verb, _, name = line.partition(" ")
        if verb == "stop" and name in stops:
            stops[name].set()
