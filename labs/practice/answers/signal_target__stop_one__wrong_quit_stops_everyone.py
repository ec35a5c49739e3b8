# expect: worker-1, worker-3 stopped too (the command named worker-2
def control(commands, stops):
    while True:
        line = commands.get()
        if line == "quit":
            for event in stops.values():  # "quit" is not "stop everyone"
                event.set()
            return
        verb, _, name = line.partition(" ")
        if verb == "stop" and name in stops:
            stops[name].set()
