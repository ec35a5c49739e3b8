"""Reference solution: signal-target/stop-one."""


def control(commands, stops):
    while True:
        line = commands.get()
        if line == "quit":
            return
        verb, _, name = line.partition(" ")
        if verb == "stop" and name in stops:  # only that worker; unknown names ignored
            stops[name].set()
