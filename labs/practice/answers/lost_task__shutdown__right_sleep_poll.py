# shutdown, right: one None each, then polls is_alive() with naps until none is alive
import time


def shutdown(tasks, consumers):
    for _ in consumers:
        tasks.put(None)
    while any(t.is_alive() for t in consumers):
        time.sleep(0.1)
