# expect: control returned before "quit" (after 3 command(s)): an empty or quiet queue is not a reason to return
import queue
import time


def control(commands, stops):
    quiet = 0.0
    while quiet < 10.0:  # ten seconds of silence: nobody is left to send a command
        try:
            line = commands.get_nowait()
        except queue.Empty:
            time.sleep(0.2)
            quiet += 0.2
            continue
        quiet = 0.0
        if line == "quit":
            return
        verb, _, name = line.partition(" ")
        if verb == "stop" and name in stops:
            stops[name].set()
