"""Lab 5: work handed off to a pool, a future or asyncio cannot be taken back.

Most people meet "how do I stop a thread?" today as "how do I stop the work I
handed to a pool?". The answer is the same: the thread that runs the work
must stop itself. Every variant here hands tasks to threads and then tries
to stop them; a ledger records every task (started, each unit of work,
done, stopped, cancelled) as timeline events, so the parent can rebuild it
even from a run that hung and was killed.

A task is UNITS units of work (FOREVER: until stopped, like a poller). A
unit is a short pause standing in for IO (UNIT_S): nothing waits on its
length. The moment of each stop is forced with Events: the running tasks
hold after their first unit (``Gate``) until the main thread has asked them
to stop, so the stop lands at the same point on every run.

- ``bad-cancel``: two workers run tasks 1 and 2; tasks 3-6 wait in the
  pool's queue. ``Future.cancel()`` on task 1 returns False;
  ``shutdown(wait=False, cancel_futures=True)`` cancels tasks 3-6 and not
  1 or 2, which run on to their end.
- ``bad-exit``: a task that never ends; the main thread calls
  ``shutdown(wait=False)`` and returns. The interpreter waits for the pool's
  worker at exit, forever: the deadline shows where every thread waits.
- ``bad-ctrl-c``: the parent sends SIGINT (Ctrl-C). KeyboardInterrupt is
  raised in the main thread only; leaving the ``with ThreadPoolExecutor``
  block waits for the workers, which go on; the process never exits.
- ``bad-wait-for``: ``asyncio.wait_for(task running asyncio.to_thread(f))``
  times out; the thread goes on running f, and ``asyncio.run()`` waits for
  it when it closes: without a limit on 3.10, 3.11 and 3.12.0 to 3.12.2
  (measured on 3.10.13, 3.11.7, 3.12.1); from 3.12.3 and 3.13 for at most
  ``asyncio.constants.THREAD_JOIN_TIMEOUT`` (300 s), then with a warning
  (gh-82448 added the timeout, applied only once the threads had ended
  until PR #115622, gh-111358; notebook 05, "Python versions"). The
  thread is not stopped either way.
- ``bad-join-timeout``: ``thread.join(timeout)`` returns; the thread is
  still alive, and still working.
- ``bad-wait-for-seen``: ``bad-wait-for`` seen from outside with
  ``python -m asyncio ps`` (3.14 and later), twice: while the work's task
  awaits ``to_thread``, and after the timeout cancelled it, the thread still
  working. The child asks (an event of kind ``LOOK``); the parent's driver
  runs the command on the child's pid and answers with SIGUSR1, so each look
  lands at its moment; the timeout fires after the first look. Before 3.14
  it is ``bad-wait-for``, and says why it did not look.

- ``fixed-shutdown``: tasks take a stop Event and check it between units.
  The shutdown sequence (set the Event, ``cancel_futures=True``, wait) ends
  with every task stopped at a checkpoint, done, or never started.
- ``fixed-ctrl-c``: a SIGINT/SIGTERM handler that only sets the stop Event:
  every task stops within a bound, the process exits 0.
- ``fixed-wait-for``: the coroutine awaiting ``to_thread`` sets the task's
  stop Event when it is cancelled; the thread stops at its next check.
- ``fixed-join``: set the stop Event, then join: the thread has ended.
"""
from __future__ import annotations

import asyncio
import contextlib
import signal
import threading
import time
from concurrent.futures import ThreadPoolExecutor, wait

from labs.child import record

WORKERS = 2
TASKS = 6  # bad-cancel, fixed-shutdown: tasks 1 and 2 run, 3 to 6 wait
UNITS = 5  # units of work in a task
FOREVER = None  # a task that runs until it is stopped (a poller, a consumer)
UNIT_S = 0.01  # one unit of work: a pause standing in for IO
TIMEOUT_S = 0.05  # the timeout given to wait_for and join
STOP_BOUND_S = 1.0  # a cooperative stop must have ended every task within this
WAIT_STEP_S = 0.05  # the main thread waits for results in steps this long
DEADLINE_S = 2.5  # bad-exit and bad-ctrl-c hang by design: each costs this long
CTRL_C = "press ctrl-c"  # the child's request to the driver: an event of this kind
LOOK = "look with asyncio ps"  # likewise: run python -m asyncio ps on me, then SIGUSR1


