"""What a daemon thread does when the interpreter exits (runs in the child).

``daemon=True`` is the stop many programs rely on: the interpreter exits and
takes the thread with it. The variant ``daemon-at-exit`` looks at the moment
in between. A daemon worker is blocked in a socket read (the GIL released);
the main thread returns, and the interpreter starts to finalize. An object
whose ``__del__`` runs then, with ``sys.is_finalizing()`` true, answers the
read, so the worker wakes and needs the GIL back; then the object watches
the worker's OS thread in ``/proc``: 3.10.13 to 3.13.0 end it with
``pthread_exit`` (measured); 3.14.10 and 3.15.2 hang it in ``pause()`` until
the process exits (measured; gh-87135, PR #105805), and so does 3.13.8 and
later (cited: the 3.13.8 changelog, Misc/NEWS.d/3.13.8.rst, lists gh-87135;
backport PR #137827). Either way the worker runs no more Python code.

The facts are written from ``__del__``, during finalization, when modules may
already be torn down: it uses only what it captured when it was made
(builtins, ``os.write``, the event stream's fd) and writes its JSON line by hand.
"""
from __future__ import annotations

import os
import platform
import socket
import sys
import threading
import time
import types

from labs.child import procfs, record
from labs.lessons.kill_matrix.threads import WINDOW_S, wait_until

# The syscall CPython's hang loop waits in (PyThread_hang_thread calls
# pause()), by its number on this machine's architecture; elsewhere the
# number itself is reported.
PAUSE_NR = {"x86_64": 34}.get(platform.machine())


class Probe:
    """Runs at exit: wake the daemon worker, then watch its OS thread."""

    def __init__(self, task, fd, peer, conn_fd):
        # Everything __del__ needs, bound now: at finalization the modules'
        # globals may be gone, builtins and bound C functions are not.
        self.args = dict(task=task, fd=fd, send=peer.send, conn_hex=hex(conn_fd),
                         exists=os.path.exists, write=os.write, now=time.monotonic,
                         nap=time.sleep, finalizing=sys.is_finalizing, open=open,
                         bound=WINDOW_S, pause_nr=PAUSE_NR, t0=record._T0)

    def __del__(self):
        watch(**self.args)


def watch(task, fd, send, conn_hex, exists, write, now, nap, finalizing, open, bound,
          pause_nr, t0):
    """Wake the worker, then poll its /proc entry until it is gone, sleeps in
    the hang loop's pause(), or ``bound`` seconds pass."""
    during = finalizing()
    send(b"x")  # the worker's read returns: it needs the GIL back
    exited, waits_in, until = False, None, now() + bound
    while now() < until:
        if not exists(task):
            exited = True
            break
        try:
            with open(task + "/syscall") as f:
                fields = f.read().split()
        except OSError:  # it went between the two looks
            exited = True
            break
        in_read = len(fields) > 1 and fields[1] == conn_hex
        if fields and fields[0] not in ("running", "-1") and not in_read:
            if pause_nr is not None and fields[0] == str(pause_nr):
                waits_in = "pause"
                break
            waits_in = f"syscall {fields[0]}"
        nap(0.001)  # /proc gives no event for a thread's end: poll, within a bound
    hung = waits_in == "pause"
    line = ('{"t": %.6f, "kind": "facts", "thread": "MainThread", "ident": null, "facts": '
            '{"finalizing_when_woken": %s, "daemon_os_thread_exited": %s, '
            '"daemon_hung": %s, "daemon_waits_in": %s}}\n'
            % (now() - t0, "true" if during else "false", "true" if exited else "false",
               "true" if hung else "false",
               "null" if waits_in is None else '"%s"' % waits_in))
    write(fd, line.encode())


def run_daemon_at_exit():
    """A daemon worker blocked in a read when the main thread returns."""
    reason = procfs.cannot_watch_threads()
    if reason:
        record.skip(f"cannot see where a thread is blocked: {reason}")
    conn, peer = socket.socketpair()
    ready = threading.Event()

    def read():
        record.state("blocked")
        ready.set()
        conn.recv(1)  # woken at exit: to return, it needs the GIL back

    worker = threading.Thread(target=read, name="worker", daemon=True)
    worker.start()
    ready.wait()
    wait_until(lambda: procfs.in_syscall_on(conn.fileno(), tid=worker.native_id),
               float("inf"))
    # The probe lives in a module of its own, reached from nothing else: it is
    # freed when finalization clears sys.modules. (Held by __main__'s globals,
    # it would never be freed: the daemon's frame keeps those alive.)
    holder = types.ModuleType("_kill_matrix_at_exit")
    holder.probe = Probe(f"/proc/self/task/{worker.native_id}", record._fd, peer, conn.fileno())
    sys.modules[holder.__name__] = holder
    record.facts(stop_requested=True, daemon=worker.daemon, scenario_done=True)
    record.mark("main returns: the interpreter exits")
