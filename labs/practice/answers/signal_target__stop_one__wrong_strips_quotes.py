# expect: no other worker stopped: alpha, beta stopped too
# signal-target/stop-one, wrong (thirteenth hostile reading, eighteenth session): it
# strips quotes around the name ("stop 'alpha'" stops alpha).
# Passed every grading: the check never sent such a command; it does now.
def control(commands, stops):
    while True:
        line = commands.get()
        if line == "quit":
            return
        verb, _, name = line.partition(" ")
        name = name.strip("'\"")
        if verb == "stop" and name in stops:
            stops[name].set()
