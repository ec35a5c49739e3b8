# expect: every consumer ended before shutdown() returned: consumer-1
import logging


def shutdown(tasks, consumers):
    for _ in consumers:
        tasks.put(None)
    for t in consumers:
        t.join(0.2)
        if t.is_alive():  # only a warning: shutdown returns anyway
            logging.getLogger("shutdown").warning("%s did not stop", t.name)
