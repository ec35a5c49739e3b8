"""EXPECT: fail
FLAW: On `"stop NAME"`, set that worker's Event; ignore ... any other command (a name found anywhere in the line)

A learner who matches names with `in`, so any line mentioning a worker stops it.
"""


def control(commands, stops):
    while True:
        line = commands.get()
        if "quit" in line:
            return
        for name, ev in stops.items():
            if name in line:
                ev.set()
