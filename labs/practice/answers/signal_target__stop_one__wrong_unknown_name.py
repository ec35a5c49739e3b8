# expect: your code raised no exception: control raised KeyError: 'nobody'
def control(commands, stops):
    while True:
        line = commands.get()
        if line == "quit":
            return
        verb, _, name = line.partition(" ")
        if verb == "stop":
            stops[name].set()  # KeyError on a name that is not a worker's
