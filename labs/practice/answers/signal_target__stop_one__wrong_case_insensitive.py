# expect: no other worker stopped: alpha stopped too
# stop-one, wrong (fourth hostile reading, eleventh session): reads the verb in any case
# ("STOP alpha" stops alpha): the verb is "stop", in lower case.
def control(commands, stops):
    while True:
        line = commands.get()
        if line.strip().lower() == "quit":
            return
        verb, _, name = line.partition(" ")
        name = name.strip()
        if verb.lower() == "stop" and name in stops:
            stops[name].set()
