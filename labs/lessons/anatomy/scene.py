"""The anatomy of a forced stop: the runs of the opening notebook (00).

Not a bad/fixed lab: each variant shows one property of the two ways to stop
a Python thread from outside, measured.

The asynchronous exception (``kill.async_raise``, the ctypes recipe):

- ``only-scheduled``: the call returns 1 and the thread is still alive; a
  second call replaces the first exception; a thread that has ended gives 0.
- ``pure-python-loop``: a thread running Python bytecode raises it at once.
- ``blocked-in-acquire``, ``blocked-in-recv``, ``blocked-in-sleep``: a thread
  inside a C call raises it only after the call returns, and then at once:
  it dies holding the lock it just got, or dropping the bytes it just read.
- ``caught-and-retried``: ``except BaseException`` in a retry loop swallows
  every stop; the thread goes on.
- ``tight-loop-in-try``: on 3.13 an exception that fires on the back-edge
  of a tight ``while`` loop inside ``try`` runs neither ``except`` nor
  ``finally`` (measured on 3.13.0; gh-130279 reports 3.13.1 and 3.13.2);
  3.10 to 3.12 run both, and so do 3.14.10 and 3.15.2 (measured with
  Debian's builds).
- ``stop-entering-with``: the stop is scheduled while the worker waits to
  enter ``with lock:``; on 3.10 to 3.13 (measured) ``__exit__`` still runs and
  the lock comes back. On 3.14 an exception that fires as ``__enter__``
  returns skips ``__exit__`` and the lock stays locked (gh-148874; measured
  on 3.14.10 with Debian's build; 3.15.2 releases it).
- ``seed-recipe``: the recipe as it is usually copied (``isAlive()``,
  ``ctypes.c_long(tid)``, an undo call with a bare int), run as printed: it
  fails with AttributeError (``isAlive`` was removed in 3.9); ``c_long``
  passes the same bits; the bare-int undo is truncated to a C ``int`` and
  finds no thread.
- ``stop-after-keyword-call``: a stop pending while the worker waits in
  ``lk.acquire(timeout=...)`` fires as the call returns on 3.10 to 3.13, and
  one statement later, at the next plain call, on 3.14.10 and 3.15.2 (the
  first run of a keyword call makes no check there; later runs do);
  ``lk.acquire(True, ...)`` fires as it returns on every version measured.
- ``lands-in-cleanup``: a second stop lands inside ``finally``, between two
  cleanup steps; the second step (releasing a lock) never runs.

glibc's ``pthread_cancel`` (``kill.pthread_cancel``):

- ``pthread-cancel-sleeping``: the OS thread vanishes, ``is_alive()`` stays
  True, its lock stays held, and the interpreter hangs at exit.
- ``pthread-cancel-busy``: the cancel lands at the spinner's first
  cancellation point. In a condition wait around the GIL (taking it, or
  handing it over in ``drop_gil``), the thread dies holding one of the GIL's
  mutexes and the whole interpreter freezes, the main thread included; once
  its loop has ended, in the ``write`` of its last event, it dies as the
  sleeping thread does and ``join()`` waits forever. Which one depends on the
  machine's load (notebook 00); the program never ends either way.

Every moment that matters is forced with locks, never with sleep. The main
thread learns that a worker is inside a blocking call from ``enter_blocking``,
which makes the worker say so from C code, with no bytecode in between.

Every variant relies on the GIL: on a free-threaded build each one is skipped,
with the reason in its outcome (``needs_the_gil``).
"""
from __future__ import annotations

import ctypes
import inspect
import os
import socket
import sys
import threading
import time
from functools import partial
from operator import methodcaller

from labs.child import procfs, record
from labs.child.kill import async_raise, pthread_cancel
from labs.child.scenes import spin_forever, spin_until  # noqa: F401 - shown by notebook 00
from labs.child.wait import wait_until_inside

WAIT_S = 0.2     # how long a blocked thread is given to misbehave (it cannot move)
SLEEP_S = 0.5    # the sleep of blocked-in-sleep
ROUNDS = 3       # stops thrown at the stubborn thread of caught-and-retried
GONE_S = 1.0     # bound on waiting for a cancelled OS thread to disappear

