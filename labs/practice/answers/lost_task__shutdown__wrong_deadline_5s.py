# expect: every consumer ended before shutdown() returned: consumer-1
# lost-task/shutdown, wrong by the statement ("return only when you have seen them
# all end"): gives the consumers 5 s in all, then returns with any still running.
import time


def shutdown(tasks, consumers):
    for _ in consumers:
        tasks.put(None)
    deadline = time.monotonic() + 5.0  # never hang on shutdown
    for t in consumers:
        while t.is_alive() and time.monotonic() < deadline:
            t.join(0.1)
