# expect: no other worker stopped:
# (two modes catch it since the sixteenth session, whichever runs first: substring's "stop worker", noise's "stop alp")
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
