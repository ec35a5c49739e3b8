"""The kill matrix: every way people stop a thread, run for real, measured.

Rows are mechanisms (``MECHANISMS``); columns are measurements (``COLUMNS``).
Each row runs three scenarios, each one in its own sandboxed child:

- ``busy``: the worker spins in a pure-Python loop. Is it stopped?
- ``blocked``: the worker is blocked in a C call, a socket read that nobody
  answers. The stop is sent only once ``/proc`` shows the thread inside that
  read, so nothing depends on timing. Is it stopped?
- ``midway``: the worker takes a task from a queue and moves money between two
  accounts under a lock: debit, wait for a reply on a socket, credit. The stop
  lands while it waits, between the two steps. Afterwards: is the lock free,
  is the total intact, is the task done or back in the queue?

Every scenario also tells whether the process that sent the stop went on and
exited by itself (``process_survived``). A stop "window" bounds each wait: a
worker still running ``WINDOW_S`` after the stop request never stopped. Then
the scenario lets whatever is still blocked go (it answers the socket), so
that only the mechanism decides whether the process can exit.

The variants of the hidden lab ``matrix`` are ``MECHANISM.SCENARIO``, plus a
few changed scenarios (``.catching``, ``.acquire``, ``.requeue``, ``.daemon``)
that the tests use to show that a cell comes from the run.
"""
from __future__ import annotations

import json
import os
import queue
import selectors
import signal
import socket
import sys
import threading
import time

from labs import procfs, timeline
from labs.kill import async_raise, os_kill_tid, pthread_cancel, pthread_kill
from labs.lab import Lab

MECHANISMS = ("async-exc", "stopit", "func-timeout", "pthread-cancel", "os-kill-tid",
              "pthread-kill", "process-terminate", "pebble", "event", "event-wakeup")
COLUMNS = ("busy_thread_stopped", "blocked_thread_stopped", "lock_released",
           "invariant_intact", "task_kept", "process_survived", "stop_latency_s")
SCENARIOS = ("busy", "blocked", "midway")
THREAD_FORCE = ("async-exc", "stopit", "func-timeout", "pthread-cancel", "os-kill-tid",
                "pthread-kill")
PROCESSES = ("process-terminate", "pebble")
COOPERATIVE = ("event", "event-wakeup")

WINDOW_S = 1.0   # a worker still running this long after the stop request never stopped
TIMEOUT_S = 0.5  # the timeout given to stopit, func-timeout and pebble
POLL_S = 0.05    # the stop-flag row's IO timeout: how often it looks at the flag
AMOUNT = 10
TASK, NEXT = "task-1", "task-2"  # the stop lands midway through TASK


# ------------------------------------------------------------ shared pieces

class Bank:
    """Two accounts; their total is the invariant the lock protects."""

    def __init__(self, balance=1000):
        self.accounts = {"alice": balance, "bob": balance}
        self.total = sum(self.accounts.values())

    def invariant_ok(self):
        return sum(self.accounts.values()) == self.total


class Scene:
    """What a thread scenario shares between the main thread and the worker."""

    def __init__(self, mechanism):
        self.mechanism = mechanism
        self.ready = threading.Event()   # the worker is where the stop must land
        self.worker = None               # the thread that runs the work
        self.entered = None              # when a timeout library started its clock
        self.released = False            # a plain flag: the clean-up, never a stop request
        self.stop = threading.Event()    # the cooperative rows' stop flag
        self.caught = 0                  # stop exceptions the worker swallowed
        self.main_interrupted = False    # an exception meant for the worker hit main
        self.conn, self.peer = socket.socketpair()  # the worker reads conn; peer answers
        self.wake_r, self.wake_w = socket.socketpair()  # event-wakeup's wake-up
        self.lock = threading.Lock()
        self.bank = Bank()
        self.tasks = queue.Queue()
        self.done = []

    def close(self):
        for s in (self.conn, self.peer, self.wake_r, self.wake_w):
            s.close()


