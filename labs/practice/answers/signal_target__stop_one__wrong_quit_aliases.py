# expect: returned on 'q', before "quit"
# signal-target/stop-one, wrong (twelfth hostile reading, eighteenth session): returns on "q", "bye" or "quit!" too.
# Passed every grading: the check never sent such a command; the noise run sends them now.
def control(commands, stops):
    while True:
        line = commands.get()
        if line in ("quit", "q", "bye", "quit!"):
            return
        verb, _, name = line.partition(" ")
        if verb == "stop" and name in stops:
            stops[name].set()