_call = methodcaller("__call__")


def enter_blocking(ready: threading.Lock, blocking):
    """Release ``ready``, then call ``blocking()``, in one stretch of C code.

    ``map`` is written in C: it calls ``ready.release`` and then
    ``blocking`` itself, so no Python bytecode runs between the two calls.
    That matters twice. A scheduled exception fires only at an eval-breaker
    check, and only Python code makes those checks (at a loop's back-edge, as
    a call returns (from 3.11, a call to C code, unless specialised), as a
    Python function starts); C code does not. And this thread holds the GIL until it
    reaches such a check or until C code lets go of the GIL, as
    ``blocking()`` does when it starts to wait. So when the main thread,
    waiting on ``ready``, gets the GIL back, this thread is waiting inside
    ``blocking()``, on every run. (``ready.release(); blocking()`` would put a
    check between the two calls: the return of ``ready.release()``.) With the
    GIL only: see ``needs_the_gil``."""
    return list(map(_call, (ready.release, blocking)))[-1]


def held_lock() -> threading.Lock:
    """A lock that starts held: the main thread waits on it, a worker releases
    it. A plain lock, not an Event: Event.set() runs Python code, and an
    exception landing inside it could leave the Event's own lock held."""
    lock = threading.Lock()
    lock.acquire()
    return lock


def start(target, name: str) -> threading.Thread:
    t = threading.Thread(target=target, name=name)
    t.start()
    return t


def needs_the_gil():
    """enter_blocking's guarantee rests on the GIL: without it the main thread
    runs at the same time as the worker, and "the worker is inside the call"
    is no longer known when ``ready`` is released. Skip, saying why."""
    if not getattr(sys, "_is_gil_enabled", lambda: True)():
        record.skip("a free-threaded build: these runs rely on the GIL")


def set_async_exc_raw(ident: int, exc: type) -> int:
    """The C function itself, without async_raise's checks."""
    return ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(ident), ctypes.py_object(exc))


# ------------------------------------------------ the recipe, as people copy it
# The shape of the ctypes recipe found in answers, gists and blog posts since
# the Python 2 days, kept as it is printed: isAlive(), ctypes.c_long(tid), and
# an undo call that passes the bare int. Only the names are ours.

def _async_raise(tid, exctype):
    """raises the exception, performs cleanup if needed"""
    if not inspect.isclass(exctype):
        raise TypeError("Only types can be raised (not instances)")
    res = ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_long(tid),
                                                     ctypes.py_object(exctype))
    if res == 0:
        raise ValueError("invalid thread id")
    elif res != 1:
        # "if it returns a number greater than one, you're in trouble,
        # and you should call it again with exc=NULL to revert the effect"
        ctypes.pythonapi.PyThreadState_SetAsyncExc(tid, None)
        raise SystemError("PyThreadState_SetAsyncExc failed")


class ThreadWithExc(threading.Thread):
    def _get_my_tid(self):
        if not self.isAlive():
            raise threading.ThreadError("the thread is not active")
        return self.ident

    def raise_exc(self, exctype):
        _async_raise(self._get_my_tid(), exctype)


def blocked_in_acquire_recording(gate, ready, raised):
    """A worker that waits in ``gate.acquire()`` (``ready`` released from C,
    see enter_blocking) and records the name of whatever it raises."""
    def worker():
        record.state("blocked in acquire")
        try:
            enter_blocking(ready, gate.acquire)
        except BaseException as exc:
            raised.append(type(exc).__name__)
            record.state(f"raised {type(exc).__name__}")
    return worker


