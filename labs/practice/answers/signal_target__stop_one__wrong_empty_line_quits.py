# expect: control() returned only on "quit": control returned on ''
# signal-target/stop-one, wrong (ninth hostile reading, fifteenth session; passed every
# grading until the noise sent two names in one command and an empty line):
# "ignore ... any other command ... return on quit": an empty line is treated as end of
# input and returns.
def control(commands, stops):
    while True:
        line = commands.get()
        if not line or line == "quit":
            return
        verb, _, name = line.partition(" ")
        if verb == "stop" and name in stops:
            stops[name].set()
