# expect: control() returned only on "quit": control returned before "quit" (after 0 command(s))
def control(commands, stops):
    while not commands.empty():  # the queue is empty before the first command comes
        line = commands.get()
        if line == "quit":
            return
        verb, _, name = line.partition(" ")
        if verb == "stop" and name in stops:
            stops[name].set()