def seed_recipe():
    """Run the recipe as printed, then each of its three type choices alone,
    on a worker that waits in ``acquire()`` (so nothing fires until we say)."""
    needs_the_gil()
    gate, ready = held_lock(), held_lock()
    raised = []
    worker = blocked_in_acquire_recording(gate, ready, raised)
    t = ThreadWithExc(target=worker, name="worker")
    t.start()
    ready.acquire()
    record.mark("t.raise_exc(SystemExit)")
    try:
        t.raise_exc(SystemExit)
        as_printed = "returned"
    except Exception as exc:  # what the copied recipe does today
        as_printed = type(exc).__name__
    set_exc = ctypes.pythonapi.PyThreadState_SetAsyncExc
    # c_long: the same 64 bits as the unsigned long C expects (idents are
    # addresses, far below 2**63 on 64-bit Linux), so the call works.
    as_long = ctypes.c_long(t.ident)
    record.mark("schedule with c_long, undo with a bare int")
    scheduled = set_exc(as_long, ctypes.py_object(SystemExit))
    bare_undo = set_exc(t.ident, None)  # ctypes passes a bare int as a C int
    record.mark("undo with c_ulong")
    real_undo = set_exc(ctypes.c_ulong(t.ident), None)
    gate.release()
    t.join()
    record.facts(as_printed=as_printed,
                   has_isAlive=hasattr(threading.Thread, "isAlive"),
                   ident_below_2_63=t.ident < 2**63,
                   c_long_same_bits=as_long.value % 2**64 == t.ident,
                   c_long_call_returned=scheduled, bare_int_undo_returned=bare_undo,
                   c_ulong_undo_returned=real_undo, raised=raised)


# ------------------------------------------------ the asynchronous exception

class FirstStop(Exception):
    pass


class SecondStop(Exception):
    pass


def only_scheduled():
    """async_raise returns 1: one thread state was changed. It killed nothing."""
    needs_the_gil()
    gate, ready = held_lock(), held_lock()
    raised = []
    t = start(blocked_in_acquire_recording(gate, ready, raised), "worker")
    ready.acquire()  # the worker is inside gate.acquire()
    record.mark("async_raise x2")
    first = async_raise(t, FirstStop)
    second = async_raise(t, SecondStop)
    t.join(WAIT_S)
    record.facts(returned=[first, second], alive_after_call=t.is_alive(),
                   raised_while_blocked=list(raised))
    gate.release()
    t.join()
    ended = start(lambda: None, "short-lived")
    ended.join()
    none_left = set_async_exc_raw(ended.ident, FirstStop)  # its thread state is gone
    record.facts(raised=raised, returned_for_ended_thread=none_left)


def pure_python_loop():
    """A thread running bytecode checks for pending exceptions on every loop
    back-edge: it raises at once. The case the recipe
    is demonstrated with."""
    needs_the_gil()
    spinning = held_lock()

    def worker():
        record.state("working")
        try:
            spinning.release()
            spin_forever()
        except SystemExit:
            record.state("stopped")
            raise

    t = start(worker, "worker")
    spinning.acquire()
    record.mark("async_raise")
    asked = time.monotonic()
    returned = async_raise(t)
    t.join()  # returns only because the exception fired; else the deadline sees it
    record.facts(returned=returned, alive_after_call=t.is_alive(),
                   stop_latency_s=round(time.monotonic() - asked, 6))


def blocked_in_acquire():
    """The worker waits for a lock the main thread holds. The exception waits
    with it, then fires as acquire() returns: the worker dies holding the lock."""
    needs_the_gil()
    gate, ready = held_lock(), held_lock()

    def worker():
        record.state("blocked in acquire")
        try:
            enter_blocking(ready, gate.acquire)
        except SystemExit:
            record.state("stopped")
            raise
        record.state("went on")  # not reached
        gate.release()

    t = start(worker, "worker")
    ready.acquire()
    record.mark("async_raise")
    returned = async_raise(t)
    t.join(WAIT_S)  # the worker cannot leave acquire(): the main thread holds gate
    record.facts(returned=returned, alive_after_call=t.is_alive())
    record.mark("main releases the lock")
    gate.release()
    t.join()
    record.facts(stopped_after_release=not t.is_alive(), lock_held_after_stop=gate.locked())


def blocked_in_recv():
    """The worker waits in recv() for one byte. The exception fires as recv()
    returns the byte: the byte is lost."""
    needs_the_gil()
    ours, theirs = socket.socketpair()
    ready = held_lock()
    received = []

    def worker():
        record.state("blocked in recv")
        try:
            received.append(enter_blocking(ready, partial(theirs.recv, 1)))
        except SystemExit:
            record.state("stopped")
            raise

    try:
        t = start(worker, "worker")
        ready.acquire()
        record.mark("async_raise")
        returned = async_raise(t)
        t.join(WAIT_S)  # no byte has been sent: recv() cannot return
        record.facts(returned=returned, alive_after_call=t.is_alive())
        record.mark("main sends a byte")
        ours.sendall(b"x")
        t.join()
        theirs.setblocking(False)
        try:
            left = len(theirs.recv(16))
        except BlockingIOError:
            left = 0
        record.facts(stopped_after_data=not t.is_alive(),
                       bytes_lost=1 - len(b"".join(received)) - left)
    finally:
        ours.close()
        theirs.close()


