"""A match statement on the words of the line; prints each command."""


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
