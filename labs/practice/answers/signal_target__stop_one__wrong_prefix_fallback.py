# expect: no other worker stopped: worker-1, worker-11 stopped too
def control(commands, stops):
    while True:
        line = commands.get()
        if line == "quit":
            return
        verb, _, name = line.partition(" ")
        if verb != "stop" or not name:
            continue
        if name in stops:
            stops[name].set()
        else:  # accept an abbreviation: "stop al" for "alpha"
            for n, event in stops.items():
                if n.startswith(name):
                    event.set()
