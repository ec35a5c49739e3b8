# expect: a nap of 1.5 s
# shutdown, wrong (hostile round, twenty-fifth session): a helper thread makes the is_alive()
# looks with 1.5 s naps between them, and shutdown() joins it. Only shutdown()'s own thread's
# naps were counted: it passed every grading.
import threading
import time


def shutdown(tasks, consumers):
    for _ in consumers:
        tasks.put(None)

    def watch():
        while True:
            alive = [c for c in consumers if c.is_alive()]
            if not alive:
                return
            time.sleep(1.5)
    helper = threading.Thread(target=watch)
    helper.start()
    helper.join()