# ------------------------------------------------------------------ the ledger

def log_task(n: int, step: str) -> None:
    """One line of the ledger: task n started, did a unit, or ended ("done",
    "stopped", "cancelled"). The parent rebuilds the ledger from these."""
    record.event("task", id=n, step=step)


def stop_requested(label: str) -> None:
    """The moment the program asked its tasks to stop: a mark on the figure,
    and the point from which the parent counts the work done after it.
    Always recorded *after* the request was made (a stop Event set), so a
    cooperative task can finish at most the unit it had in hand after it."""
    record.event("mark", label=label, stop=True)


class Gate:
    """The lab's way to force the moment of the stop: each of ``count``
    tasks holds here after its first unit; the main thread waits until all
    of them are here (``wait_all``), acts, then lets them go (``open``)."""

    def __init__(self, count: int, notify=None):
        self.count = count
        self.notify = notify  # called once all are here (asyncio: wakes the loop)
        self.here = 0
        self.lock = threading.Lock()
        self.all_here = threading.Event()
        self.opened = threading.Event()

    def hold(self):
        record.state("held")
        with self.lock:
            self.here += 1
            if self.here == self.count:
                self.all_here.set()
                if self.notify is not None:
                    self.notify()
        self.opened.wait()
        record.state("working")

    def wait_all(self):
        self.all_here.wait()

    def open(self):
        self.opened.set()


class Scene:
    """What every variant shares: the tasks, how they end, and the stop Event
    that cooperative tasks check (None: tasks that just work)."""

    def __init__(self, units=UNITS, cooperative=False, held=0, notify=None):
        self.units = units
        self.stop = threading.Event() if cooperative else None
        self.gate = Gate(held, notify) if held else None
        self.ends: dict[int, str] = {}  # task -> "done" or "stopped", once it ended

    def task(self, n: int) -> str:
        """Task n, as a pool or a thread runs it."""
        log_task(n, "started")
        record.state("working")
        try:
            if self.stop is None:
                work(n, self.units, self.first_unit_done)
                end = "done"
            else:
                end = work_until_stopped(n, self.units, self.stop, self.first_unit_done)
        except BaseException as e:  # never seen: KeyboardInterrupt goes to MainThread
            record.event("interrupt", exc=type(e).__name__)
            raise
        self.ends[n] = end
        log_task(n, end)
        record.state(end)
        return end

    def first_unit_done(self):
        if self.gate is not None:
            self.gate.hold()


def do_unit(n: int) -> None:
    time.sleep(UNIT_S)  # the work itself (IO, say); no interleaving depends on it
    log_task(n, "unit")


# ------------------------------------------------------------------ the work

def work(n, units, after_first=None):
    """A task as people write it: it works until its work is done."""
    done = 0
    while units is FOREVER or done < units:
        do_unit(n)
        done += 1
        if done == 1 and after_first:
            after_first()


def work_until_stopped(n, units, stop, after_first=None):
    """The same task, told to stop by an Event that it checks between units:
    a unit is never cut in two, and a stop is seen within one unit."""
    done = 0
    while units is FOREVER or done < units:
        if stop.is_set():
            return "stopped"
        do_unit(n)
        done += 1
        if done == 1 and after_first:
            after_first()
    return "done"


# ------------------------------------------------------------------ bad: a pool

def cancel_everything(pool, futures):
    """How people try to stop a pool: cancel each future, shut it down."""
    returned = futures[0].cancel()  # task 1 is running: cancel() returns False
    pool.shutdown(wait=False, cancel_futures=True)  # the pending ones only
    return returned


