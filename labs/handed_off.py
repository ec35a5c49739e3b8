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
  it when it closes.
- ``bad-join-timeout``: ``thread.join(timeout)`` returns; the thread is
  still alive, and still working.

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
from concurrent.futures import ThreadPoolExecutor, as_completed, wait

from labs import timeline
from labs.lab import Lab

WORKERS = 2
TASKS = 6  # bad-cancel, fixed-shutdown: tasks 1 and 2 run, 3 to 6 wait
UNITS = 5  # units of work in a task
FOREVER = None  # a task that runs until it is stopped (a poller, a consumer)
UNIT_S = 0.01  # one unit of work: a pause standing in for IO
TIMEOUT_S = 0.05  # the timeout given to wait_for and join
STOP_BOUND_S = 1.0  # a cooperative stop must have ended every task within this
DEADLINE_S = 2.5  # bad-exit and bad-ctrl-c hang by design: each costs this long
CTRL_C = "press ctrl-c"  # the child's request to the driver: an event of this kind


# ------------------------------------------------------------------ the ledger

def record(n: int, step: str) -> None:
    """One line of the ledger: task n started, did a unit, or ended ("done",
    "stopped", "cancelled"). The parent rebuilds the ledger from these."""
    timeline.event("task", id=n, step=step)


def stop_requested(label: str) -> None:
    """The moment the program asked its tasks to stop: a mark on the figure,
    and the point from which the parent counts the work done after it.
    Always recorded *after* the request was made (a stop Event set), so a
    cooperative task can finish at most the unit it had in hand after it."""
    timeline.event("mark", label=label, stop=True)


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
        timeline.state("held")
        with self.lock:
            self.here += 1
            if self.here == self.count:
                self.all_here.set()
                if self.notify is not None:
                    self.notify()
        self.opened.wait()
        timeline.state("working")

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
        record(n, "started")
        timeline.state("working")
        try:
            if self.stop is None:
                work(n, self.units, self.first_unit_done)
                end = "done"
            else:
                end = work_until_stopped(n, self.units, self.stop, self.first_unit_done)
        except BaseException as e:  # never seen: KeyboardInterrupt goes to MainThread
            timeline.event("interrupt", exc=type(e).__name__)
            raise
        self.ends[n] = end
        record(n, end)
        timeline.state(end)
        return end

    def first_unit_done(self):
        if self.gate is not None:
            self.gate.hold()


def do_unit(n: int) -> None:
    time.sleep(UNIT_S)  # the work itself (IO, say); no interleaving depends on it
    record(n, "unit")


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
    timeline.state("submitting")
    futures = [pool.submit(scene.task, n) for n in range(1, TASKS + 1)]
    timeline.state("waiting")
    scene.gate.wait_all()  # tasks 1 and 2 are running; 3 to 6 wait in the queue
    timeline.state("cancelling")
    returned = cancel_everything(pool, futures)
    stop_requested("cancel(), shutdown(cancel_futures=True)")
    note_cancelled(futures)
    timeline.facts(cancel_running_returned=returned,
                   running_cancelled=sum(f.cancelled() for f in futures[:WORKERS]))
    scene.gate.open()
    timeline.state("waiting")
    wait(futures[:WORKERS])  # tasks 1 and 2 run on to their end
    # wait() on all of them would never return: a future cancelled by
    # shutdown() is never marked "cancelled and notified" (gh-92001, gh-109934).
    _, not_done = wait(futures, timeout=0)
    timeline.facts(cancelled_but_not_done=sum(f.cancelled() for f in not_done))
    pool.shutdown(wait=True)
    timeline.state("done")


def note_cancelled(futures):
    """The ledger of the tasks that will never run."""
    for n, f in enumerate(futures, start=1):
        if f.cancelled():
            record(n, "cancelled")


def bad_exit():
    scene = Scene(units=FOREVER, held=1)
    pool = ThreadPoolExecutor(1, thread_name_prefix="pool")
    timeline.state("submitting")
    pool.submit(scene.task, 1)
    timeline.state("waiting")
    scene.gate.wait_all()
    # "Don't wait for it." The docs: whatever the value of wait, the program
    # will not exit until all pending futures are done executing.
    pool.shutdown(wait=False)
    stop_requested("main thread done")
    scene.gate.open()
    timeline.state("done")
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
        timeline.event("interrupt", exc="KeyboardInterrupt")
        stop_requested("KeyboardInterrupt in MainThread")
        timeline.state("leaving the with block")
        raise


def ask_for_ctrl_c():
    """The driver sends SIGINT when it reads this event. (Not a mark: the
    figure marks where the interrupt landed, a moment later.)"""
    timeline.event(CTRL_C)


