# an own class's ordinary method named register (registry.register(...) on an instance)
# refused before the twenty-eighth session: the register of a class makes a virtual subclass
import threading


class Registry:
    """Keeps the threads this consumer started, to join them at the end."""

    def __init__(self):
        self._threads = []
        self._lock = threading.Lock()

    def register(self, t):
        with self._lock:
            self._threads.append(t)

    def join_all(self):
        for t in self._threads:
            t.join()


def consumer(tasks, stop, do):
    registry = Registry()
    while not stop.is_set():
        try:
            n = tasks.get(timeout=0.05)
        except Exception:
            continue
        t = threading.Thread(target=do, args=(n,))
        registry.register(t)
        t.start()
    registry.join_all()
