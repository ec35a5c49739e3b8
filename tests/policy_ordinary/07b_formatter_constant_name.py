import logging

FORMAT = "%(asctime)s %(threadName)s %(message)s"


def setup():
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter(FORMAT))
    logging.getLogger().addHandler(handler)
