# expect: no other worker stopped
# signal-target/stop-one, wrong (twelfth hostile reading, eighteenth session):  alpha, beta stopped too:strips ' ,;!' off the name.
# Passed every grading: the check never sent such a command; the noise run sends them now.
def control(commands, stops):
    while True:
        line = commands.get()
        if line == "quit":
            return
        verb, _, name = line.partition(" ")
        name = name.strip(" ,;!")
        if verb == "stop" and name in stops:
            stops[name].set()