def blocked_in_sleep():
    """The worker sleeps. The exception waits for the whole sleep."""
    needs_the_gil()
    ready = held_lock()
    slept = []

    def worker():
        record.state("blocked in sleep")
        began = time.monotonic()
        try:
            enter_blocking(ready, partial(time.sleep, SLEEP_S))
        except SystemExit:
            slept.append(time.monotonic() - began)
            record.state("stopped")
            raise

    t = start(worker, "worker")
    ready.acquire()
    record.mark("async_raise")
    returned = async_raise(t)
    t.join()
    record.facts(returned=returned, sleep_requested_s=SLEEP_S,
                   slept_s=round(slept[0], 6), slept_full=slept[0] >= SLEEP_S)


def caught_and_retried():
    """A worker written never to crash: it retries whatever goes wrong, and
    ``except BaseException`` (like a bare ``except:``) catches SystemExit."""
    needs_the_gil()
    stop = threading.Event()
    working, caught_one = held_lock(), held_lock()
    caught = []

    def worker():
        while not stop.is_set():
            try:
                record.state("working")
                working.release()
                spin_until(stop)
            except BaseException as exc:  # "never let the worker die"
                caught.append(type(exc).__name__)
                record.state("caught it, retrying")
                caught_one.release()
        record.state("done")

    t = start(worker, "stubborn")
    returned = []
    for i in range(ROUNDS):
        working.acquire()  # the worker is inside its try block
        record.mark(f"async_raise #{i + 1}")
        returned.append(async_raise(t))
        caught_one.acquire()
    record.facts(returned=returned, caught=list(caught), alive_after_call=t.is_alive())
    record.mark("stop flag set")
    stop.set()
    t.join()
    record.facts(ended_by_flag=not t.is_alive())


class Flag:
    """A stop flag read without a call, so the loop below has one checkpoint."""
    stop = False
    laps = 0


def tight_loop_in_try():
    """The loop's only eval-breaker check is its back-edge (the jump back to
    the loop's test, ``JUMP_BACKWARD``). CPython 3.12 and 3.13 both place that
    jump just after the range of instructions the ``try`` protects. 3.12
    jumps first and checks after, at the loop's head, inside the range; 3.13
    checks first, on the jump itself, outside it. So on 3.13 an exception
    that fires there finds no handler in this frame: neither ``except`` nor
    ``finally`` runs (measured on 3.13.0; gh-130279 reports it on 3.13.1 and
    3.13.2). 3.10 to 3.12 run both (measured), and so do 3.14.10 and 3.15.2,
    where the jump lies inside the try's range (measured with Debian's builds)."""
    needs_the_gil()
    flag = Flag()
    handled = []

    def worker():
        record.state("working")
        try:
            while not flag.stop:
                flag.laps += 1
        except SystemExit:
            handled.append("except")
        finally:
            handled.append("finally")
            record.state("cleaned up")

    t = start(worker, "worker")
    while not flag.laps:  # wait until the worker is in its loop, past any call
        time.sleep(0.001)
    record.mark("async_raise")
    returned = async_raise(t)
    t.join()
    record.state("stopped", thread=t)
    record.facts(returned=returned, alive_after_call=t.is_alive(), handlers_run=handled,
                   cleanup_finished="finally" in handled)


