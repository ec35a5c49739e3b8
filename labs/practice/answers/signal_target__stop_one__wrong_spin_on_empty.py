# expect: waits while no command comes: 2
# signal-target/stop-one, wrong (thirty-third session). Violates "control must not spin while no
# command comes": spins on commands.empty()
def control(commands, stops):
    while True:
        while commands.empty():
            pass
        line = commands.get()
        verb, _, name = line.partition(" ")
        if line == "quit":
            return
        if verb == "stop" and name in stops:
            stops[name].set()
