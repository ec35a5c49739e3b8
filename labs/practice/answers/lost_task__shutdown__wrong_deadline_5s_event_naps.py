# expect: every consumer ended before shutdown() returned: consumer-1
# lost-task/shutdown, wrong (fifteenth session's gap; passed every grading while a wait on
# an Event of its own passed unseen in its own process: the grader counts it now, wire.Clock.sliced):
# "return only when you have seen them all end" (one consumer runs a minute on your
# clock): it polls is_alive() with 10 ms naps and gives up after 5 s on its clock,
# returning with a consumer still running.
import logging
import threading
import time


def shutdown(tasks, consumers):
    for _ in consumers:
        tasks.put(None)
    pause = threading.Event()
    deadline = time.monotonic() + 5.0   # never hang on shutdown
    while any(t.is_alive() for t in consumers):
        if time.monotonic() > deadline:
            logging.warning("consumers still running; giving up")
            return
        pause.wait(0.01)
