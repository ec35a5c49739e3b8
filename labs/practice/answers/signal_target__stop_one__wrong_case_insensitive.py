# expect: control returned on 'QUIT', before "quit"
# stop-one, wrong (fourth hostile reading, eleventh session): reads the verb in any case
# ("STOP alpha" stops alpha), and "QUIT" as "quit": the verb is lower case.
def control(commands, stops):
    while True:
        line = commands.get()
        if line.strip().lower() == "quit":
            return
        verb, _, name = line.partition(" ")
        name = name.strip()
        if verb.lower() == "stop" and name in stops:
            stops[name].set()
