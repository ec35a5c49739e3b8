# expect: control returned on 'quitter', before "quit"
# signal-target/stop-one, wrong: returns on any line starting with "quit" ("quitter", "quit-later") - other commands must be ignored
def control(commands, stops):
    while True:
        line = commands.get()
        if line.startswith("quit"):
            return
        verb, _, name = line.partition(" ")
        if verb == "stop" and name in stops:
            stops[name].set()
