# expect: control returned on 'QUIT', before "quit"
# stop-one, wrong (fourth hostile reading, eleventh session): takes the second word as the
# name, whatever follows it ("stop beta now" stops beta), and reads "QUIT" as "quit".
def control(commands, stops):
    while True:
        line = commands.get()
        words = line.split()
        if not words:
            continue
        if words[0].lower() == "quit":
            return
        if words[0].lower() == "stop" and len(words) > 1:
            for n, ev in stops.items():
                if n.lower() == words[1].lower():
                    ev.set()
