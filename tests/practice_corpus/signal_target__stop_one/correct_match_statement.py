"""EXPECT: pass

Structural pattern matching (3.10+), with a print for each command while debugging.
"""


def control(commands, stops):
    while True:
        line = commands.get()
        print("control got:", repr(line))
        match line.split():
            case ["quit"]:
                return
            case ["stop", name] if name in stops:
                stops[name].set()
            case _:
                pass
