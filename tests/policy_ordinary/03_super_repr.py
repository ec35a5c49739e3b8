import threading


class Worker(threading.Thread):
    def __init__(self):
        super().__init__(daemon=True)
        self._count = 0

    def __repr__(self):
        return super().__repr__() + f" count={self._count}"
