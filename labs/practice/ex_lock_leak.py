"""Exercises for lab 1, lock-leak: stop a transfer worker without cutting a
transfer; keep the lock and the data whole when a transfer fails midway."""
from __future__ import annotations

import threading
import time

from labs.child import record
from labs.practice.exercises import Check, Exercise, ms

AMOUNT = 10
WORKERS = 3


class Bank:
    """Two accounts whose total is the invariant. ``debit`` can pause (the
    harness's forced moment: midway through a transfer) and ``credit`` can
    fail (an account is frozen), as the repetition's mode asks."""

    class Frozen(Exception):
        """The account cannot be credited right now."""

    def __init__(self, pause_on=None, fail_on=None):
        self.accounts = {"alice": 1000, "bob": 1000}
        self.total = 2000
        self.pause_on = pause_on  # (thread name, nth debit of that thread)
        self.fail_on = fail_on    # nth credit overall raises Frozen
        self.midway = threading.Event()
        self.resume = threading.Event()
        self.debits: dict[str, int] = {}
        self.credits = 0
        self.frozen_raised = 0

    def debit(self, who, amount):
        self.accounts[who] -= amount
        me = threading.current_thread().name
        self.debits[me] = self.debits.get(me, 0) + 1
        if self.pause_on == (me, self.debits[me]):
            record.state("midway")
            self.midway.set()
            self.resume.wait(2.0)  # the stop is requested now

    def credit(self, who, amount):
        self.credits += 1
        if self.credits == self.fail_on:
            self.frozen_raised += 1
            raise Bank.Frozen(f"{who}'s account is frozen")
        self.accounts[who] += amount

    def missing(self) -> int:
        return self.total - sum(self.accounts.values())


# ---------------------------------------------------------------- stop between transfers

def stop_harness(rep, worker):
    """Three workers transfer until stopped. ``midway``: the stop is
    requested while worker-1 is midway through its 1st (or 3rd) transfer,
    holding the lock; ``before-first``: before any worker starts;
    ``random``: after a random small delay."""
    nth = 1 if rep.mode == "midway" else 3
    bank = Bank(pause_on=("worker-1", nth) if rep.mode.startswith("midway") else None)
    lock, stop = threading.Lock(), threading.Event()
    if rep.mode == "before-first":
        stop.set()
    threads = [rep.thread(f"worker-{i + 1}", worker, bank, lock, stop) for i in range(WORKERS)]
    for t in threads:
        record.state("working", thread=t)
    reached = True
    if rep.mode.startswith("midway"):
        reached = bank.midway.wait(1.0)
    elif rep.mode == "random":
        rep.pause()
    record.mark("stop requested")
    asked = time.monotonic()
    stop.set()
    bank.resume.set()
    stuck = rep.join(threads)
    latency = None if stuck else time.monotonic() - asked
    return {"stuck": stuck, "latency_s": latency, "reached_midway": reached,
            "lock_free": not lock.locked(), "missing": bank.missing(),
            "transfers": bank.credits}


def _worked(f):
    if not f["mode"].startswith("midway"):
        return None
    return (f["reached_midway"], "worker-1 started a transfer" if f["reached_midway"]
            else "worker-1 started no transfer within 1 s")


def _lock_free(f):
    return f["lock_free"], "free" if f["lock_free"] else "still held after the workers ended"


def _invariant(f):
    return f["missing"] == 0, ("alice + bob = 2000" if f["missing"] == 0 else
                               f"alice + bob = {2000 - f['missing']}: "
                               f"{f['missing']} vanished")


def _stopped_fast(f):
    if f["stuck"]:
        return None
    return f["latency_s"] <= 0.1, f"stopped {ms(f['latency_s'])} after the request"


STOP_WORKER = Exercise(
    id="lock-leak/stop-worker",
    lab="lock-leak",
    title="A transfer worker that stops without cutting a transfer",
    statement=(
        "Write `worker(bank, lock, stop)`. It repeats transfers of 10 from alice to bob: "
        "`bank.debit(\"alice\", 10)` then `bank.credit(\"bob\", 10)`, both under `lock`, "
        "until `stop` (a `threading.Event`) is set; then it returns.\n\n"
        "The check runs three of your workers. In most runs it asks them to stop while "
        "worker-1 is midway through a transfer (the bank pauses inside `debit` until the "
        "stop is requested); in others before they start, or after a random small delay. "
        "A stop must never cut a transfer: the lock is free afterwards, no money vanishes, "
        "and every worker ends within 100 ms."),
    functions=("worker",),
    signatures=(("bank", "lock", "stop"),),
    skeleton=(
        "def worker(bank, lock, stop):\n"
        "    while True:  # the worker people write: it never looks at stop\n"
        "        with lock:\n"
        "            bank.debit(\"alice\", 10)\n"
        "            bank.credit(\"bob\", 10)\n"),
    modes=("midway", "midway-3rd", "before-first", "random"),
    harness=stop_harness,
    checks=(
        Check("the workers transferred", "worker-1 starts a transfer", _worked,
              ("The check waits for worker-1 to start a transfer; yours never did.",
               "Call bank.debit and bank.credit inside the loop, under `with lock:`.",
               "Notebook 01, the `fixed` variant: `while not stop.is_set(): transfer(...)`.")),
        Check("the lock is free", "free", _lock_free,
              ("A worker left the lock held: it returned between acquire() and release().",
               "Take the lock with `with lock:`, which releases it however the block ends.",
               "Notebook 01 shows the leaked lock (`bad`) and `with lock:` (`bad-with`).")),
        Check("no money vanished", "alice + bob = 2000", _invariant,
              ("A transfer was cut in half: a debit without its credit.",
               "Look at `stop` only between transfers, never between debit and credit.",
               "Notebook 01, `fixed`: the stop Event is checked at the top of the loop.")),
        Check("stopped quickly", "within 100 ms of the request", _stopped_fast,
              ("A worker took long to notice the stop.",
               "Check `stop.is_set()` once per transfer, and never sleep while holding the lock.",
               "Notebook 01, `fixed`: its stop latency is printed under the side-by-side table.")),
    ),
    lab_cell="Notebook 01, the `fixed` variant",
    ended_hints=(
        "A worker never ended after the stop was requested: it never looks at `stop`.",
        "Loop with `while not stop.is_set():` instead of `while True:`.",
        "Notebook 01, `fixed`: `while not stop.is_set(): transfer_with(scene)`."),
)