def can_see_syscalls() -> bool:
    """/proc/self/task/TID/syscall exists on Linux; some kernels hide it."""
    try:
        with open(f"/proc/self/task/{threading.get_native_id()}/syscall") as f:
            return bool(f.read().split())
    except OSError:
        return False


def os_thread_gone(thread) -> bool:
    """pthread_cancel ends the OS thread behind the interpreter's back:
    ``is_alive()`` stays True, so look at /proc."""
    return not os.path.exists(f"/proc/self/task/{thread.native_id}")


def still_alive(thread) -> bool:
    """Does Python still count ``thread`` alive? Asked with a bounded join, not
    a bare is_alive(): while another thread is joining it (func-timeout's own
    JoinThread does, every 2 s), is_alive() can read True for a moment after
    the thread has ended. A thread that ended is joined at once; one whose OS
    thread was cancelled behind Python's back never is."""
    thread.join(WINDOW_S)
    return thread.is_alive()


def has_stopped(thread) -> bool:
    return not thread.is_alive() or os_thread_gone(thread)


def wait_until(predicate, until, send_stop=None) -> bool:
    """Send the stop (if given), then poll ``predicate`` until it holds or the
    window ``until`` closes. An exception aimed at the worker but raised in
    main (pthread-kill's SIGINT) is recorded, and the wait goes on: one try
    covers the sending and the waiting, so it cannot land between them."""
    sent = send_stop is None
    while True:
        try:
            if not sent:
                sent = True  # before the call: the stop is sent once
                send_stop()
            while not predicate():
                if time.monotonic() >= until:
                    return False
                time.sleep(0.001)
            return True
        except KeyboardInterrupt:
            SCENE.main_interrupted = True


SCENE: Scene | None = None  # the child's one scene, for wait_until


# ------------------------------------------------------------ the workers

def spin(scene):
    """A busy pure-Python loop. ``released`` only ends it after the window."""
    timeline.state("working")
    scene.ready.set()
    n = 0
    while not scene.released:
        n += 1


def spin_catching(scene):
    """The same loop in code that swallows every exception and goes on."""
    timeline.state("working")
    scene.ready.set()
    while True:
        try:
            n = 0
            while not scene.released:
                n += 1
            return
        except BaseException:  # noqa: B036 - the point of this scenario
            scene.caught += 1


def read(scene):
    """Blocked in a C call: a socket read nobody answers (until the clean-up)."""
    timeline.state("blocked")
    scene.ready.set()
    scene.conn.recv(1)


def apply_task(scene, task):
    """One transfer under the lock: debit, wait for the reply, credit."""
    with scene.lock:
        timeline.state("holding lock")
        scene.bank.accounts["alice"] -= AMOUNT
        scene.ready.set()
        scene.conn.recv(1)  # midway: the stop lands while we wait here
        scene.bank.accounts["bob"] += AMOUNT
    scene.done.append(task)


def apply_task_acquire(scene, task):
    """The same transfer written with acquire()/release() and no try/finally."""
    scene.lock.acquire()
    timeline.state("holding lock")
    scene.bank.accounts["alice"] -= AMOUNT
    scene.ready.set()
    scene.conn.recv(1)
    scene.bank.accounts["bob"] += AMOUNT
    scene.lock.release()
    scene.done.append(task)


def transfer(scene, apply=apply_task):
    """A worker that takes its two tasks from the queue and applies them."""
    timeline.state("working")
    for _ in range(2):
        task = scene.tasks.get()
        apply(scene, task)
        scene.tasks.task_done()
    timeline.state("done")


def transfer_requeue(scene):
    """The same worker, written to give its task back when it is stopped."""
    timeline.state("working")
    for _ in range(2):
        task = scene.tasks.get()
        try:
            apply_task(scene, task)
        except BaseException:
            scene.tasks.put(task)
            raise
    timeline.state("done")


# The cooperative rows: the worker checks a stop flag, never mid-task.

def spin_until_stopped(scene):
    timeline.state("working")
    scene.ready.set()
    n = 0
    while not scene.stop.is_set():
        n += 1
    timeline.state("done")


