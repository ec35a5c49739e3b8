# expect: worker-1, worker-11 stopped too (the command named worker-10;
def control(commands, stops):
    while True:
        line = commands.get()
        if line == "quit":
            return
        verb, _, name = line.partition(" ")
        if verb == "stop" and name:
            for n, event in stops.items():
                if n.startswith(name):  # "worker-10" starts with "worker-1"
                    event.set()
