import threading


class TracedLock:
    def __init__(self):
        self._lock = threading.Lock()
        self._held = 0

    def __enter__(self):
        self._lock.acquire()
        self._held += 1
        return self

    def __exit__(self, *exc):
        self._lock.release()


class Loud(TracedLock):
    def __enter__(self):
        print("enter")
        return super().__enter__()

    def __exit__(self, *exc):
        return super().__exit__(*exc)
