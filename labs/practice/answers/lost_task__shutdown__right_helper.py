import logging


def send_stops(tasks, how_many):
    for _ in range(how_many):
        tasks.put(None)


def shutdown(tasks, consumers):
    send_stops(tasks, len(consumers))
    for t in consumers:
        t.join()
        logging.getLogger("shutdown").debug("%s ended", t.name)
