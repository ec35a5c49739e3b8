# expect: control raised TypeError: stops is read-only
def control(commands, stops):
    while True:
        line = commands.get()
        if line == "quit":
            return
        verb, _, name = line.partition(" ")
        if verb == "stop" and name in stops:
            stops.pop(name).set()  # removes the worker's Event from the shared mapping
