# expect: the named worker stopped after the item in hand: worker-2 did 3 items
def control(commands, stops):
    while not commands.empty():  # the queue is empty before the first command comes
        line = commands.get()
        if line == "quit":
            return
        verb, _, name = line.partition(" ")
        if verb == "stop" and name in stops:
            stops[name].set()
