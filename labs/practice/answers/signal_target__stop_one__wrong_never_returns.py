# expect: control waiting in queue.get() in control, in the loop at line 3: while True:
def control(commands, stops):
    while True:  # never looks for "quit"
        line = commands.get()
        verb, _, name = line.partition(" ")
        if verb == "stop" and name in stops:
            stops[name].set()