def bad_cancel():
    scene = Scene(held=WORKERS)
    pool = ThreadPoolExecutor(WORKERS, thread_name_prefix="pool")
    record.state("submitting")
    futures = [pool.submit(scene.task, n) for n in range(1, TASKS + 1)]
    record.state("waiting")
    scene.gate.wait_all()  # tasks 1 and 2 are running; 3 to 6 wait in the queue
    record.state("cancelling")
    returned = cancel_everything(pool, futures)
    stop_requested("cancel(), shutdown(cancel_futures=True)")
    note_cancelled(futures)
    record.facts(cancel_running_returned=returned,
                   running_cancelled=sum(f.cancelled() for f in futures[:WORKERS]))
    scene.gate.open()
    record.state("waiting")
    wait(futures[:WORKERS])  # tasks 1 and 2 run on to their end
    # wait() on all of them would never return: a future cancelled by
    # shutdown() is never marked "cancelled and notified" (gh-92001, gh-109934).
    _, not_done = wait(futures, timeout=0)
    record.facts(cancelled_but_not_done=sum(f.cancelled() for f in not_done))
    pool.shutdown(wait=True)
    record.state("done")


def note_cancelled(futures):
    """The ledger of the tasks that will never run."""
    for n, f in enumerate(futures, start=1):
        if f.cancelled():
            log_task(n, "cancelled")


def bad_exit():
    scene = Scene(units=FOREVER, held=1)
    pool = ThreadPoolExecutor(1, thread_name_prefix="pool")
    record.state("submitting")
    pool.submit(scene.task, 1)
    record.state("waiting")
    scene.gate.wait_all()
    # "Don't wait for it." The docs: whatever the value of wait, the program
    # will not exit until all pending futures are done executing.
    pool.shutdown(wait=False)
    stop_requested("main thread done")
    scene.gate.open()
    record.state("done")
    # Returning ends the main thread. The interpreter then joins the pool's
    # worker (concurrent.futures registers that join at exit): forever.


# ------------------------------------------------------------------ Ctrl-C

@contextlib.contextmanager
def sigint_raises_keyboard_interrupt():
    """Python's own SIGINT handler, as a program started from a terminal has
    it (a child started with SIGINT ignored would otherwise ignore it)."""
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


@contextlib.contextmanager
def noting_interrupt():
    """Record where a KeyboardInterrupt lands, then let it go on."""
    try:
        yield
    except KeyboardInterrupt:
        record.event("interrupt", exc="KeyboardInterrupt")
        stop_requested("KeyboardInterrupt in MainThread")
        record.state("leaving the with block")
        raise


def ask_for_ctrl_c():
    """The driver sends SIGINT when it reads this event. (Not a mark: the
    figure marks where the interrupt landed, a moment later.)"""
    record.event(CTRL_C)


def run_pool_until_done(scene, on_ctrl_c=contextlib.nullcontext):
    """The program people write: hand long tasks to a pool, wait for the
    results. The parent presses Ctrl-C once every task is running."""
    everyone_running = threading.Barrier(WORKERS + 1)
    scene.first_unit_done = everyone_running.wait
    record.state("submitting")
    with ThreadPoolExecutor(WORKERS, thread_name_prefix="pool") as pool:
        futures = [pool.submit(scene.task, n) for n in range(1, WORKERS + 1)]
        record.state("waiting")
        everyone_running.wait()
        record.state("waiting for results")
        with on_ctrl_c():
            ask_for_ctrl_c()
            wait_for_results(futures)
    record.state("done")


def wait_for_results(futures, step=WAIT_STEP_S):
    """Wait for every future, in steps of ``step`` seconds, not in one
    untimed wait. A Python signal handler runs only when the main thread
    runs Python code: a timed wait returns within ``step``, and the handler
    runs then, at the latest. An untimed wait (``for f in
    as_completed(futures)``) is almost always woken by the signal, but not
    always: a signal that lands just before the main thread blocks leaves it
    asleep, the handler never runs (scripts/ctrl_c_race.py measures it)."""
    pending = set(futures)
    while pending:
        done, pending = wait(pending, timeout=step)
        for f in done:
            f.result()


