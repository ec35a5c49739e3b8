"""Ways people stop a thread by force, each written right for today's CPython.

None of them is safe. They are here so the labs can show what they break.
"""
from __future__ import annotations

import ctypes
import threading

_set_async_exc = ctypes.pythonapi.PyThreadState_SetAsyncExc
_set_async_exc.restype = ctypes.c_int
# No argtypes: passing None must reach C as NULL (the undo call), and a
# declared py_object argument would turn None into Py_None instead.


def async_raise(thread: threading.Thread, exc: type = SystemExit) -> int:
    """Schedule ``exc`` to be raised in ``thread``: the ctypes recipe.

    Returns the number of thread states modified, which is 1 on success.
    That means an exception was *scheduled*, not that a thread was killed:
    the thread raises it only when it next checks the interpreter's eval
    breaker, which it does between bytecodes of Python code, not while it is
    inside a C call such as ``time.sleep``, ``sock.recv`` or ``lock.acquire``.
    The thread may also catch it (``except BaseException``) and go on.

    Fixed against the copies found online: ``is_alive()`` (``isAlive`` was
    removed in 3.9); the ident passed as unsigned long (the C signature since
    3.7; ``c_long`` overflows for idents above 2**63); the call undone when it
    hit more than one thread state, as the C-API docs require.

    Raises ValueError for a thread that is not running, TypeError when
    ``exc`` is not an exception class.
    """
    if not (isinstance(exc, type) and issubclass(exc, BaseException)):
        raise TypeError(f"exc must be an exception class, not {exc!r}")
    if not thread.is_alive():
        raise ValueError(f"thread {thread.name!r} is not running")
    ident = ctypes.c_ulong(thread.ident)
    modified = _set_async_exc(ident, ctypes.py_object(exc))
    if modified == 0:  # it ended between is_alive() and the call
        raise ValueError(f"thread {thread.name!r} is not running")
    if modified > 1:
        _set_async_exc(ident, None)  # undo: "call it again with exc=NULL"
        raise SystemError(f"PyThreadState_SetAsyncExc modified {modified} thread states")
    return modified
