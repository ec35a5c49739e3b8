"""Ways people stop a thread by force, each written right for today's CPython.

None of them is safe. They are here so the labs can show what they break.
"""
from __future__ import annotations

import os
import signal
import threading


def async_raise(thread: threading.Thread, exc: type = SystemExit) -> int:
    """Schedule ``exc`` to be raised in ``thread``: the ctypes recipe.

    Returns the number of thread states modified, which is 1 on success.
    That means an exception was *scheduled*, not that a thread was killed:
    the thread raises it at its next eval-breaker check. Since 3.10 Python
    code makes those checks at a loop's back-edge and as a call returns (PR
    #18334, "bpo-29988: Only check evalbreaker after calls and on backwards
    egdes."; from 3.11 only a call to C code: the return from a Python
    function is none), and as a Python function starts (measured on 3.10.13
    to 3.15.2; from 3.11 that is its ``RESUME`` instruction). From 3.11 a
    call the interpreter has specialised (3.12 to 3.15: from the call's
    second run; 3.11: once its function has warmed up, 8 starts or loop
    back-edges, so from the eighth run of a function with no loop) may make none:
    ``list.append`` and ``len`` do not (measured on 3.11.7 to 3.15.2). On
    3.14 and 3.15 the first run of a call with keyword arguments makes none
    as it returns (measured: the exception fires at the next plain call);
    from its second run on it does. C code makes none, so a thread inside
    ``time.sleep``, ``sock.recv`` or ``lock.acquire`` raises it only once the
    call returns (3.10 to 3.14; on 3.15 a signal that interrupts ``sleep``,
    ``recv`` or ``select`` also delivers it, gh-144748). The thread may also
    catch it (``except BaseException``) and go on.

    Fixed against the copies found online: ``is_alive()`` (``isAlive`` was
    removed in 3.9); the ident passed as ``c_ulong``, the C signature since
    3.7 (the copies' ``c_long`` passes the same 64 bits, so it works on
    64-bit Linux, but it is the wrong type); and no bare int anywhere: the
    copies' undo call passes ``tid`` bare, which ctypes truncates to a C
    ``int``, so it matches no thread and undoes nothing.

    CPython stops at the first thread state whose id matches, so the result
    is 0 or 1 (Python/pystate.c; the docs: "normally 1 if id is found"). The
    undo below, for a result above 1, follows the 2.x-era advice; it is kept
    only as a defensive guard and never runs on today's CPython.

    Raises ValueError for a thread that is not running, TypeError when
    ``exc`` is not an exception class.
    """
    import ctypes  # here, not at the top: a child that never kills does not load it

    if not (isinstance(exc, type) and issubclass(exc, BaseException)):
        raise TypeError(f"exc must be an exception class, not {exc!r}")
    if not thread.is_alive():
        raise ValueError(f"thread {thread.name!r} is not running")
    set_async_exc = ctypes.pythonapi.PyThreadState_SetAsyncExc
    set_async_exc.restype = ctypes.c_int
    # No argtypes: None must reach C as NULL (the undo below), and a declared
    # py_object argument would turn None into Py_None instead.
    ident = ctypes.c_ulong(thread.ident)
    modified = set_async_exc(ident, ctypes.py_object(exc))
    if modified == 0:  # it ended between is_alive() and the call
        raise ValueError(f"thread {thread.name!r} is not running")
    if modified > 1:  # defensive only: today's CPython returns 0 or 1
        set_async_exc(ident, None)  # undo, with the same c_ulong
        raise SystemError(f"PyThreadState_SetAsyncExc modified {modified} thread states")
    return modified


def os_kill_tid(thread: threading.Thread, sig: int) -> None:
    """``os.kill`` on a thread's kernel id, as people try it. On Linux kill(2)
    addresses the thread's whole process (its thread group), so this is a
    signal to the process: with SIGTERM's default action, everyone dies.
    (Linux tries the named thread first when it picks which thread takes the
    signal, kernel/signal.c complete_signal; the action is still the
    process's.)
    Use only inside a sandboxed child, on its own threads."""
    if thread.native_id is None or not thread.is_alive():
        raise ValueError(f"thread {thread.name!r} is not running")
    os.kill(thread.native_id, sig)


def pthread_kill(thread: threading.Thread, sig: int) -> None:
    """``signal.pthread_kill``: the C-level signal reaches this one thread,
    but a Python handler still runs in the main thread (signal docs). Its one
    use is to make a system call in that thread fail with EINTR. CPython
    installs its handlers without SA_RESTART, so the kernel does not restart
    the call: Python retries it itself (PEP 475), unless the handler raised,
    and on 3.15 also unless an async exception is pending (gh-144748)."""
    if not thread.is_alive():
        raise ValueError(f"thread {thread.name!r} is not running")
    signal.pthread_kill(thread.ident, sig)


def pthread_cancel(thread: threading.Thread) -> int:
    """glibc's ``pthread_cancel`` on a Python thread, through ctypes; on Linux a
    Python thread's ident is its pthread_t. Returns pthread_cancel's result
    (0: the request was queued). The interpreter does not know: the thread
    state stays, ``is_alive()`` stays True, its locks stay held, and shutdown
    may hang waiting for it. Only ever inside a sandboxed child."""
    import ctypes  # here, not at the top: a child that never kills does not load it

    if not thread.is_alive():
        raise ValueError(f"thread {thread.name!r} is not running")
    libc = ctypes.CDLL(None)
    libc.pthread_cancel.argtypes = [ctypes.c_ulong]
    libc.pthread_cancel.restype = ctypes.c_int
    return libc.pthread_cancel(thread.ident)