def run_pool_until_done(scene, on_ctrl_c=contextlib.nullcontext):
    """The program people write: hand long tasks to a pool, wait for the
    results. The parent presses Ctrl-C once every task is running."""
    everyone_running = threading.Barrier(WORKERS + 1)
    scene.first_unit_done = everyone_running.wait
    timeline.state("submitting")
    with ThreadPoolExecutor(WORKERS, thread_name_prefix="pool") as pool:
        futures = [pool.submit(scene.task, n) for n in range(1, WORKERS + 1)]
        timeline.state("waiting")
        everyone_running.wait()
        timeline.state("waiting for results")
        with on_ctrl_c():
            ask_for_ctrl_c()
            for f in as_completed(futures):
                f.result()
    timeline.state("done")


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
        timeline.state("in wait_for")
        try:
            await asyncio.wait_for(work_task, timeout=TIMEOUT_S)
        except asyncio.TimeoutError:  # the builtin TimeoutError from 3.11
            stop_requested("wait_for timed out")
            timeline.facts(await_timed_out=True, task_running_after_timeout=1 not in scene.ends)
        scene.gate.open()
        timeline.state("asyncio.run() closing")

    timeline.state("asyncio.run()")
    asyncio.run(main())  # closing, it shuts the default executor down and waits for it
    timeline.facts(run_waited_for_thread=1 in scene.ends)
    timeline.state("done")


def bad_wait_for():
    timed_out_await(Scene(held=1), in_thread)


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
    timeline.state("join(timeout)")
    worker.join(timeout=TIMEOUT_S)  # returns None, timed out or not
    stop_requested("join(timeout) returned")
    timeline.facts(join_returned=True, alive_after_join=worker.is_alive())
    scene.gate.open()
    timeline.state("waiting")
    worker.join()  # as the interpreter would at exit
    timeline.state("done")


def fixed_join():
    scene = Scene(held=1, cooperative=True)
    worker = start_worker(scene)
    scene.stop.set()
    stop_requested("stop set")
    scene.gate.open()
    timeline.state("join(timeout)")
    worker.join(timeout=STOP_BOUND_S)
    timeline.facts(join_returned=True, alive_after_join=worker.is_alive())
    worker.join()
    timeline.state("done")


# ------------------------------------------------------------------ fixed: a pool

def shut_down(pool, stop):
    """The shutdown sequence: running tasks stop at their next check,
    pending ones never start. Then wait (below) for the running ones."""
    stop.set()
    pool.shutdown(wait=False, cancel_futures=True)


def fixed_shutdown():
    scene = Scene(held=WORKERS, cooperative=True)
    pool = ThreadPoolExecutor(WORKERS, thread_name_prefix="pool")
    timeline.state("submitting")
    futures = [pool.submit(scene.task, n) for n in range(1, TASKS + 1)]
    timeline.state("waiting")
    scene.gate.wait_all()  # the same moment as in bad-cancel
    timeline.state("shutting down")
    shut_down(pool, scene.stop)
    stop_requested("stop set, shutdown(cancel_futures=True)")
    note_cancelled(futures)
    scene.gate.open()
    timeline.state("waiting")
    pool.shutdown(wait=True)
    timeline.state("done")


# ------------------------------------------------------------------ parent side

def send_ctrl_c(event: dict, child) -> None:
    """Driver: press Ctrl-C (SIGINT to the child) when the child asks.
    Child.signal refuses any process that is not the lab's child."""
    if event.get("kind") == CTRL_C:
        child.signal(signal.SIGINT)


def ledger(events: list[dict]) -> dict[int, dict]:
    """Task -> {"started": t, "units": [t, ...], "end": step or None, "end_t"}."""
    tasks: dict[int, dict] = {}
    for e in events:
        if e.get("kind") != "task":
            continue
        rec = tasks.setdefault(e["id"], {"started": None, "units": [], "end": None, "end_t": None})
        if e["step"] == "started":
            rec["started"] = e["t"]
        elif e["step"] == "unit":
            rec["units"].append(e["t"])
        else:
            rec["end"], rec["end_t"] = e["step"], e["t"]
    return tasks


def task_state(rec: dict) -> str:
    """How a task ended: done, stopped (at a check), cancelled (never ran),
    or cut off: started and never finished, i.e. half done."""
    if rec["end"] in ("done", "stopped", "cancelled"):
        return rec["end"]
    return "cut off" if rec["started"] is not None else "never ran"


def stop_time(events: list[dict]) -> float:
    for e in events:
        if e.get("kind") == "mark" and e.get("stop"):
            return e["t"]
    raise KeyError("stop")  # the run ended before it asked its tasks to stop


