# expect: alpha, beta stopped too (the command named gamma;
def control(commands, stops):
    while True:
        line = commands.get()
        if line == "quit":
            return
        for name, event in stops.items():
            if name in line:  # "worker-1" is in "stop worker-10"
                event.set()
