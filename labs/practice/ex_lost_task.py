"""Exercises for lab 2, lost-task: a consumer that never loses a task and
lets ``Queue.join()`` return; a shutdown that drains N consumers."""
from __future__ import annotations

import queue
import threading
import time

from labs.child import record
from labs.practice.exercises import Check, Exercise, names

TASKS = 12
CONSUMERS = 3


class Tasks(queue.Queue):
    """A queue.Queue that keeps a ledger: who took which task, and when."""

    def __init__(self):
        super().__init__()
        self.taken: list[tuple] = []  # (task, thread name, its stop was set)
        self.stops: dict[str, threading.Event] = {}
        self.first_put = threading.Event()

    def get(self, block=True, timeout=None):
        n = super().get(block, timeout)
        me = threading.current_thread().name
        stop = self.stops.get(me)
        self.taken.append((n, me, bool(stop and stop.is_set())))
        return n

    def put(self, item, block=True, timeout=None):
        super().put(item, block, timeout)
        self.first_put.set()

    def wait_join(self, timeout: float) -> bool:
        """Queue.join() with a timeout: True when every task was marked done."""
        end = time.monotonic() + timeout
        with self.all_tasks_done:
            while self.unfinished_tasks:
                left = end - time.monotonic()
                if left <= 0 or not self.all_tasks_done.wait(left):
                    return False
        return True


class Work:
    """``do(n)``: the work of task n. It records who did it, and can pause
    the thread ``pause_on`` names in its nth task (the forced moment)."""

    def __init__(self, pause_on=None, gate=None):
        self.done: dict[int, int] = {}
        self.pause_on = pause_on
        self.mine: dict[str, int] = {}
        self.holding = threading.Event()
        self.resume = threading.Event()
        self.gate = gate  # shutdown: every consumer waits here mid-task

    def __call__(self, n):
        if n is None:
            raise ValueError("None is not a task: it means 'no more tasks'")
        me = threading.current_thread().name
        self.mine[me] = self.mine.get(me, 0) + 1
        record.state("working")
        if self.pause_on == (me, self.mine[me]):
            record.state("holding task")
            self.holding.set()
            self.resume.wait(2.0)  # the stop is requested now
        if self.gate is not None and self.mine[me] == 1:
            self.gate(me)
        self.done[n] = self.done.get(n, 0) + 1
        record.state("waiting")

    def fates(self) -> dict:
        return {"lost": [n for n in range(1, TASKS + 1) if n not in self.done],
                "duplicated": [n for n, k in sorted(self.done.items()) if k > 1]}


def _each_once(f):
    lost, dup = f["lost"], f["duplicated"]
    if not lost and not dup:
        return True, f"{TASKS} of {TASKS} done once"
    parts = [f"task(s) {names(lost)} never done"] if lost else []
    parts += [f"task(s) {names(dup)} done twice or more"] if dup else []
    return False, "; ".join(parts)


# ---------------------------------------------------------------- the consumer

def consumer_harness(rep, consumer):
    """Three consumers share 12 tasks; consumer-1 is asked to stop midway
    through its 1st or 2nd task, or before it starts, or after a random
    delay, or never. Then Queue.join() must return, and one None per
    consumer ends the ones still running."""
    midway = {"midway": 1, "midway-2nd": 2}.get(rep.mode)
    tasks = Tasks()
    do = Work(pause_on=("consumer-1", midway) if midway else None)
    stops = {f"consumer-{i + 1}": threading.Event() for i in range(CONSUMERS)}
    tasks.stops = stops
    for n in range(1, TASKS + 1):
        tasks.put(n)
    if rep.mode == "before-first":
        stops["consumer-1"].set()
    threads = [rep.thread("consumer-1", consumer, tasks, stops["consumer-1"], do)]
    if midway:  # the others start once consumer-1 holds its task
        do.holding.wait(1.0)
    threads += [rep.thread(name, consumer, tasks, stops[name], do) for name in list(stops)[1:]]
    if rep.mode == "random":
        rep.pause()
    if rep.mode != "no-stop":
        record.mark("stop consumer-1")
        stops["consumer-1"].set()
    do.resume.set()
    record.state("in q.join()")
    joined = tasks.wait_join(0.5)
    record.state("sentinels")
    for _ in threads:
        tasks.put(None)
    stuck = rep.join(threads)
    record.state("done")
    return {"stuck": stuck, "joined": joined, **do.fates(),
            "taken_after_stop": sum(1 for n, who, after in tasks.taken
                                    if who == "consumer-1" and after and n is not None)}


