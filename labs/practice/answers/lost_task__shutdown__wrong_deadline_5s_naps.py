# expect: every consumer ended before shutdown() returned: consumer-1
# shutdown, wrong: polls is_alive() with naps, gives the consumers 5 s in all, then returns
import time


def shutdown(tasks, consumers):
    for _ in consumers:
        tasks.put(None)
    deadline = time.monotonic() + 5.0  # never hang on shutdown
    while any(t.is_alive() for t in consumers) and time.monotonic() < deadline:
        time.sleep(0.1)
