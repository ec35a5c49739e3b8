"""The kill matrix's scenes: what each worker thread does (runs in the child).

Three scenarios, the same for every thread row:

- ``busy``: the worker spins in a pure-Python loop (``spin``);
- ``blocked``: the worker is blocked in a C call, a socket read that nobody
  answers (``read``);
- ``midway``: the worker takes a task from a queue and moves money under a
  lock: debit, wait for a reply on the socket, credit (``transfer``).

The cooperative rows (``event``, ``event-wakeup``) run workers that check a
stop flag; changed scenarios (``spin_catching``, ``transfer_requeue``, the
``acquire`` transfer) let the tests show that a cell comes from the run.
The pieces themselves (the loop, the reader, the bank and its transfers)
live in ``labs.child.scenes``, shared with the other labs.
"""
from __future__ import annotations

import queue
import socket
import threading

from labs.child import record, scenes

POLL_S = scenes.TICK  # the stop-flag row's IO timeout: how often it looks at the flag
TASK, NEXT = "task-1", "task-2"  # the stop lands midway through TASK


class Scene:
    """What a thread scenario shares between the main thread and the worker."""

    def __init__(self, mechanism):
        self.mechanism = mechanism
        self.ready = threading.Event()   # the worker is where the stop must land
        self.worker = None               # the thread that runs the work
        self.ended = threading.Event()   # the worker's function has returned or raised
        self.entered = None              # when a timeout (library or alarm) started its clock
        self.released = threading.Event()  # the clean-up, never a stop request
        self.stop = threading.Event()    # the cooperative rows' stop flag
        self.killed = False              # the settrace row's kill flag, read by its tracer
        self.caught = 0                  # stop exceptions the worker swallowed
        self.main_interrupted = False    # an exception meant for the worker hit main
        self.facts = {}                  # what a mechanism measured on the way (settrace, sigalrm)
        self.conn, self.peer = socket.socketpair()  # the worker reads conn; peer answers
        self.wake_r, self.wake_w = socket.socketpair()  # event-wakeup's wake-up
        self.lock = threading.Lock()
        self.bank = scenes.Bank()
        self.tasks = queue.Queue()
        self.done = []

    def pause_midway(self):
        """Between debit and credit: say so, then wait for the reply."""
        self.ready.set()
        self.conn.recv(1)  # midway: the stop lands while we wait here

    def close(self):
        for s in (self.conn, self.peer, self.wake_r, self.wake_w):
            s.close()


# ------------------------------------------------------------ forced rows' workers

def spin(scene):
    """A busy pure-Python loop. ``released`` only ends it after the window."""
    record.state("working")
    scene.ready.set()
    scenes.spin_until(scene.released)


def spin_catching(scene):
    """The same loop in code that swallows every exception and goes on."""
    record.state("working")
    scene.ready.set()
    while True:
        try:
            scenes.spin_until(scene.released)
            return
        except BaseException:  # noqa: B036 - the point of this scenario
            scene.caught += 1


def read(scene):
    """Blocked in a C call: a socket read nobody answers (until the clean-up)."""
    record.state("blocked")
    scene.ready.set()
    scenes.wait_for_data(scene.conn, scene.released)


def apply_task(scene, task):
    """One transfer under ``with lock:``: debit, wait for the reply, credit."""
    scenes.transfer_with(scene.bank, scene.lock, scene.pause_midway)
    scene.done.append(task)


def apply_task_acquire(scene, task):
    """The same transfer written with acquire()/release() and no try/finally."""
    scenes.transfer_unsafely(scene.bank, scene.lock, scene.pause_midway)
    scene.done.append(task)


def transfer(scene, apply=apply_task):
    """A worker that takes its two tasks from the queue and applies them."""
    record.state("working")
    for _ in range(2):
        task = scene.tasks.get()
        apply(scene, task)
        scene.tasks.task_done()
    record.state("done")


def transfer_requeue(scene):
    """The same worker, written to give its task back when it is stopped."""
    record.state("working")
    for _ in range(2):
        task = scene.tasks.get()
        try:
            apply_task(scene, task)
        except BaseException:
            scene.tasks.put(task)
            raise
    record.state("done")


# ------------------------------------------------------------ cooperative rows' workers
# The worker checks a stop flag, never mid-task.

def spin_until_stopped(scene):
    record.state("working")
    scene.ready.set()
    scenes.spin_until(scene.stop)
    record.state("done")


def read_with_timeout(scene):
    """Block in the read for at most POLL_S, then look at the stop flag."""
    record.state("blocked")
    scene.ready.set()
    scenes.wait_for_data_polling(scene.conn, scene.stop, POLL_S)
    record.state("done")


def read_with_wakeup(scene):
    """Block until the socket or the wake-up socket is readable: no polling."""
    record.state("blocked")
    scene.ready.set()
    scenes.wait_for_data_or_wakeup(scene.conn, scene.wake_r, scene.stop)
    record.state("done")


def transfer_until_stopped(scene):
    """Take tasks until the flag is set; a task once taken is finished."""
    record.state("working")
    while not scene.stop.is_set():
        try:
            task = scene.tasks.get(timeout=POLL_S)
        except queue.Empty:
            continue
        apply_task(scene, task)
        scene.tasks.task_done()
    record.state("done")


def transfer_until_woken(scene):
    """Block in get() with no timeout; the stop puts a wake-up in the queue."""
    record.state("working")
    while not scene.stop.is_set():
        task = scene.tasks.get()
        if task is not None:  # None is the wake-up
            apply_task(scene, task)
        scene.tasks.task_done()
    record.state("done")


COOPERATIVE_WORKERS = {
    "event": {"busy": spin_until_stopped, "blocked": read_with_timeout,
              "midway": transfer_until_stopped},
    "event-wakeup": {"busy": spin_until_stopped, "blocked": read_with_wakeup,
                     "midway": transfer_until_woken},
}


def worker_for(mechanism, scenario, option):
    if mechanism in COOPERATIVE_WORKERS:
        return COOPERATIVE_WORKERS[mechanism][scenario]
    if scenario == "busy":
        return spin_catching if option == "catching" else spin
    if scenario == "blocked":
        return read
    if option == "acquire":
        return lambda scene: transfer(scene, apply_task_acquire)
    if option == "requeue":
        return transfer_requeue
    return transfer
