# expect: control() returned only on "quit": control returned before "quit" (after 7 command(s))
# signal-target/stop-one, wrong: returns on any line starting with "quit" ("quitter", "quit-later") - other commands must be ignored
def control(commands, stops):
    while True:
        line = commands.get()
        if line.startswith("quit"):
            return
        verb, _, name = line.partition(" ")
        if verb == "stop" and name in stops:
            stops[name].set()
