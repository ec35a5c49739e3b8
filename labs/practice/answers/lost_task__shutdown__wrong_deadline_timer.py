# expect: every consumer ended before shutdown() returned: consumer-1
# shutdown, wrong: a Timer gives the consumers 5 s in all, then returns with any still running
import threading


def shutdown(tasks, consumers):
    for _ in consumers:
        tasks.put(None)
    too_late = threading.Event()
    timer = threading.Timer(5.0, too_late.set)
    timer.start()
    try:
        for t in consumers:
            while t.is_alive() and not too_late.is_set():
                t.join(0.1)
    finally:
        timer.cancel()
        timer.join()
