import dataclasses
import logging
import threading


@dataclasses.dataclass(order=True)
class Item:
    priority: int
    name: str = dataclasses.field(compare=False)


class Pool:
    def __init__(self, n):
        self._lock = threading.Lock()
        self._items = []
        self._log = logging.getLogger(type(self).__name__)

    @property
    def size(self):
        with self._lock:
            return len(self._items)

    def add(self, item):
        try:
            with self._lock:
                self._items.append(item)
        except Exception as e:
            self._log.warning("failed: %s", type(e).__name__)
