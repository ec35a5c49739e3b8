"""get() with a timeout in a loop that goes on after queue.Empty; the Event
looked up with stops.get()."""
import queue


def control(commands, stops):
    while True:
        try:
            line = commands.get(timeout=0.5)
        except queue.Empty:
            continue  # quiet is not a reason to return
        words = line.split()
        if words == ["quit"]:
            break
        if len(words) == 2 and words[0] == "stop":
            event = stops.get(words[1])
            if event is not None:
                event.set()
