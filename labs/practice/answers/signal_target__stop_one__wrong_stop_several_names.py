# expect: no other worker stopped: alpha, beta stopped too
# signal-target/stop-one, wrong (ninth hostile reading, fifteenth session; passed every
# grading until the noise sent two names in one command and an empty line):
# "On "stop NAME", set that worker's Event (... and nothing after the name)": it also
# accepts "stop NAME1 NAME2 ..." and stops every one of them when all the words are
# worker names.
def control(commands, stops):
    while True:
        line = commands.get()
        if line == "quit":
            return
        words = line.split(" ")
        if len(words) >= 2 and words[0] == "stop" and all(w in stops for w in words[1:]):
            for w in words[1:]:
                stops[w].set()
