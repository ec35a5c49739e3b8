"""Lab 2: a consumer killed mid-task loses the task.

A producer puts numbered tasks on a ``queue.Queue``; three consumers take
them and do them. A ledger records every task as it is produced, taken,
done (or put back), as timeline events, so the parent can rebuild it from
the stream even when the child hung or ended abruptly. Events force the
moment that matters, so it comes on every run; no sleep decides anything.

- ``bad``: the consumer people write (get, work, task_done). consumer-1 is
  stopped with ``async_raise`` while it holds task 1. The task is never
  done, nobody calls its ``task_done()``, and ``Queue.join()`` waits
  forever.
- ``bad-daemon``: the same consumers as daemon threads, "stopped" by letting
  the program end. It ends while every consumer holds a task: those tasks,
  and the ones still queued, vanish without an error.
- ``fixed``: each consumer has a stop Event, checked between tasks, and
  calls ``task_done()`` in ``finally``. Asked to stop mid-task, consumer-1
  finishes the task it holds, then leaves; one sentinel per consumer still
  running drains the queue. Every task is done once; ``join()`` returns.
- ``fixed-shutdown``: the same with ``Queue.shutdown()`` (Python 3.13+)
  instead of sentinels; asked to stop, consumer-1 puts its task back, and
  another consumer does it.
"""
from __future__ import annotations

import queue
import threading
import time

from labs.child import record
from labs.child.kill import async_raise

TASKS = 12
CONSUMERS = 3
QUICK = 6  # bad-daemon: tasks 1..6 are quick; each later one outlasts the program
SENTINEL = None  # "no more tasks for you"


# ------------------------------------------------------------------ the ledger

def log_task(n: int, step: str) -> None:
    """One line of the ledger: task n was produced, taken, done or put back
    by the calling thread. The parent rebuilds the ledger from these events."""
    record.event("task", id=n, step=step)


class Scene:
    """What every variant shares: the queue, and the moment of the stop.

    consumer-1 takes the first task alone (the others wait until it holds
    it), so the task held at the stop is task 1 on every run."""

    def __init__(self):
        self.q = queue.Queue()
        self.holding = threading.Event()  # consumer-1 holds task 1, mid-task
        self.resume = threading.Event()   # the stopper has acted: go on

    def may_start(self):
        """Called by each consumer before its first get()."""
        if threading.current_thread().name != "consumer-1":
            self.holding.wait()

    def midway(self, n):
        """Called in the middle of every task. consumer-1 pauses here, once."""
        if threading.current_thread().name == "consumer-1" and not self.holding.is_set():
            record.state("holding task")
            self.holding.set()
            # A forced stop fires in here, as the C call it waits in returns
            # (waiter.acquire(), in Condition.wait).
            self.resume.wait()


class ProgramEnds(Scene):
    """bad-daemon: every task after the first QUICK ones takes longer than the
    program lives. Each consumer is stuck in one of them (tasks 7, 8, 9, as
    the queue is FIFO); tasks 1..6 are all done, since each consumer
    finished its earlier tasks before taking a slow one."""

    def __init__(self):
        super().__init__()
        self.all_busy = threading.Barrier(CONSUMERS + 1)  # the consumers and main

    def may_start(self):
        pass  # all consumers take tasks from the start

    def midway(self, n):
        if n > QUICK:
            record.state("holding task")
            self.all_busy.wait()
            self.resume.wait()  # nobody sets it: the program ends first


def produce(scene):
    record.state("producing")
    for n in range(1, TASKS + 1):
        log_task(n, "produced")  # before put(): a consumer may take it at once
        scene.q.put(n)
    record.state("done")


def work(scene, n):
    """The task itself. Its effect, "done", comes after the midway point."""
    record.state("working")
    scene.midway(n)
    log_task(n, "done")


def start(scene, consume, *, daemon, stops=None):
    """Start the producer and CONSUMERS threads running consume(scene[, stop])."""
    def run(*args):
        scene.may_start()
        consume(*args)

    consumers = []
    for i in range(CONSUMERS):
        args = (scene,) if stops is None else (scene, stops[i])
        consumers.append(threading.Thread(target=run, args=args, daemon=daemon,
                                          name=f"consumer-{i + 1}"))
    for t in consumers:
        t.start()
    producer = threading.Thread(target=produce, args=(scene,), name="producer")
    producer.start()
    return producer, consumers


# ------------------------------------------------------------------ bad

def consume_naively(scene):
    """The consumer people write (the queue docs' worker): take, work, ack."""
    while True:
        record.state("waiting")
        n = scene.q.get()
        log_task(n, "taken")
        work(scene, n)
        scene.q.task_done()


