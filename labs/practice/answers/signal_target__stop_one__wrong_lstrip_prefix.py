# expect: "stop pool" never set its Event
# (sixth hostile reading) takes the name with line.lstrip("stop ") (strips a character set,
# not a prefix), so "stop pump-1" stops "ump-1"/nothing and "stop  NAME" (two spaces) stops
# NAME -- violates "the whole name, in its case ... nothing after the name" / whole-name
# match.
import queue


def control(commands, stops):
    while True:
        try:
            line = commands.get(timeout=0.5)
        except queue.Empty:
            continue
        if line == "quit":
            return
        if line.startswith("stop "):
            name = line.lstrip("stop ")
            if name in stops:
                stops[name].set()