def read_with_timeout(scene):
    """Block in the read for at most POLL_S, then look at the stop flag."""
    timeline.state("blocked")
    scene.conn.settimeout(POLL_S)
    scene.ready.set()
    while not scene.stop.is_set():
        try:
            scene.conn.recv(1)
        except TimeoutError:
            continue
    timeline.state("done")


def read_with_wakeup(scene):
    """Block until the socket or the wake-up socket is readable: no polling."""
    timeline.state("blocked")
    with selectors.DefaultSelector() as sel:
        sel.register(scene.conn, selectors.EVENT_READ)
        sel.register(scene.wake_r, selectors.EVENT_READ)
        scene.ready.set()
        while not scene.stop.is_set():
            for key, _ in sel.select():
                key.fileobj.recv(1)
    timeline.state("done")


def transfer_until_stopped(scene):
    """Take tasks until the flag is set; a task once taken is finished."""
    timeline.state("working")
    while not scene.stop.is_set():
        try:
            task = scene.tasks.get(timeout=POLL_S)
        except queue.Empty:
            continue
        apply_task(scene, task)
        scene.tasks.task_done()
    timeline.state("done")


def transfer_until_woken(scene):
    """Block in get() with no timeout; the stop puts a wake-up in the queue."""
    timeline.state("working")
    while not scene.stop.is_set():
        task = scene.tasks.get()
        if task is not None:  # None is the wake-up
            apply_task(scene, task)
        scene.tasks.task_done()
    timeline.state("done")


def worker_for(mechanism, scenario, option):
    if mechanism == "event":
        return {"busy": spin_until_stopped, "blocked": read_with_timeout,
                "midway": transfer_until_stopped}[scenario]
    if mechanism == "event-wakeup":
        return {"busy": spin_until_stopped, "blocked": read_with_wakeup,
                "midway": transfer_until_woken}[scenario]
    if scenario == "busy":
        return spin_catching if option == "catching" else spin
    if scenario == "blocked":
        return read
    if option == "acquire":
        return lambda scene: transfer(scene, apply_task_acquire)
    if option == "requeue":
        return transfer_requeue
    return transfer


# ------------------------------------------------------------ the mechanisms

def need(module):
    """Import a library under study; skip the scenario cleanly without it."""
    import importlib

    try:
        return importlib.import_module(module)
    except ImportError as why:  # stopit needs pkg_resources: setuptools<81
        timeline.skip(f"{module} cannot be imported here ({why})")


def start(scene, work, daemon=False):
    """Start the worker the way the mechanism runs it. Returns the function
    that sends the stop, or None when the mechanism's own timer sends it."""
    mech = scene.mechanism

    def run_plain():
        scene.worker = threading.current_thread()
        work(scene)

    if mech == "stopit":
        stopit = need("stopit")

        def run_stopit():
            scene.worker = threading.current_thread()
            scene.entered = time.monotonic()
            with stopit.ThreadingTimeout(TIMEOUT_S):
                work(scene)
        threading.Thread(target=run_stopit, name="worker", daemon=daemon).start()
        return None
    if mech == "func-timeout":
        func_timeout = need("func_timeout").func_timeout
        FunctionTimedOut = need("func_timeout").FunctionTimedOut

        def body():  # runs in func_timeout's own (daemon) thread
            scene.worker = threading.current_thread()
            scene.worker.name = "worker"
            work(scene)

        def call():
            scene.entered = time.monotonic()
            try:
                func_timeout(TIMEOUT_S, body)
            except FunctionTimedOut:
                timeline.mark("FunctionTimedOut in the caller")
        threading.Thread(target=call, name="caller", daemon=daemon).start()
        return None
    thread = threading.Thread(target=run_plain, name="worker", daemon=daemon)
    thread.start()
    stops = {
        "async-exc": lambda: async_raise(thread, SystemExit),
        "pthread-cancel": lambda: pthread_cancel(thread),
        "os-kill-tid": lambda: os_kill_tid(thread, signal.SIGTERM),
        "pthread-kill": lambda: pthread_kill(thread, signal.SIGINT),
        "event": scene.stop.set,
        "event-wakeup": lambda: (scene.stop.set(), wake(scene)),
    }
    return stops[mech]


