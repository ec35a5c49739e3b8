"""async_raise: the ctypes recipe, made right. In-process, on threads of the
test itself that are built to receive the exception and say so."""
from __future__ import annotations

import threading

import pytest

from labs.child.kill import async_raise


class Stop(Exception):
    pass


def test_returns_one_and_the_thread_raises():
    ready = threading.Event()
    caught = []

    def spin():
        ready.set()
        try:
            while True:  # pure Python: the eval breaker is checked on each back-edge
                pass
        except Stop:
            caught.append(threading.current_thread().name)

    t = threading.Thread(target=spin, name="spinner")
    t.start()
    ready.wait()
    assert async_raise(t, Stop) == 1
    t.join(timeout=30)
    assert not t.is_alive()
    assert caught == ["spinner"]


def test_ended_thread_is_a_clear_error():
    t = threading.Thread(target=lambda: None)
    t.start()
    t.join()
    with pytest.raises(ValueError, match="is not running"):
        async_raise(t)


def test_never_started_thread_is_a_clear_error():
    with pytest.raises(ValueError, match="is not running"):
        async_raise(threading.Thread(target=lambda: None))


@pytest.mark.parametrize("exc", [Stop(), "SystemExit", int])
def test_exc_must_be_an_exception_class(exc):
    with pytest.raises(TypeError):
        async_raise(threading.current_thread(), exc)
