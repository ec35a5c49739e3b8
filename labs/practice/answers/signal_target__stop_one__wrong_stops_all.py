# expect: no other worker stopped: worker-1, worker-3 stopped too
def control(commands, stops):
    while True:
        line = commands.get()
        if line == "quit":
            return
        if line.startswith("stop"):
            for stop in stops.values():  # stops everyone
                stop.set()
