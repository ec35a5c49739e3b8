"""Ways people stop a thread by force, each written right for today's CPython.

None of them is safe. They are here so the labs can show what they break.
"""
from __future__ import annotations

import ctypes
import os
import signal
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


def os_kill_tid(thread: threading.Thread, sig: int) -> None:
    """``os.kill`` on a thread's kernel id, as people try it. On Linux kill(2)
    addresses the thread's whole process (its thread group), so this is a
    signal to the process: with SIGTERM's default action, everyone dies.
    Use only inside a sandboxed child, on its own threads."""
    if thread.native_id is None or not thread.is_alive():
        raise ValueError(f"thread {thread.name!r} is not running")
    os.kill(thread.native_id, sig)


def pthread_kill(thread: threading.Thread, sig: int) -> None:
    """``signal.pthread_kill``: the C-level signal reaches this one thread,
    but a Python handler still runs in the main thread (signal docs). Its one
    use is to make a system call in that thread fail with EINTR, which PEP 475
    then retries unless the handler raised."""
    if not thread.is_alive():
        raise ValueError(f"thread {thread.name!r} is not running")
    signal.pthread_kill(thread.ident, sig)


def pthread_cancel(thread: threading.Thread) -> int:
    """glibc's ``pthread_cancel`` on a Python thread, through ctypes; on Linux a
    Python thread's ident is its pthread_t. Returns pthread_cancel's result
    (0: the request was queued). The interpreter does not know: the thread
    state stays, ``is_alive()`` stays True, its locks stay held, and shutdown
    may hang waiting for it. Only ever inside a sandboxed child."""
    if not thread.is_alive():
        raise ValueError(f"thread {thread.name!r} is not running")
    libc = ctypes.CDLL(None)
    libc.pthread_cancel.argtypes = [ctypes.c_ulong]
    libc.pthread_cancel.restype = ctypes.c_int
    return libc.pthread_cancel(thread.ident)
