"""Lab 4: a thread blocked in IO cannot be interrupted.

A worker checks a stop Event, but only between calls. While it waits inside
one (``sock.recv``, ``time.sleep``, ``Queue.get()``, ``Lock.acquire()``),
nothing reaches it: not the flag, and not an exception raised into it by force,
which CPython delivers only when the thread runs Python code again.

- ``bad-recv``, ``bad-sleep``, ``bad-queue-get``, ``bad-lock-acquire``: one
  blocking call each. Once the worker is seen inside its call, the main thread
  sets the stop flag and raises SystemExit into it with ``async_raise``. The
  call to ``async_raise`` succeeds (it returns 1), the flag is set, and the
  worker is still there at the deadline, where the stack dump shows the call.
- ``fixed-timeout``: every call gets a timeout, inside a loop that checks the
  flag: the stop is seen within one timeout (the lab uses 50 ms).
- ``fixed-wakeup``: the worker waits with ``selectors`` on its socket and on a
  wake-up socket pair; the stopper writes one byte and the worker returns at
  once, with no polling.
- ``fixed-shutdown``: the same worker as ``bad-recv``; the stopper calls
  ``sock.shutdown(SHUT_RDWR)`` and ``recv`` returns b"" at once (Linux).

The stop is requested only once the worker is provably inside its call: its
innermost frame is on the line of that call (see ``wait_until_inside``), so
the outcome never depends on timing. Sockets are loopback TCP connections.
"""
from __future__ import annotations

import functools
import inspect
import queue
import selectors
import socket
import threading
import time

from labs.child import record
from labs.child.kill import async_raise
from labs.child.scenes import (
    TICK,
    wait_for_data,
    wait_for_data_or_wakeup,
    wait_for_data_polling,
    wake_up,
)
from labs.child.wait import lab_line, wait_until_inside  # noqa: F401 - lab 4's own story

DEADLINE_S = 2.0  # the bad variants hang by design: each costs this long
FOREVER = 3600.0  # a sleep that no deadline outlives


def tcp_pair() -> tuple[socket.socket, socket.socket]:
    """A connected TCP pair on 127.0.0.1: (the worker's end, the peer's end)."""
    with socket.create_server(("127.0.0.1", 0)) as listener:
        mine = socket.create_connection(listener.getsockname())
        try:
            theirs, _ = listener.accept()
        except BaseException:
            mine.close()
            raise
    return mine, theirs


# ------------------------------------------------------------------ bad
# Each worker watches a stop flag, as it should; but it looks at the flag only
# between calls, and each call below waits for something that never comes.
# The socket reader, wait_for_data, lives in labs.child.scenes (the kill matrix
# blocks its workers in the same one).

def nap_between_jobs(stop):
    while not stop.is_set():
        time.sleep(FOREVER)  # a long pause between rounds of work


def take_jobs(jobs, stop):
    while not stop.is_set():
        jobs.get()  # no job ever comes


def wait_for_lock(lock, stop):
    while not stop.is_set():
        lock.acquire()  # another thread holds it and keeps it
        lock.release()


def forced_stop(name, worker_fn, *args):
    """Start the worker, wait until it is inside its blocking call, then stop
    it both ways people try: set its flag and raise SystemExit into it."""
    spots = spots_or_skip(worker_fn)  # before any thread starts
    stop = threading.Event()
    worker = threading.Thread(target=worker_fn, args=(*args, stop), name=name)
    worker.start()
    blocked_in = wait_until_inside(worker, spots)
    record.state("blocked", thread=worker)
    record.mark("stop flag + async_raise")
    stop.set()
    accepted = async_raise(worker, SystemExit)
    # Reported now: the join below never returns, and the deadline ends the run.
    record.facts(stop_requested=True, stop_flag_set=stop.is_set(),
                   async_raise_returned=accepted, blocked_in=[blocked_in])
    worker.join()


def bad_recv():
    mine, theirs = tcp_pair()
    with mine, theirs:
        forced_stop("worker-recv", wait_for_data, mine)


def bad_sleep():
    forced_stop("worker-sleep", nap_between_jobs)


def bad_queue_get():
    forced_stop("worker-queue", take_jobs, queue.Queue())


def bad_lock_acquire():
    lock = threading.Lock()
    with lock:  # held by the main thread for the whole run
        forced_stop("worker-lock", wait_for_lock, lock)


# ------------------------------------------------------------------ fixed
# 1. A timeout on every call, in a loop that checks the flag. The stop is seen
#    within one timeout; meanwhile the worker wakes up once per timeout. The
#    socket reader, wait_for_data_polling, lives in labs.child.scenes.

def nap_polling(stop, tick=TICK):
    while not stop.is_set():
        stop.wait(tick)  # a sleep that also ends as soon as the flag is set


def take_jobs_polling(jobs, stop, tick=TICK):
    while not stop.is_set():
        try:
            jobs.get(timeout=tick)
        except queue.Empty:
            continue


def wait_for_lock_polling(lock, stop, tick=TICK):
    while not stop.is_set():
        if lock.acquire(timeout=tick):
            lock.release()