# ---------------------------------------------------------------- a transfer that fails midway

def safe_harness(rep, transfer):
    """Two workers make 4 transfers each; in ``fails-first`` and
    ``fails-later`` modes the bank freezes bob's account for one credit:
    that transfer must be undone, its error must reach the caller, and the
    lock must be free for the other worker."""
    fail_on = {"fails-first": 1, "fails-later": rep.rng.randint(2, 6)}.get(rep.mode)
    bank = Bank(fail_on=fail_on)
    lock = threading.Lock()
    seen = []

    def caller():
        record.state("working")
        for _ in range(4):
            try:
                transfer(bank, lock, "alice", "bob", AMOUNT)
            except Bank.Frozen:
                seen.append(threading.current_thread().name)
        record.state("done")

    threads = [threading.Thread(target=rep.call, args=(caller,), name=f"worker-{i + 1}",
                                daemon=True) for i in range(2)]
    rep.threads += threads
    for t in threads:
        t.start()
    stuck = rep.join(threads)
    moved = bank.accounts["bob"] - 1000
    return {"stuck": stuck, "lock_free": not lock.locked(), "missing": bank.missing(),
            "frozen_raised": bank.frozen_raised, "frozen_seen": len(seen),
            "moved": moved, "expected_moved": AMOUNT * (8 - bank.frozen_raised)}


def _error_reached(f):
    if not f["frozen_raised"]:
        return None
    ok = f["frozen_seen"] == f["frozen_raised"]
    return ok, "the caller saw Frozen" if ok else "the caller never saw Frozen: it was swallowed"


def _all_moved(f):
    ok = f["moved"] == f["expected_moved"]
    return ok, f"bob received {f['moved']}" + ("" if ok else f", not {f['expected_moved']}")


SAFE_TRANSFER = Exercise(
    id="lock-leak/safe-transfer",
    lab="lock-leak",
    title="A transfer that stays whole when it fails midway",
    statement=(
        "Write `transfer(bank, lock, src, dst, amount)`: under `lock`, "
        "`bank.debit(src, amount)` then `bank.credit(dst, amount)`.\n\n"
        "The credit can fail: in most runs the bank raises `Frozen` from one `credit` "
        "call, midway through a transfer, as a forced stop would. Then the transfer must "
        "be undone (credit `src` back), the error must reach the caller (re-raise it), "
        "and the lock must be free for the other worker. An exception between two steps "
        "is what a thread killed by `async_raise` gets: this is the fix for `bad-with`."),
    functions=("transfer",),
    signatures=(("bank", "lock", "src", "dst", "amount"),),
    skeleton=(
        "def transfer(bank, lock, src, dst, amount):\n"
        "    lock.acquire()\n"
        "    bank.debit(src, amount)\n"
        "    bank.credit(dst, amount)\n"
        "    lock.release()\n"),
    modes=("fails-first", "fails-later", "no-failure"),
    harness=safe_harness,
    checks=(
        Check("the lock is free", "free", _lock_free,
              ("The lock stayed held after `credit` raised: `release()` never ran.",
               "Use `with lock:`: it releases the lock however the block ends.",
               "Notebook 01, `bad` (the leaked lock) against `bad-with`.")),
        Check("no money vanished", "alice + bob = 2000", _invariant,
              ("The failed transfer left its debit in place.",
               "Catch the error around `credit`, `bank.credit(src, amount)` to undo the "
               "debit, then `raise` to pass the error on.",
               "Notebook 01, `bad-with`: `with` frees the lock, not the data.")),
        Check("the error reached the caller", "the caller saw Frozen", _error_reached,
              ("The error was swallowed: the caller believes the transfer happened.",
               "After undoing the debit, re-raise with a bare `raise`.",
               "Notebook 01's takeaways: a half-done update must be undone or finished.")),
        Check("every other transfer went through", "bob received 10 per transfer", _all_moved,
              ("Some transfers that did not fail did not move their money.",
               "Debit then credit, once each, for every transfer.",
               "Notebook 01, `transfer_with`.")),
    ),
    lab_cell="Notebook 01, `bad-with`",
    ended_hints=(
        "A worker never finished its transfers: it waits for a lock nobody releases.",
        "Use `with lock:` so the lock is released when `credit` raises.",
        "Notebook 01, `bad`: the stack dump shows everyone waiting in `acquire()`."),
)

EXERCISES = [STOP_WORKER, SAFE_TRANSFER]
