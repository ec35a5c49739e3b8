# expect: control returned on 'quit now', before "quit"
# (sixth hostile reading) returns when the first word is "quit", so "quit now" / "quit
# worker-1" also end control -- violates 'ignore ... any other command; return on "quit"'
# (control must not return before "quit").
import queue


def control(commands, stops):
    while True:
        try:
            line = commands.get(timeout=0.5)
        except queue.Empty:
            continue
        words = line.split(" ")
        if words[0] == "quit":
            return
        if len(words) == 2 and words[0] == "stop" and words[1] in stops:
            stops[words[1]].set()
