"""EXPECT: pass

`split()` with a length check, `stops.get(name)`, and a `get(timeout=...)` loop a
learner keeps from the blocking-I/O notebook (a quiet queue is not a reason to return).
"""
import queue


def control(commands, stops):
    while True:
        try:
            line = commands.get(timeout=0.5)
        except queue.Empty:
            continue
        words = line.split()
        if words == ["quit"]:
            break
        if len(words) == 2 and words[0] == "stop":
            event = stops.get(words[1])
            if event is not None:
                event.set()