def lands_in_cleanup():
    """The first stop lands in the work and the worker's ``finally`` starts
    cleaning up. A second stop (a retry, a watchdog that re-raises) lands
    between the two cleanup steps. Step 2 was to release the lock."""
    needs_the_gil()
    lock = threading.Lock()
    working, between, resume = held_lock(), held_lock(), held_lock()
    steps = []

    def worker():
        lock.acquire()
        try:
            record.state("working, holding lock")
            working.release()
            spin_forever()
        finally:
            record.state("cleaning up")
            steps.append("flush")  # cleanup step 1
            between.release()      # the second stop lands as resume.acquire() returns,
            resume.acquire()       # or, if it is quicker, as between.release() returns
            steps.append("release")  # cleanup step 2: never runs
            lock.release()

    t = start(worker, "worker")
    working.acquire()
    record.mark("async_raise #1")
    first = async_raise(t)
    between.acquire()  # step 1 is done, step 2 is not
    record.mark("async_raise #2")
    second = async_raise(t)
    resume.release()
    t.join()
    record.state("stopped, lock still held" if lock.locked() else "stopped", thread=t)
    record.facts(returned=[first, second], cleanup_steps_done=steps,
                   cleanup_finished="release" in steps, lock_held_after_stop=lock.locked())


def stop_entering_with():
    """The worker waits to enter ``with lock:`` while the main thread holds
    the lock. The stop is scheduled while it waits, then the main thread lets
    go. The exception fires as soon as the worker runs Python code again:
    just after ``__enter__`` returned. Does ``__exit__`` run?"""
    needs_the_gil()
    lock = held_lock()  # the main thread holds it
    entered = []

    def worker():
        record.state("waiting to enter with lock:")
        try:
            with lock:
                entered.append(True)
                record.state("inside the block")
        except SystemExit:
            record.state("stopped")
            raise

    t = start(worker, "worker")
    # The worker's frame sits on the `with` line only while __enter__, a C
    # call, waits for the lock: no check comes before it on that line.
    wait_until_inside(t, {on_line(worker, "with lock:")})
    record.mark("async_raise")
    returned = async_raise(t)
    t.join(WAIT_S)  # it cannot leave __enter__: the main thread holds the lock
    record.facts(returned=returned, alive_after_call=t.is_alive())
    record.mark("main releases the lock")
    lock.release()
    t.join()
    held = lock.locked()
    record.state("stopped, lock still held" if held else "stopped, lock released", thread=t)
    record.facts(stopped_after_release=not t.is_alive(), block_entered=bool(entered),
                   lock_held_after_stop=held)


KW_TIMEOUT_S = 2.0  # the acquire's timeout: longer than any wait here (main releases first)


def stop_after_call(form: str) -> list:
    """One worker waits in ``lk.acquire(...)``, called in ``form``
    ("keyword": ``lk.acquire(timeout=...)``, "positional": ``lk.acquire(True, ...)``),
    while the main thread holds ``lk``. The stop is scheduled while it waits;
    then the main thread releases ``lk`` and the call returns. Which
    statements after the call ran before the exception fired? An empty list:
    it fired as the call returned, on the call's line."""
    lk = held_lock()  # the main thread holds it
    ran = []

    def keyword():
        try:
            lk.acquire(timeout=KW_TIMEOUT_S)
            ran.append("next statement")  # a plain call, run once: its return is a check
            ran.append("one more")
        except SystemExit:
            record.state(f"stopped ({form} call)")

    def positional():
        try:
            lk.acquire(True, KW_TIMEOUT_S)
            ran.append("next statement")
            ran.append("one more")
        except SystemExit:
            record.state(f"stopped ({form} call)")

    worker = keyword if form == "keyword" else positional
    t = start(worker, f"{form}-call")
    # The frame sits on the acquire line only while acquire, a C call, waits:
    # nothing before the call on that line is a check.
    wait_until_inside(t, {on_line(worker, "lk.acquire(")})
    record.mark(f"async_raise ({form} call waiting)")
    async_raise(t)
    record.mark("main releases the lock")
    lk.release()
    t.join()
    return ran


def stop_after_keyword_call():
    """Where a stop that is pending during a C call fires when the call
    returns, for a call with keyword arguments and for the same call with
    positional ones. Each call runs once in the child: its first run.
    Measured: on 3.14.10 and 3.15.2 the keyword call's return is no check on
    that first run, and the exception fires at the next plain call, one
    statement later; the positional call fires on its own line. On 3.10 to
    3.13 both fire on the call's line. (3.14's Python/bytecodes.c: the generic
    CALL_KW has no _CHECK_PERIODIC; CALL_KW_NON_PY, the form specialised for a
    C function from the call's second run on, and CALL_FUNCTION_EX do.)"""
    needs_the_gil()
    positional = stop_after_call("positional")
    keyword = stop_after_call("keyword")
    record.facts(ran_after_positional_call=positional, ran_after_keyword_call=keyword)


