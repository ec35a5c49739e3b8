# expect: control returned on 'exit', before "quit"
# (sixth hostile reading) also returns on "exit", "q" and "bye" -- violates 'ignore ... any
# other command; return on "quit"' (control must not return before "quit").
import queue


def control(commands, stops):
    while True:
        try:
            line = commands.get(timeout=0.5)
        except queue.Empty:
            continue
        if line in ("quit", "exit", "q", "bye"):
            return
        verb, sep, name = line.partition(" ")
        if verb == "stop" and sep and name in stops:
            stops[name].set()
