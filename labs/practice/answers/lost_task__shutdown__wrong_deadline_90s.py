# expect: every consumer ended before shutdown() returned: consumer-1
# shutdown, wrong: gives the consumers 90 s in all, then returns with any still running (a gap
# until the twenty-first session, when the slow consumer's minute grew to an hour)
import time


def shutdown(tasks, consumers):
    for _ in consumers:
        tasks.put(None)
    deadline = time.monotonic() + 90.0
    for t in consumers:
        while t.is_alive() and time.monotonic() < deadline:
            t.join(0.5)
