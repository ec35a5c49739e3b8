from __future__ import annotations

from typing import Any


class Transfer:
    def __init__(self, lock, undo):
        self._lock = lock
        self._undo = undo
        self.armed = False

    def __enter__(self) -> Transfer:
        self._lock.acquire()
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: Any) -> bool:
        try:
            if exc_type is not None and self.armed:
                self._undo()
        finally:
            self._lock.release()
        return False
