"""EXPECT: fail
FLAW: return on `"quit"` (returns after 0.5 s without a command)

A learner who uses a timeout and takes "no command for a while" as the end.
"""
import queue


def control(commands, stops):
    while True:
        try:
            line = commands.get(timeout=0.5)
        except queue.Empty:
            return
        if line == "quit":
            return
        verb, _, name = line.partition(" ")
        if verb == "stop" and name in stops:
            stops[name].set()