def bad():
    """consumer-1 is killed while it holds task 1; then the program waits
    for the queue to be done, as the queue docs' example does."""
    scene = Scene()
    producer, consumers = start(scene, consume_naively, daemon=True)
    victim = consumers[0]
    scene.holding.wait()
    record.mark("forced stop")
    async_raise(victim, SystemExit)
    scene.resume.set()
    victim.join()  # SystemExit ends a thread silently
    record.state("killed", thread=victim)
    record.facts(victim_alive=victim.is_alive())
    producer.join()
    record.state("in q.join()")
    scene.q.join()  # never returns: task 1 will never be marked done
    record.facts(join_returned=True)


def bad_daemon():
    """The consumers are daemon threads; to stop them, the program just ends.
    It ends while each consumer holds a task."""
    scene = ProgramEnds()
    producer, consumers = start(scene, consume_naively, daemon=True)
    scene.all_busy.wait()  # every consumer is in the middle of a task
    producer.join()
    record.mark("program ends")
    record.facts(daemon_consumers=sum(t.daemon for t in consumers))
    # Returning ends the child's program: the interpreter joins non-daemon
    # threads only; the daemon consumers are stopped wherever they are.


# ------------------------------------------------------------------ fixed

def consume_cooperatively(scene, stop):
    """A stop Event checked between tasks; task_done() in finally, so every
    get() is matched by one task_done() whatever happens in between. A task
    taken is always finished: a stop is seen only before the next get()."""
    while not stop.is_set():
        record.state("waiting")
        n = scene.q.get()
        try:
            if n is SENTINEL:
                break
            log_task(n, "taken")
            work(scene, n)
        finally:
            scene.q.task_done()
    record.state("done")


def ask_consumer_1_to_stop(consume):
    """Start the producer and cooperative consumers; at the same moment as in
    bad (consumer-1 holds task 1), ask consumer-1 to stop; wait until it has
    left and the producer is done. Returns (scene, consumers, stop latency)."""
    scene = Scene()
    stops = [threading.Event() for _ in range(CONSUMERS)]
    producer, consumers = start(scene, consume, daemon=False, stops=stops)
    scene.holding.wait()
    record.mark("stop requested")
    asked = time.monotonic()
    stops[0].set()
    scene.resume.set()
    consumers[0].join()
    latency = time.monotonic() - asked
    producer.join()
    return scene, consumers, latency


def fixed():
    """consumer-1, asked to stop while it holds task 1, finishes task 1 and
    leaves. Then one sentinel per consumer still running drains the queue,
    and join() returns."""
    scene, consumers, latency = ask_consumer_1_to_stop(consume_cooperatively)
    running = [t for t in consumers if t.is_alive()]
    for _ in running:
        scene.q.put(SENTINEL)  # after every task: FIFO, so the queue drains first
    record.state("in q.join()")
    scene.q.join()
    record.state("done")
    record.facts(join_returned=True, stop_latency_s=round(latency, 6))
    for t in consumers:
        t.join()


def consume_until_shutdown(scene, stop):
    """As consume_cooperatively, with Queue.shutdown() in place of sentinels.
    A consumer stopped before its task's effect puts the task back instead
    of finishing it (safe only because nothing of it was done yet)."""
    while not stop.is_set():
        record.state("waiting")
        try:
            n = scene.q.get()
        except queue.ShutDown:  # shut down and drained: no more tasks
            break
        try:
            log_task(n, "taken")
            record.state("working")
            scene.midway(n)
            if stop.is_set():
                log_task(n, "put back")  # before put(): another consumer may take it at once
                scene.q.put(n)  # before task_done(): join() cannot return in between
            else:
                log_task(n, "done")
        finally:
            scene.q.task_done()
    record.state("done")


def fixed_shutdown():
    if not hasattr(queue.Queue, "shutdown"):
        import platform
        record.skip(f"Queue.shutdown() is new in Python 3.13; this is {platform.python_version()}")
    scene, consumers, _ = ask_consumer_1_to_stop(consume_until_shutdown)
    scene.q.shutdown()  # no more put(); get() drains the queue, then raises ShutDown
    record.state("in q.join()")
    scene.q.join()
    record.state("done")
    record.facts(join_returned=True)
    for t in consumers:
        t.join()


# What the child runs, by variant name (the lab's measure module judges them).
VARIANTS = {"bad": bad, "bad-daemon": bad_daemon,
              "fixed": fixed, "fixed-shutdown": fixed_shutdown}
