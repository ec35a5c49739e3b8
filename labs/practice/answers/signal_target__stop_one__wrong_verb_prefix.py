# expect: no other worker stopped: alpha, beta stopped too
# signal-target/stop-one, wrong: any line starting with "stop" (e.g. "stopwatch NAME", "stop-all NAME") sets the Event of its last word
def control(commands, stops):
    while True:
        line = commands.get()
        if line == "quit":
            return
        if line.startswith("stop"):
            name = line.split()[-1]
            if name in stops:
                stops[name].set()
