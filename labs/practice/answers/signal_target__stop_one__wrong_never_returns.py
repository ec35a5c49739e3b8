# expect: every thread ended: still running 1 s after the stop: control in control
def control(commands, stops):
    while True:  # never looks for "quit"
        line = commands.get()
        verb, _, name = line.partition(" ")
        if verb == "stop" and name in stops:
            stops[name].set()
