# expect: control returned on 'QUIT', before "quit"
# stop-one, wrong (fifth hostile reading, eleventh session): returns on "QUIT" or
# "Quit" too: other commands, to be ignored.
import queue


def control(commands, stops):
    while True:
        line = commands.get()
        if line.lower() == "quit":
            return
        verb, sep, name = line.partition(" ")
        if verb == "stop" and name in stops:
            stops[name].set()
