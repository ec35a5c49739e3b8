# expect: control returned before "quit" (after 3 command(s)): an empty or quiet queue is not a reason to return
# stop-one, wrong: polls with get_nowait, naps 0.25 s on a private SimpleQueue,
# and returns after 10 s of naps without a command.
import queue


def control(commands, stops):
    nap = queue.SimpleQueue()  # nothing is ever put: a timed get is a sleep
    silent = 0.0
    while True:
        try:
            line = commands.get_nowait()
        except queue.Empty:
            if silent >= 10.0:
                return  # ten seconds of silence: nobody is left to send a command
            try:
                nap.get(timeout=0.25)
            except queue.Empty:
                pass
            silent += 0.25
            continue
        silent = 0.0
        if line == "quit":
            return
        verb, _, name = line.partition(" ")
        if verb == "stop" and name in stops:
            stops[name].set()