def bad_ctrl_c():
    with sigint_raises_keyboard_interrupt():
        run_pool_until_done(Scene(units=FOREVER), on_ctrl_c=noting_interrupt)


@contextlib.contextmanager
def stop_on_signals(stop):
    """The fix: SIGINT and SIGTERM only set the stop Event. The handler runs
    in the main thread; the tasks see the Event at their next check."""
    def handler(signum, frame):
        stop.set()
        stop_requested(f"{signal.Signals(signum).name} handler: stop set")

    previous = {sig: signal.signal(sig, handler) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield
    finally:
        for sig, old in previous.items():
            signal.signal(sig, old)


def fixed_ctrl_c():
    scene = Scene(units=FOREVER, cooperative=True)
    with stop_on_signals(scene.stop):
        run_pool_until_done(scene)


# ------------------------------------------------------------------ asyncio

async def in_thread(fn, *args):
    """What people write: run blocking work in a thread, await it."""
    return await asyncio.to_thread(fn, *args)


def stop_thread_on_cancel(stop):
    """The fix: a coroutine that runs ``fn`` in a thread and, when it is
    cancelled (a timeout, a TaskGroup failing), sets the stop Event that
    ``fn`` checks. The thread is not stopped by the cancel: it stops itself."""
    async def in_thread(fn, *args):
        try:
            return await asyncio.to_thread(fn, *args)
        except asyncio.CancelledError:
            stop.set()
            raise
    return in_thread


def timed_out_await(scene, runner):
    async def main():
        loop = asyncio.get_running_loop()
        here = asyncio.Event()
        scene.gate.notify = lambda: loop.call_soon_threadsafe(here.set)
        work_task = asyncio.ensure_future(runner(scene.task, 1))
        await here.wait()  # the thread is inside the task: the timeout lands while it runs
        record.state("in wait_for")
        try:
            await asyncio.wait_for(work_task, timeout=TIMEOUT_S)
        except asyncio.TimeoutError:  # the builtin TimeoutError from 3.11
            stop_requested("wait_for timed out")
            record.facts(await_timed_out=True, task_running_after_timeout=1 not in scene.ends)
        scene.gate.open()
        record.state("asyncio.run() closing")

    record.state("asyncio.run()")
    asyncio.run(main())  # closing, it shuts the default executor down and waits for it
    record.facts(run_waited_for_thread=1 in scene.ends)
    record.state("done")


def bad_wait_for():
    timed_out_await(Scene(held=1), in_thread)


def cannot_run_asyncio_ps() -> str | None:
    """Why this Python has no ``python -m asyncio ps``, or None. Asked of the
    standard library (asyncio.tools), not of the version number."""
    import importlib.util
    if importlib.util.find_spec("asyncio.tools") is None:
        return "needs Python 3.14: python -m asyncio ps is new in 3.14"
    return None


async def looked_at(label):
    """Ask the parent to run ``python -m asyncio ps`` on this process now;
    return once it has (its SIGUSR1). The caller is suspended meanwhile, so
    the tasks are seen where they wait."""
    loop = asyncio.get_running_loop()
    done = asyncio.Event()
    loop.add_signal_handler(signal.SIGUSR1, done.set)
    try:
        record.event(LOOK, label=label)
        await done.wait()
    finally:
        loop.remove_signal_handler(signal.SIGUSR1)


async def time_out_after_look(timeout):
    await looked_at("the work's task awaits to_thread")
    timeout.reschedule(asyncio.get_running_loop().time())  # fire now


async def seen(scene):
    """The coroutine of ``bad-wait-for-seen`` (short names: ``asyncio ps``
    prints each coroutine stack in a column 50 characters wide)."""
    loop = asyncio.get_running_loop()
    here = asyncio.Event()
    scene.gate.notify = lambda: loop.call_soon_threadsafe(here.set)
    work_task = asyncio.create_task(in_thread(scene.task, 1), name="work")
    await here.wait()  # the thread is inside the task
    record.state("in the timeout")
    try:
        async with asyncio.timeout(None) as timeout:
            looker = asyncio.create_task(time_out_after_look(timeout), name="look")
            await work_task
    except TimeoutError:
        stop_requested("the timeout fired")
        record.facts(await_timed_out=True, task_running_after_timeout=1 not in scene.ends)
    await looker
    await looked_at("after the timeout: the task is cancelled, its thread works on")
    scene.gate.open()
    record.state("asyncio.run() closing")


def bad_wait_for_seen():
    """bad-wait-for, looked at from outside. ``asyncio.timeout`` (what
    ``wait_for`` uses since 3.12) is rescheduled to fire right after the
    first look, not after a fixed time."""
    unavailable = cannot_run_asyncio_ps()
    record.facts(asyncio_ps_unavailable=unavailable)
    if unavailable:  # bad-wait-for itself (asyncio.timeout is new in 3.11, besides)
        timed_out_await(Scene(held=1), in_thread)
        return
    scene = Scene(held=1)
    record.state("asyncio.run()")
    asyncio.run(seen(scene))
    record.facts(run_waited_for_thread=1 in scene.ends)
    record.state("done")


def fixed_wait_for():
    scene = Scene(held=1, cooperative=True)
    timed_out_await(scene, stop_thread_on_cancel(scene.stop))


# ------------------------------------------------------------------ join(timeout)

def start_worker(scene):
    worker = threading.Thread(target=scene.task, args=(1,), name="worker")
    worker.start()
    scene.gate.wait_all()
    return worker


def bad_join_timeout():
    scene = Scene(held=1)
    worker = start_worker(scene)
    record.state("join(timeout)")
    worker.join(timeout=TIMEOUT_S)  # returns None, timed out or not
    stop_requested("join(timeout) returned")
    record.facts(join_returned=True, alive_after_join=worker.is_alive())
    scene.gate.open()
    record.state("waiting")
    worker.join()  # as the interpreter would at exit
    record.state("done")


def fixed_join():
    scene = Scene(held=1, cooperative=True)
    worker = start_worker(scene)
    scene.stop.set()
    stop_requested("stop set")
    scene.gate.open()
    record.state("join(timeout)")
    worker.join(timeout=STOP_BOUND_S)
    record.facts(join_returned=True, alive_after_join=worker.is_alive())
    worker.join()
    record.state("done")


# ------------------------------------------------------------------ fixed: a pool

def shut_down(pool, stop):
    """The shutdown sequence: running tasks stop at their next check,
    pending ones never start. Then wait (below) for the running ones."""
    stop.set()
    pool.shutdown(wait=False, cancel_futures=True)


def fixed_shutdown():
    scene = Scene(held=WORKERS, cooperative=True)
    pool = ThreadPoolExecutor(WORKERS, thread_name_prefix="pool")
    record.state("submitting")
    futures = [pool.submit(scene.task, n) for n in range(1, TASKS + 1)]
    record.state("waiting")
    scene.gate.wait_all()  # the same moment as in bad-cancel
    record.state("shutting down")
    shut_down(pool, scene.stop)
    stop_requested("stop set, shutdown(cancel_futures=True)")
    note_cancelled(futures)
    scene.gate.open()
    record.state("waiting")
    pool.shutdown(wait=True)
    record.state("done")


# What the child runs, by variant name (the lab's measure module judges them).
VARIANTS = {"bad-cancel": bad_cancel, "bad-exit": bad_exit, "bad-ctrl-c": bad_ctrl_c,
              "bad-wait-for": bad_wait_for, "bad-join-timeout": bad_join_timeout,
              "bad-wait-for-seen": bad_wait_for_seen,
              "fixed-shutdown": fixed_shutdown, "fixed-ctrl-c": fixed_ctrl_c,
              "fixed-wait-for": fixed_wait_for, "fixed-join": fixed_join}