def wake(scene):
    scene.wake_w.send(b"!")
    scene.tasks.put(None)


def run_threads(mechanism, scenario, option=None):
    """One scenario of a thread row, in the sandbox's child."""
    global SCENE
    if not can_see_syscalls():
        timeline.skip("cannot see where a thread is blocked (/proc/self/task/TID/syscall)")
    scene = SCENE = Scene(mechanism)
    if scenario == "midway":
        scene.tasks.put(TASK)
        scene.tasks.put(NEXT)
    send_stop = start(scene, worker_for(mechanism, scenario, option), daemon=option == "daemon")
    scene.ready.wait()
    worker = scene.worker
    if mechanism not in COOPERATIVE and scenario != "busy":
        # The stop must find the worker inside its read, not on its way there.
        wait_until(lambda: procfs.in_syscall_on(scene.conn.fileno(), tid=worker.native_id),
                   float("inf"))
    timeline.event("stop", native_id=worker.native_id)
    timeline.facts(stop_requested=True)  # kept even if the process dies now
    if send_stop is None:  # stopit, func-timeout: their timer sends it
        asked = scene.entered + TIMEOUT_S
    else:
        timeline.mark("stop requested")
        asked = time.monotonic()
    stopped = wait_until(lambda: has_stopped(worker), asked + WINDOW_S, send_stop)
    latency = time.monotonic() - asked if stopped else None
    if stopped:
        timeline.state("stopped", thread=worker)
    # The clean-up: answer the read, end the spin. Whatever still runs now was
    # not stopped; it may finish its task (that is not the mechanism's merit).
    scene.released = True
    scene.peer.send(b"xx")  # one reply per task
    # Every worker ends now, or has no OS thread left: wait for that, so that a
    # slow machine cannot change what is measured next. The deadline guards.
    wait_until(lambda: has_stopped(worker), float("inf"))
    gone = os_thread_gone(worker)  # before is_alive(): a thread that ends
    # normally stops being alive before its OS thread goes, never after
    key = "stopped_midway" if scenario == "midway" else "stopped"
    facts = {key: stopped, "stop_latency_s": latency and round(latency, 6),
             "python_thinks_alive": gone and still_alive(worker),
             "caught": scene.caught, "main_interrupted": scene.main_interrupted}
    if scenario == "midway":
        facts.update(lock_released=not scene.lock.locked(),
                     invariant_ok=scene.bank.invariant_ok(),
                     task_kept=TASK in scene.done or TASK in list(scene.tasks.queue),
                     task_finished=TASK in scene.done,
                     # The stop landed if the worker never went on to the next task.
                     stop_landed=NEXT in list(scene.tasks.queue))
    timeline.facts(**facts)
    scene.close()
    timeline.facts(scenario_done=True)
    # Now the interpreter exits as any program would: it joins non-daemon
    # threads, and a cancelled one never ends. The deadline sees that.


# ------------------------------------------------------------ process rows
# Module-level functions: the spawn context pickles them by name.

def proc_spin(ready):
    ready.set()
    while True:
        pass


def proc_sleep(ready):
    ready.set()
    time.sleep(3600)  # blocked in a C call


def proc_transfer(ready, lock, accounts, tasks, done, reply, where):
    """A worker process: take a task, then debit, wait for a reply, credit,
    under a lock. ``where`` tells the parent which pid and fd to watch."""
    task = tasks.get()
    with lock:
        accounts[0] -= AMOUNT
        where[0], where[1] = os.getpid(), reply.fileno()
        ready.set()
        reply.recv_bytes()  # midway: the stop lands while we wait here
        accounts[1] += AMOUNT
    done.value = task


def pool_init(*args):
    global _POOL_ARGS
    _POOL_ARGS = args


def pool_spin():
    proc_spin(_POOL_ARGS[0])


def pool_sleep():
    proc_sleep(_POOL_ARGS[0])


def pool_transfer():
    proc_transfer(*_POOL_ARGS)


