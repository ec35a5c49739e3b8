# shutdown, wrong: gives the consumers 90 s in all, then returns with any still running
import time


def shutdown(tasks, consumers):
    for _ in consumers:
        tasks.put(None)
    deadline = time.monotonic() + 90.0
    for t in consumers:
        while t.is_alive() and time.monotonic() < deadline:
            t.join(0.5)