# 2. A wake-up: wait on the socket and on a wake-up socket pair at once. The
#    stopper sets the flag, then writes one byte; no timeout, no polling:
#    wait_for_data_or_wakeup and wake_up, in labs.child.scenes.

# 3. Shut the socket down under the worker: its blocked recv returns b"" at
#    once (on Linux; Windows differs, cpython#91913). The worker is unchanged.

def shut_down(stop, sock):
    stop.set()
    sock.shutdown(socket.SHUT_RDWR)


def cooperative_stop(workers, request_stop):
    """Start the workers ``[(name, fn, args)]``, wait until each is inside its
    blocking call, request the stop, and measure how long until all ended."""
    spots = [spots_or_skip(fn) for _, fn, _ in workers]  # before any thread starts
    stop = threading.Event()
    threads = [threading.Thread(target=fn, args=(*args, stop), name=name)
               for name, fn, args in workers]
    for t in threads:
        t.start()
    blocked_in = [wait_until_inside(t, where) for t, where in zip(threads, spots)]
    for t in threads:
        record.state("waiting", thread=t)
    record.mark("stop requested")
    asked = time.perf_counter()
    request_stop(stop)
    for t in threads:
        t.join()
    latency = time.perf_counter() - asked
    for t in threads:
        record.state("done", thread=t)
    record.facts(stop_requested=True, blocked_in=blocked_in,
                   stop_latency_s=round(latency, 6))


def fixed_timeout():
    mine, theirs = tcp_pair()
    lock = threading.Lock()
    with mine, theirs, lock:
        cooperative_stop([("worker-recv", wait_for_data_polling, (mine,)),
                          ("worker-sleep", nap_polling, ()),
                          ("worker-queue", take_jobs_polling, (queue.Queue(),)),
                          ("worker-lock", wait_for_lock_polling, (lock,))],
                         lambda stop: stop.set())


def fixed_wakeup():
    mine, theirs = tcp_pair()
    wake_r, wake_w = socket.socketpair()
    with mine, theirs, wake_r, wake_w:
        cooperative_stop([("worker-recv", wait_for_data_or_wakeup, (mine, wake_r))],
                         lambda stop: wake_up(stop, wake_w))


def fixed_shutdown():
    mine, theirs = tcp_pair()
    with mine, theirs:
        cooperative_stop([("worker-recv", wait_for_data, (mine,))],
                         lambda stop: shut_down(stop, mine))


# ------------------------------------------------------------------ where a thread waits

# Where each worker waits: (a function, the text of the line it waits on).
# Found in the source when first needed, never at import: the stdlib lines
# below may read differently in a future CPython, and that must cost only the
# variants that wait there (they are skipped with the reason), not the suite.
# Queue.get(), Event.wait() and get(timeout=) wait inside Condition.wait;
# selectors' select inside its poll.
UNTIMED_WAIT = (threading.Condition.wait, "waiter.acquire()")
TIMED_WAIT = (threading.Condition.wait, "gotit = waiter.acquire(True, timeout)")
SELECT_POLL = (selectors.DefaultSelector.select,
               "fd_event_list = self._selector.poll(timeout, max_ev)")


def waits_at(worker) -> tuple:
    """(function, line text) of the call ``worker`` blocks in."""
    stdlib = {take_jobs: UNTIMED_WAIT, threading.Event.wait: UNTIMED_WAIT,
              nap_polling: TIMED_WAIT, take_jobs_polling: TIMED_WAIT,
              wait_for_data_or_wakeup: SELECT_POLL}
    own = {wait_for_data: "data = sock.recv(1)",
           nap_between_jobs: "time.sleep(FOREVER)",
           wait_for_lock: "lock.acquire()",
           wait_for_data_polling: "data = sock.recv(1)",
           wait_for_lock_polling: "if lock.acquire(timeout=tick):"}
    return stdlib[worker] if worker in stdlib else (worker, own[worker])


def blocking_spots(worker) -> set:
    """{(code object, line number)} where ``worker`` waits; LookupError when
    the line is not in the source (see ``waits_at``)."""
    return {_spot(*waits_at(worker))}


def spots_or_skip(worker) -> set:
    """``blocking_spots`` in the child: a variant that cannot tell when its
    worker is inside the call is skipped, with the reason."""
    try:
        return blocking_spots(worker)
    except LookupError as why:
        record.skip(f"cannot tell when the worker is inside its call: {why}")


@functools.lru_cache(maxsize=None)
def _spot(fn, text: str) -> tuple:
    """(code object, line number) of the last line of ``fn`` reading ``text``."""
    lines, first = inspect.getsourcelines(fn)
    hits = [first + i for i, line in enumerate(lines) if line.split("  #")[0].strip() == text]
    if not hits:
        raise LookupError(f"no line {text!r} in {fn.__module__}.{fn.__qualname__}")
    return fn.__code__, hits[-1]


# What the child runs, by variant name (the lab's measure module judges them).
VARIANTS = {"bad-recv": bad_recv, "bad-sleep": bad_sleep,
              "bad-queue-get": bad_queue_get, "bad-lock-acquire": bad_lock_acquire,
              "fixed-timeout": fixed_timeout, "fixed-wakeup": fixed_wakeup,
              "fixed-shutdown": fixed_shutdown}