def _joined(f):
    return f["joined"], "returned" if f["joined"] else "did not return within 0.5 s"


def _no_task_after_stop(f):
    if f["mode"] not in ("midway", "midway-2nd", "before-first"):
        return None
    k = f["taken_after_stop"]
    return k == 0, "none" if k == 0 else f"consumer-1 took {k} task(s) after its stop"


CONSUMER = Exercise(
    id="lost-task/consumer",
    lab="lost-task",
    title="A consumer that never loses a task",
    statement=(
        "Write `consumer(tasks, stop, do)`. It takes tasks from `tasks` (a `queue.Queue`) "
        "and does each with `do(n)`, calling `tasks.task_done()` once for every `get()`. "
        "The task `None` means \"no more tasks\": mark it done too, and return. Between "
        "tasks, if `stop` (this consumer's own `threading.Event`) is set, return.\n\n"
        "The check runs three of your consumers on 12 tasks and asks consumer-1 to stop "
        "while it is in the middle of a task (or before it starts, or after a random "
        "delay). Every task must be done exactly once, consumer-1 must take no task after "
        "its stop, and `tasks.join()` must return."),
    functions=("consumer",),
    signatures=(("tasks", "stop", "do"),),
    skeleton=(
        "def consumer(tasks, stop, do):\n"
        "    while not stop.is_set():\n"
        "        n = tasks.get()\n"
        "        do(n)\n"),
    modes=("midway", "midway-2nd", "before-first", "no-stop", "random"),
    harness=consumer_harness,
    checks=(
        Check("every task done exactly once", f"{TASKS} of {TASKS} done once", _each_once,
              ("A task your consumer took was never done: it was lost with the consumer.",
               "Check `stop` before `get()`, never between `get()` and `do(n)`: a task "
               "taken must be finished.",
               "Notebook 02, `consume_cooperatively` (the `fixed` variant).")),
        Check("join() returned", "returned", _joined,
              ("`tasks.join()` waits for one `task_done()` per `get()`; one is missing.",
               "Call `tasks.task_done()` in a `finally:` right after the `get()`, so every "
               "path out of a task (None, an exception) marks it done.",
               "Notebook 02, `consume_cooperatively`: `try: ... finally: scene.q.task_done()`.")),
        Check("consumer-1 took no task after its stop", "none", _no_task_after_stop,
              ("consumer-1 went on taking tasks after it was asked to stop.",
               "Loop with `while not stop.is_set():` around the `get()`.",
               "Notebook 02, `consume_cooperatively`.")),
    ),
    lab_cell="Notebook 02, `consume_cooperatively` (the `fixed` variant)",
    ended_hints=(
        "A consumer never ended: it waits in `get()` for a task that never comes, or "
        "ignores `None`.",
        "On `None`, call `task_done()` and return.",
        "Notebook 02, `consume_cooperatively`: `if n is SENTINEL: break`."),
)


# ---------------------------------------------------------------- the shutdown

def consume_until_none(tasks, do):
    """The harness's consumers: cooperative, they end on None."""
    while True:
        n = tasks.get()
        try:
            if n is None:
                return
            do(n)
        finally:
            tasks.task_done()


