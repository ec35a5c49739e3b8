# expect: beta stopped too (the command named gamma
def control(commands, stops):
    while True:
        line = commands.get()
        if line == "quit":
            return
        words = line.split()
        if words and words[-1] in stops:  # "pause beta" is not "stop beta"
            stops[words[-1]].set()
