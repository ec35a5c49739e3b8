# (thirteenth hostile reading, eighteenth session; passes every grading)
# "ignore a name that is not in stops": it strips quotes around the name, so "stop 'alpha'"
# would stop alpha. The check does not send quoted names: `shlex.split()`, an allowed way
# to read a line (right-answer round), takes the quotes off too.
def control(commands, stops):
    while True:
        line = commands.get()
        if line == "quit":
            return
        verb, _, name = line.partition(" ")
        name = name.strip("'\"")
        if verb == "stop" and name in stops:
            stops[name].set()
