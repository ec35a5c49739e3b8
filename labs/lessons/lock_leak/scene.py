"""Lab 1: a lock held by a killed thread.

Three workers move money between two accounts. Each transfer takes a lock,
debits one account, then credits the other. One worker is stopped by force
between the debit and the credit. Events force that moment, so the stop
lands there on every run; no sleep decides anything.

- ``bad``: the worker takes the lock with acquire()/release() and no
  try/finally. Killed, it never releases the lock: the other workers wait
  forever and the program hangs.
- ``bad-with``: the same with ``with lock:``. The lock is released, but the
  transfer is half done: money has vanished (the invariant is broken).
- ``fixed``: the stopper sets a stop Event; each worker checks it between
  transfers, so a transfer is always finished before the worker exits.
"""
from __future__ import annotations

import threading
import time

from labs.child import record
from labs.child.kill import async_raise
from labs.child.scenes import Bank, transfer_unsafely, transfer_with

WORKERS = 3
TRANSFERS = 5  # per worker in the bad variants


class Scene:
    """What every variant shares: the bank, the lock, and the two Events that
    pause the first worker between a debit and its credit."""

    def __init__(self):
        self.bank = Bank()
        self.lock = threading.Lock()
        self.debited = threading.Event()  # worker-1 is midway through a transfer
        self.resume = threading.Event()   # the stopper has acted: go on

    def midway(self):
        """Called between debit and credit. worker-1 pauses here, once."""
        if threading.current_thread().name == "worker-1" and not self.debited.is_set():
            self.debited.set()
            # A forced stop fires in here, as the C call it waits in returns
            # (waiter.acquire(), in Condition.wait).
            self.resume.wait()


# ------------------------------------------------------------------ bad
# The transfers themselves (labs.child.scenes): transfer_unsafely takes the lock
# with acquire()/release() and no try/finally; transfer_with uses ``with``.

def forced_stop(transfer):
    """worker-1 starts transferring; it is stopped by force midway through
    its first transfer; then the other workers start, and the main thread
    joins them all, as any program would."""
    scene = Scene()
    victim_down = threading.Event()

    def work():
        if threading.current_thread().name != "worker-1":
            victim_down.wait()
        record.state("working")
        for _ in range(TRANSFERS):
            transfer(scene.bank, scene.lock, scene.midway)
        record.state("done")

    threads = [threading.Thread(target=work, name=f"worker-{i + 1}") for i in range(WORKERS)]
    for t in threads:
        t.start()
    victim = threads[0]
    scene.debited.wait()
    record.mark("forced stop")
    async_raise(victim, SystemExit)
    scene.resume.set()
    victim.join()  # SystemExit ends a thread silently
    held = scene.lock.locked()  # nobody else has touched the lock yet
    record.state("killed, lock still held" if held else "killed", thread=victim)
    record.facts(lock_held_after_stop=held, invariant_ok=scene.bank.invariant_ok(),
                   workers_total=WORKERS)
    victim_down.set()
    for t in threads:
        t.join()  # hangs when the lock was leaked: the sandbox's deadline sees it


def bad():
    forced_stop(transfer_unsafely)


def bad_with():
    forced_stop(transfer_with)


# ------------------------------------------------------------------ fixed

def fixed():
    """A stop Event, checked between transfers: a transfer is never cut."""
    scene = Scene()
    stop = threading.Event()

    def work():
        record.state("working")
        while not stop.is_set():
            transfer_with(scene.bank, scene.lock, scene.midway)
        record.state("done")

    threads = [threading.Thread(target=work, name=f"worker-{i + 1}") for i in range(WORKERS)]
    for t in threads:
        t.start()
    scene.debited.wait()  # the same moment as in bad: midway through a transfer
    record.mark("stop requested")
    asked = time.monotonic()
    stop.set()
    scene.resume.set()
    for t in threads:
        t.join()
    latency = time.monotonic() - asked
    record.facts(lock_held_after_stop=scene.lock.locked(),
                   invariant_ok=scene.bank.invariant_ok(), workers_total=WORKERS,
                   stop_latency_s=round(latency, 6))


# What the child runs, by variant name (the lab's measure module judges them).
VARIANTS = {"bad": bad, "bad-with": bad_with, "fixed": fixed}