def shutdown_harness(rep, shutdown):
    """Three consumers on 12 tasks. ``busy``: shutdown() is called while every
    consumer is midway through a task and 9 tasks are queued (the consumers
    go on once shutdown() puts something); ``idle``: once every task is done;
    ``random``: after a random small delay."""
    tasks = Tasks()
    busy = threading.Barrier(CONSUMERS + 1) if rep.mode == "busy" else None

    def gate(me):  # every consumer holds its first task until shutdown() puts
        busy.wait(1.0)
        tasks.first_put.wait(3.0)  # longer than the check waits for a stuck thread

    do = Work(gate=gate if busy else None)
    for n in range(1, TASKS + 1):
        tasks.put(n)
    tasks.first_put.clear()
    consumers = [rep.thread(f"consumer-{i + 1}", consume_until_none, tasks, do)
                 for i in range(CONSUMERS)]
    if busy:
        busy.wait(1.0)
    elif rep.mode == "idle":
        tasks.wait_join(1.0)
    else:
        rep.pause()
    alive_at_return = []

    def run_shutdown():
        record.state("shutdown")
        shutdown(tasks, consumers)
        alive_at_return.extend(t.name for t in consumers if t.is_alive())
        record.state("done")

    record.mark("shutdown()")
    caller = rep.thread("shutdown", run_shutdown)
    stuck = rep.join([caller] + consumers)
    return {"stuck": stuck, "returned": not caller.is_alive() and not rep.errors,
            "alive_at_return": alive_at_return, **do.fates()}


def _returned(f):
    return f["returned"], "returned" if f["returned"] else "did not return"


def _all_ended_first(f):
    if not f["returned"]:
        return None
    alive = f["alive_at_return"]
    return not alive, ("all had ended" if not alive else
                       f"{names(alive)} still running when shutdown() returned")


SHUTDOWN = Exercise(
    id="lost-task/shutdown",
    lab="lost-task",
    title="A shutdown that drains every consumer",
    statement=(
        "Write `shutdown(tasks, consumers)`. Every task is already in `tasks`; each of the "
        "`consumers` (a list of started threads) takes tasks until it gets `None`, then "
        "returns. Make every consumer end once every task is done, and return only when "
        "they all have ended.\n\n"
        "The check calls your `shutdown` while every consumer is midway through a task "
        "and 9 tasks are still queued (or once all are done, or after a random delay). "
        "Every task must be done exactly once; no consumer may still run when "
        "`shutdown` returns."),
    functions=("shutdown",),
    signatures=(("tasks", "consumers"),),
    skeleton=(
        "def shutdown(tasks, consumers):\n"
        "    for t in consumers:  # each consumer waits for its None\n"
        "        t.join()\n"),
    modes=("busy", "idle", "random"),
    harness=shutdown_harness,
    checks=(
        Check("every task done exactly once", f"{TASKS} of {TASKS} done once", _each_once,
              ("Tasks were thrown away before a consumer could do them.",
               "Put the `None`s after the tasks (the queue is FIFO) and let the consumers "
               "drain it; never empty the queue yourself.",
               "Notebook 02, the `fixed` variant: one sentinel per running consumer.")),
        Check("shutdown() returned", "returned", _returned,
              ("Your shutdown() never returned.",
               "Each consumer takes exactly one `None`: put one per consumer.",
               "Notebook 02, `fixed`: `for _ in running: scene.q.put(SENTINEL)`.")),
        Check("every consumer ended before shutdown() returned", "all had ended",
              _all_ended_first,
              ("shutdown() returned while consumers were still working.",
               "After putting the `None`s, `join()` every consumer.",
               "Notebook 02, `fixed`: it joins every consumer at the end.")),
    ),
    lab_cell="Notebook 02, the `fixed` variant",
    ended_hints=(
        "Some consumers never got a `None`: each one takes exactly one.",
        "Put one `None` per consumer, then join them all.",
        "Notebook 02, `fixed`: `for _ in running: scene.q.put(SENTINEL)`."),
)

EXERCISES = [CONSUMER, SHUTDOWN]