def run_processes(mechanism, scenario, option=None):
    """One scenario of a process row. Spawn, never fork: this child has threads."""
    import multiprocessing

    if not can_see_syscalls():
        timeline.skip("cannot see where a process is blocked (/proc/PID/syscall)")
    ctx = multiprocessing.get_context("spawn")
    ready, lock = ctx.Event(), ctx.Lock()
    accounts = ctx.Array("i", [1000, 1000], lock=False)
    tasks, done = ctx.Queue(), ctx.Value("i", 0, lock=False)
    reply, answer = ctx.Pipe(duplex=False)
    where = ctx.Array("q", [0, -1], lock=False)
    if scenario == "midway":
        tasks.put(1)
    args = (ready, lock, accounts, tasks, done, reply, where)

    def in_place():
        # A multiprocessing.Event is no pause to kill a process in: set() then
        # waits forever for the dead sleeper. A pipe read is, and /proc shows it.
        ready.wait()
        if scenario == "midway":
            wait_until(lambda: procfs.in_syscall_on(where[1], pid=where[0]), float("inf"))

    timeline.state("waiting for the worker")
    if mechanism == "process-terminate":
        target, targs = {"busy": (proc_spin, (ready,)), "blocked": (proc_sleep, (ready,)),
                         "midway": (proc_transfer, args)}[scenario]
        proc = ctx.Process(target=target, args=targs, name="worker")
        proc.start()
        in_place()
        timeline.facts(stop_requested=True)
        timeline.mark("terminate()")
        asked = time.monotonic()
        proc.terminate()
        stopped = wait_until(lambda: proc.exitcode is not None, asked + WINDOW_S)
        finished = time.monotonic()
        proc.join()
        pool = None
    else:
        pebble = need("pebble")
        pool = pebble.ProcessPool(max_workers=1, context=ctx, initializer=pool_init,
                                  initargs=args)
        fn = {"busy": pool_spin, "blocked": pool_sleep, "midway": pool_transfer}[scenario]
        future = pool.schedule(fn, timeout=TIMEOUT_S)
        in_place()  # the task has started, so has its clock
        timeline.facts(stop_requested=True)
        asked = time.monotonic() + TIMEOUT_S
        stopped = wait_until(future.done, asked + WINDOW_S)
        finished = time.monotonic()
        stopped = stopped and type(future.exception()).__name__ == "TimeoutError"
    timeline.state("stopped" if stopped else "waiting")
    facts = {"stopped_midway" if scenario == "midway" else "stopped": stopped,
             "stop_latency_s": round(max(finished - asked, 0.0), 6) if stopped else None,
             "python_thinks_alive": False, "caught": 0, "main_interrupted": False}
    if scenario == "midway":
        released = lock.acquire(timeout=0)
        if released:
            lock.release()
        facts.update(lock_released=released, invariant_ok=sum(accounts) == 2000,
                     task_kept=done.value == 1 or not tasks.empty(),
                     task_finished=done.value == 1, stop_landed=stopped)
    answer.send_bytes(b"x")
    if pool is not None:
        pool.stop()
        pool.join()
    tasks.close()
    tasks.join_thread()
    timeline.facts(**facts)
    timeline.state("done")
    timeline.facts(scenario_done=True)


# ------------------------------------------------------------ the lab

def variant(mechanism, scenario, option=None):
    runner = run_processes if mechanism in PROCESSES else run_threads
    fn = lambda: runner(mechanism, scenario, option)  # noqa: E731
    fn.__name__ = f"{mechanism}.{scenario}" + (f".{option}" if option else "")
    return fn


VARIANTS = {f"{m}.{s}": variant(m, s) for m in MECHANISMS for s in SCENARIOS}
# Changed scenarios: the tests run them to prove that a cell comes from the run.
VARIANTS.update({
    "async-exc.busy.catching": variant("async-exc", "busy", "catching"),
    "func-timeout.busy.catching": variant("func-timeout", "busy", "catching"),
    "async-exc.midway.acquire": variant("async-exc", "midway", "acquire"),
    "async-exc.midway.requeue": variant("async-exc", "midway", "requeue"),
    "pthread-cancel.blocked.daemon": variant("pthread-cancel", "blocked", "daemon"),
})


