# expect: every consumer ended before shutdown() returned: consumer-1
# shutdown, wrong (twenty-second session): a Timer gives the consumers 5 s in all, the
# main thread looks with is_alive() and 0.1 s naps between its looks, and returns with any
# still running once the Timer fired. Caught in the idle runs: consumer-1 runs an hour on
# your clock, then on until the Timer has run out (the check waits for it: _keep_slow)
import threading
import time


def shutdown(tasks, consumers):
    for _ in consumers:
        tasks.put(None)
    too_late = threading.Event()
    timer = threading.Timer(5.0, too_late.set)
    timer.start()
    try:
        for t in consumers:
            while t.is_alive() and not too_late.is_set():
                time.sleep(0.1)
    finally:
        timer.cancel()
        timer.join()
