# lost-task/shutdown, right: one None per consumer, then naps of 10 ms on an Event of
# its own between is_alive() looks, for as long as any consumer runs
import threading


def shutdown(tasks, consumers):
    for _ in consumers:
        tasks.put(None)
    pause = threading.Event()
    while any(t.is_alive() for t in consumers):
        pause.wait(0.01)