# Parent side: pthread_cancel on a busy thread freezes the whole child, so the
# child cannot report whether the worker's OS thread ended. The parent looks
# at /proc/CHILD/task while the child is frozen.
_WITNESS: dict[int, dict] = {}
WATCH_S = 2.0  # how long the parent watches; the child's deadline must be longer


def watch_tid(event, child):
    if event.get("kind") != "stop":
        return
    tid, asked = event["native_id"], time.monotonic()
    until = asked + WATCH_S
    while tid in child.tids() and time.monotonic() < until:
        time.sleep(0.001)
    gone = tid not in child.tids() and child.proc.poll() is None
    _WITNESS[child.pid] = {"os_thread_gone_seen_by_parent": gone,
                           "parent_latency_s": round(time.monotonic() - asked, 6) if gone else None}


def summarize(outcome):
    pid = next((e.get("pid") for e in outcome.timeline if e["kind"] == "start"), None)
    facts = dict(_WITNESS.pop(pid, {}))
    ex = outcome.exit
    if ex["timed_out"]:
        ended = "hung at exit" if outcome.facts.get("scenario_done") else "froze"
    elif ex["signal"]:
        ended = f"killed by {ex['signal']}"
    else:
        ended = f"exit {ex['code']}"
    facts.update(ended=ended, process_ok=ended == "exit 0")
    return facts


def judge(facts, outcome):
    """Something went wrong in this scenario: the worker was not stopped, or
    the stop broke the lock, the data, the task or the process."""
    return bool(facts.get("stopped") is False or facts.get("lock_released") is False
                or facts.get("invariant_ok") is False or facts.get("task_kept") is False
                or not facts["process_ok"])


def _deadline(variant_name):
    return 6.0 if variant_name.split(".")[0] in PROCESSES else 3.0


# The process dies (os-kill-tid) or freezes (a cancelled busy thread) by
# design once the stop is sent: the rest of those runs is the parent's to see.
DIES_OR_FREEZES = ("os-kill-tid.", "pthread-cancel.busy")

LAB = Lab(
    id="matrix",
    title="The kill matrix",
    hazard="every way to stop a thread by force breaks something; a stop flag breaks nothing",
    variants=VARIANTS,
    judge=judge,
    requires=lambda variant: ("stop_requested",) if variant.startswith(DIES_OR_FREEZES)
    else ("stop_requested", "scenario_done"),
    summarize=summarize,
    drivers={"pthread-cancel.busy": watch_tid},
    volatile=frozenset({"parent_latency_s"}),
    deadline_s=6.0,
)


# ------------------------------------------------------------ the matrix