# The frames that tell where a thread waits, whatever the Python version
# (the frames around them differ from one version to the next).
STORY_FRAMES = {"_shutdown", "_python_exit", "__exit__", "shutdown", "join",
                "run_pool_until_done", "task", "work", "work_until_stopped"}


def where_waits(outcome) -> dict[str, str]:
    """Thread name -> its story frames in the stack dump, outermost first,
    e.g. "threading._shutdown > concurrent.futures.thread._python_exit >
    threading.join"."""
    chains = {}
    for th in outcome.threads_in_dump():
        names = []
        for path, _, func in reversed(th["frames"]):
            if func in STORY_FRAMES:
                module = path.split("/", 1)[-1].removesuffix(".py").replace("/", ".")
                names.append(f"{module}.{func}")
        chains[th["name"]] = " > ".join(names)
    return chains


def summarize(outcome):
    events = outcome.timeline
    stop_t = stop_time(events)
    tasks = ledger(events)
    running = [n for n, r in tasks.items() if r["started"] is not None and r["started"] < stop_t
               and (r["end_t"] is None or r["end_t"] > stop_t)]
    after = {n: sum(t > stop_t for t in tasks[n]["units"]) for n in running}
    # A cooperative task may finish the unit it had in hand: one unit, no more.
    ran_on = [n for n in running if after[n] > 1]
    stopped = bool(running) and all(task_state(tasks[n]) == "stopped" and after[n] <= 1
                                    for n in running)
    facts = {
        "ledger": [task_state(tasks[n]) for n in sorted(tasks)],
        "running_at_stop": len(running),
        "running_task_stopped": stopped,
        "tasks_ran_on": len(ran_on),
        "tasks_half_done": sum(task_state(r) == "cut off" for r in tasks.values()),
        "pending_cancelled": sum(r["end"] == "cancelled" for r in tasks.values()),
        "keyboard_interrupt_in": sorted({e["thread"] for e in events
                                         if e.get("kind") == "interrupt"}),
        "process_exited": outcome.exit["code"] == 0 and not outcome.exit["timed_out"],
        "main_returned": any(e.get("kind") == "end" for e in events),
    }
    if stopped:
        latency = max(tasks[n]["end_t"] for n in running) - stop_t
        facts["stop_latency_s"] = round(latency, 6)
        facts["stopped_within_bound"] = latency <= STOP_BOUND_S
    else:
        facts["stopped_within_bound"] = False
    if outcome.exit["timed_out"]:
        chains = where_waits(outcome)
        facts["main_waits_in"] = chains.pop("MainThread", None)
        facts["workers_in"] = sorted(set(chains.values()))
    return facts


def judge(facts, outcome):
    """The hazard: a task that was asked to stop did not stop (it ran on, or
    was cut off half done), or the program could not end by itself."""
    return not (facts["running_task_stopped"] and facts["tasks_half_done"] == 0
                and facts["process_exited"])


REQUIRES = {
    "bad-cancel": ("cancel_running_returned", "running_cancelled"),
    "bad-wait-for": ("await_timed_out", "run_waited_for_thread"),
    "fixed-wait-for": ("await_timed_out", "run_waited_for_thread"),
    "bad-join-timeout": ("join_returned", "alive_after_join"),
    "fixed-join": ("join_returned", "alive_after_join"),
}


def requires(variant: str) -> tuple:
    return ("ledger", "running_task_stopped", "tasks_half_done", "process_exited",
            *REQUIRES.get(variant, ()))


LAB = Lab(
    id="handed-off",
    title="Work handed to a pool, a future or asyncio cannot be taken back",
    hazard="cancel(), a timeout, join(timeout) or Ctrl-C stop the waiting, not the work",
    variants={"bad-cancel": bad_cancel, "bad-exit": bad_exit, "bad-ctrl-c": bad_ctrl_c,
              "bad-wait-for": bad_wait_for, "bad-join-timeout": bad_join_timeout,
              "fixed-shutdown": fixed_shutdown, "fixed-ctrl-c": fixed_ctrl_c,
              "fixed-wait-for": fixed_wait_for, "fixed-join": fixed_join},
    judge=judge,
    requires=requires,
    summarize=summarize,
    drivers={"bad-ctrl-c": send_ctrl_c, "fixed-ctrl-c": send_ctrl_c},
    deadline_s=DEADLINE_S,
)


# ------------------------------------------------------------------ for the notebook

def ledger_table(outcome) -> str:
    """Every task of a run and how it ended, one line each."""
    lines = [f"{outcome.variant}:"]
    for n, state in enumerate(outcome.facts["ledger"], start=1):
        lines.append(f"  task {n}: {state}")
    return "\n".join(lines)
