# expect: no other worker stopped
# signal-target/stop-one, wrong (twelfth hostile reading, eighteenth session):  alpha, beta, delta stopped too:stops every worker on "stop all" or "stop *".
# Passed every grading: the check never sent such a command; the noise run sends them now.
def control(commands, stops):
    while True:
        line = commands.get()
        if line == "quit":
            return
        verb, _, name = line.partition(" ")
        if verb != "stop":
            continue
        if name in ("all", "*"):
            for ev in stops.values():
                ev.set()
        elif name in stops:
            stops[name].set()