def on_line(fn, text: str) -> tuple:
    """(code, line number) of the first line of ``fn`` that starts with ``text``."""
    lines, first = inspect.getsourcelines(fn)
    for offset, line in enumerate(lines):
        if line.strip().startswith(text):
            return fn.__code__, first + offset
    raise ValueError(f"no line starting with {text!r} in {fn.__qualname__}")


# ------------------------------------------------ pthread_cancel

def task_count() -> int:
    """Kernel threads of this process."""
    return len(procfs.tids(os.getpid()))


def needs_pthread_cancel():
    needs_the_gil()
    if not sys.platform.startswith("linux") or not os.path.isdir("/proc/self/task"):
        record.skip("pthread_cancel runs need Linux and /proc")


def pthread_cancel_sleeping():
    """Cancel a thread that sleeps inside ``with lock:``. The OS thread goes;
    Python's record of it stays."""
    needs_pthread_cancel()
    lock = threading.Lock()
    ready = held_lock()

    def worker():
        with lock:
            record.state("sleeping, holding lock")
            enter_blocking(ready, partial(time.sleep, 60))
        record.state("done")  # not reached

    t = start(worker, "sleeper")
    ready.acquire()  # the sleeper is inside time.sleep(): a cancellation point
    before = task_count()
    record.mark("pthread_cancel")
    returned = pthread_cancel(t)
    gone = procfs.wait_until_thread_gone(t.native_id, GONE_S)
    record.state("cancelled: OS thread gone", thread=t)
    record.facts(returned=returned, tasks_before=before, tasks_after=task_count(),
                   os_thread_gone=gone, is_alive_after=t.is_alive(),
                   listed_by_enumerate=t in threading.enumerate(),
                   lock_held_after_stop=lock.locked(), acquire_with_timeout=lock.acquire(timeout=WAIT_S))
    # Return, as a program would: the interpreter's exit joins the sleeper,
    # which can never end. The deadline sees the hang.


def pthread_cancel_busy():
    """Cancel a thread that runs Python code. While it spins it has no
    cancellation point of its own: the cancel takes effect at the first
    condition wait around the GIL it reaches, waiting to take the GIL or, in
    ``drop_gil``, to hand it over (which leaves the GIL's internal
    ``switch_mutex`` held). If ``stop.set()`` ends the loop first, it takes
    effect at the next cancellation point, the write of
    ``record.state("done")``. When that happens is luck, so its latency
    varies by orders of magnitude."""
    needs_pthread_cancel()
    stop = threading.Event()
    spinning = held_lock()

    def worker():
        record.state("working")
        spinning.release()
        while not stop.is_set():
            pass
        record.state("done")

    t = start(worker, "spinner")
    spinning.acquire()
    record.facts(tasks_before=task_count())
    record.mark("pthread_cancel")
    returned = pthread_cancel(t)
    # From here on, anything may freeze: the next time this thread gives up or
    # takes back the GIL, it may find the GIL's mutex held by the dead spinner.
    record.mark("pthread_cancel returned")
    stop.set()
    t.join()
    record.facts(returned=returned, main_finished=True)


# What the child runs, by variant name (the lab's measure module judges them).
VARIANTS = {
        "only-scheduled": only_scheduled,
        "pure-python-loop": pure_python_loop,
        "blocked-in-acquire": blocked_in_acquire,
        "blocked-in-recv": blocked_in_recv,
        "blocked-in-sleep": blocked_in_sleep,
        "caught-and-retried": caught_and_retried,
        "tight-loop-in-try": tight_loop_in_try,
        "lands-in-cleanup": lands_in_cleanup,
        "stop-entering-with": stop_entering_with,
        "stop-after-keyword-call": stop_after_keyword_call,
        "seed-recipe": seed_recipe,
        "pthread-cancel-sleeping": pthread_cancel_sleeping,
        "pthread-cancel-busy": pthread_cancel_busy,
    }