def cells(mechanism, runs) -> dict:
    """One row of the matrix from its three Outcomes: cells, notes, summary."""
    busy, blocked, midway = (runs[s] for s in SCENARIOS)
    notes = {}
    row = {"mechanism": mechanism}
    process = mechanism in PROCESSES

    def stopped(o, column):
        f = o.facts
        if "stopped" in f:
            if f.get("python_thinks_alive"):
                notes[column] = ("its OS thread ended, but is_alive() stays True "
                                 "and join() never returns")
            return f["stopped"]
        if f.get("os_thread_gone_seen_by_parent") is not None:
            if f["os_thread_gone_seen_by_parent"]:
                notes[column] = "its OS thread ended, and the whole process froze with it"
            return f["os_thread_gone_seen_by_parent"]
        if f.get("ended", "").startswith("killed by"):
            notes[column] = f"it stopped because the whole process was {f['ended']}"
            return True
        notes[column] = f"not measurable: the process {f.get('ended')} before it could look"
        return None

    row["busy_thread_stopped"] = stopped(busy, "busy_thread_stopped")
    row["blocked_thread_stopped"] = stopped(blocked, "blocked_thread_stopped")
    for column, fact in (("lock_released", "lock_released"), ("invariant_intact", "invariant_ok"),
                         ("task_kept", "task_kept")):
        if fact in midway.facts:
            row[column] = midway.facts[fact]
        else:
            row[column] = None
            notes[column] = (f"does not apply: the process was {midway.facts.get('ended')}, "
                             "and everything in it with the thread")
    if midway.facts.get("stop_landed") is False:
        for column in ("lock_released", "invariant_intact", "task_kept"):
            row[column] = None
            notes[column] = ("does not apply: the stop never landed; the worker finished "
                             "its task, and the next one, once the window had passed")
    failed = {s: runs[s].facts["ended"] for s in SCENARIOS if not runs[s].facts["process_ok"]}
    row["process_survived"] = not failed
    if failed:
        notes["process_survived"] = "; ".join(f"{s}: {how}" for s, how in failed.items())
        if any(how == "hung at exit" for how in failed.values()):
            notes["process_survived"] += (" (the interpreter waits at exit for a thread "
                                          "that will never end)")
    elif process:
        notes["process_survived"] = "the worker process dies by design; the parent survived"
    latencies = [busy.facts.get("stop_latency_s", busy.facts.get("parent_latency_s")),
                 blocked.facts.get("stop_latency_s")]
    if row["busy_thread_stopped"] and row["blocked_thread_stopped"] and None not in latencies:
        row["stop_latency_s"] = max(latencies)
        notes["stop_latency_s"] = "the slower of the busy and the blocked stop"
    else:
        row["stop_latency_s"] = None
        notes["stop_latency_s"] = ("never stopped one of its workers"
                                   if False in (row["busy_thread_stopped"],
                                                row["blocked_thread_stopped"])
                                   else "the stop could not be timed: the process died or froze")
    interrupted = any(runs[s].facts.get("main_interrupted") for s in SCENARIOS)
    if interrupted:
        notes["main_interrupted"] = ("the signal's Python handler ran in the main thread: "
                                     "KeyboardInterrupt was raised there, not in the worker")
    if process:
        notes["worker"] = "the worker is a process here, not a thread"
    row["notes"] = notes
    row["summary"] = summary(row, interrupted, failed)
    return row


def summary(row, interrupted=False, failed=None) -> str:
    """One sentence on what went wrong, composed from the measured cells."""
    wrong = []
    if row["busy_thread_stopped"] is False:
        wrong.append("did not stop the busy thread")
    if row["blocked_thread_stopped"] is False:
        wrong.append("did not stop the thread blocked in a C call")
    if interrupted:
        wrong.append("raised its exception in the main thread instead")
    if row["lock_released"] is False:
        wrong.append("left the lock held")
    if row["invariant_intact"] is False:
        wrong.append("left the data half-updated")
    if row["task_kept"] is False:
        wrong.append("lost the task in hand")
    by_how: dict[str, list[str]] = {}
    for scenario, how in (failed or {}).items():
        by_how.setdefault(how, []).append(scenario)
    for how, scenarios in by_how.items():
        where = ("in every scenario" if len(scenarios) == len(SCENARIOS)
                 else "with the " + " and the ".join(scenarios) + " worker")
        what = {"froze": "froze the whole process",
                "hung at exit": "left the process hung at exit"}.get(
                    how, f"ended the whole process ({how})")
        wrong.append(f"{what} {where}")
    name = row["mechanism"]
    if not wrong:
        return f"{name}: nothing went wrong; both workers stopped and the lock, data and task came through intact."
    if len(wrong) > 1:
        wrong[-1] = "and " + wrong[-1]
    return f"{name}: it " + ", ".join(wrong) + "."


def run_row(mechanism, python=None, progress=None) -> dict:
    from labs import sandbox

    runs = {}
    for scenario in SCENARIOS:
        name = f"{mechanism}.{scenario}"
        if progress:
            progress(f"matrix: {name} ...")
        runs[scenario] = sandbox.run("matrix", name, deadline=_deadline(name), python=python)
        if runs[scenario].error:
            raise RuntimeError(f"matrix {name} failed in the child:\n{runs[scenario].error}")
        if runs[scenario].skipped:
            return skipped_row(mechanism, runs[scenario].skipped)
    return cells(mechanism, runs)


