# expect: the named worker stopped after the item in hand: blue.2 did 3 items
# stop-one, wrong (sixth hostile reading, twelfth session; caught since the thirteenth: "two")
# honours only the first valid "stop NAME"; a later "stop OTHER" is ignored -- violates 'On
# "stop NAME", set that worker's Event' (for every such command).
import queue


def control(commands, stops):
    stopped_one = False
    while True:
        try:
            line = commands.get(timeout=0.5)
        except queue.Empty:
            continue
        if line == "quit":
            return
        verb, sep, name = line.partition(" ")
        if verb == "stop" and sep and name in stops and not stopped_one:
            stops[name].set()
            stopped_one = True
