# expect: control returned on 'please quit', before "quit"
# signal-target/stop-one, wrong (thirteenth hostile reading, eighteenth session): it
# returns on any line that ends in "quit". Passed every grading: the check never sent such a command; it does now.
def control(commands, stops):
    while True:
        line = commands.get()
        if line.endswith("quit"):
            return
        verb, _, name = line.partition(" ")
        if verb == "stop" and name in stops:
            stops[name].set()