def skipped_row(mechanism, reason) -> dict:
    row = {"mechanism": mechanism, **dict.fromkeys(COLUMNS)}
    row["notes"] = {"skipped": reason}
    row["summary"] = f"{mechanism}: not run here: {reason}."
    return row


def run_matrix(python=None, progress=None, mechanisms=None) -> dict:
    """Every row, each scenario in its own sandboxed child: about 25 s."""
    rows = mechanisms or MECHANISMS
    return {"rows": [run_row(m, python, progress) for m in rows]}


def fmt_cell(value) -> str:
    if value is None:
        return "-"
    if isinstance(value, bool):
        return "yes" if value else "NO"
    return f"{value:.3f}"


def table(matrix, latency=True) -> str:
    """The matrix as text. ``latency=False`` leaves out the one column that
    changes from run to run (the notebook prints that version)."""
    columns = COLUMNS if latency else COLUMNS[:-1]
    heads = ["mechanism"] + [c.replace("_thread_stopped", " stopped").replace("_", " ")
                             for c in columns]
    rows = [heads] + [[r["mechanism"]] + [fmt_cell(r[c]) for c in columns]
                      for r in matrix["rows"]]
    widths = [max(len(r[i]) for r in rows) for i in range(len(heads))]
    lines = ["  ".join(c.ljust(w) for c, w in zip(r, widths)).rstrip() for r in rows]
    lines.insert(1, "-" * len(lines[0]))
    lines.append("")
    lines.append("yes/NO: measured; -: does not apply (the reason is in the notes, --json)"
                 + ("; latency in seconds" if latency else ""))
    lines += [r["summary"] for r in matrix["rows"]]
    return "\n".join(lines)


CELL_COLORS = {True: "#55a868", False: "#c44e52", None: "#c7c7c7"}


def draw(matrix, ax=None):
    """The matrix as a coloured grid: green where nothing broke, red where
    something did, grey where the cell does not apply. Returns the axes."""
    import matplotlib.pyplot as plt
    from matplotlib.patches import Patch, Rectangle

    rows = matrix["rows"]
    if ax is None:
        _, ax = plt.subplots(figsize=(11, 0.45 * len(rows) + 1.8))
    for y, row in enumerate(rows):
        for x, column in enumerate(COLUMNS):
            value = row[column]
            if column == "stop_latency_s":
                color = "#c7c7c7" if value is None else "#9ecae1"
                text = "-" if value is None else f"{value * 1000:.0f} ms"
            else:
                color, text = CELL_COLORS[value], fmt_cell(value)
            ax.add_patch(Rectangle((x, y), 1, 1, facecolor=color, edgecolor="white", lw=2))
            ax.text(x + 0.5, y + 0.5, text, ha="center", va="center", fontsize=9)
    ax.set_xlim(0, len(COLUMNS))
    ax.set_ylim(len(rows), 0)
    ax.set_xticks([x + 0.5 for x in range(len(COLUMNS))],
                  [c.replace("_", "\n", 1).replace("_", " ") for c in COLUMNS], fontsize=8)
    ax.xaxis.tick_top()
    ax.set_yticks([y + 0.5 for y in range(len(rows))], [r["mechanism"] for r in rows])
    ax.tick_params(length=0)
    for side in ax.spines.values():
        side.set_visible(False)
    ax.legend(handles=[Patch(color=CELL_COLORS[True], label="held up"),
                       Patch(color=CELL_COLORS[False], label="broke"),
                       Patch(color=CELL_COLORS[None], label="does not apply")],
              loc="upper center", bbox_to_anchor=(0.5, -0.02), ncol=3, fontsize=8, frameon=False)
    return ax


def main(argv) -> None:
    as_json = "--json" in argv
    started = time.monotonic()
    matrix = run_matrix(progress=lambda msg: print(msg, file=sys.stderr, flush=True))
    print(f"matrix: {len(matrix['rows'])} rows in {time.monotonic() - started:.1f} s",
          file=sys.stderr, flush=True)
    if as_json:
        print(json.dumps(matrix, indent=2))
    else:
        print("The kill matrix: each way to stop a thread, run in a sandboxed child\n")
        print(table(matrix))
