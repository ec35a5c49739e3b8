"""Exercises for lab 3, signal-target: a SIGTERM handler and main function
that stop every worker cleanly; stopping one named worker without signals."""
from __future__ import annotations

import queue
import signal
import threading
import time

from labs.child import record
from labs.practice.exercises import Check, Exercise, ms, names

WORKERS = 3
NAMES = [f"worker-{i + 1}" for i in range(WORKERS)]


# ---------------------------------------------------------------- SIGTERM

def sigterm_harness(rep, run):
    """``run(start_workers)`` runs in the child's main thread. The workers
    handle items until their stop Event is set; the parent sends SIGTERM to
    the whole process (``midway``: while every worker is in the middle of an
    item; ``before-first``: before any worker starts; ``random``: after a
    random small delay). The workers end only once the stop reaches them."""
    box = {"taken": {}, "finished": {}, "asked": None}
    in_hand = threading.Barrier(WORKERS + 1)

    def ask_for_sigterm():
        box["asked"] = time.monotonic()
        record.mark("SIGTERM from the parent")
        record.event("practice-signal")  # the parent's driver sends it

    def work(stop):
        me = threading.current_thread().name
        first = True
        while not stop.is_set():
            record.state("working")
            box["taken"][me] = box["taken"].get(me, 0) + 1
            if first and rep.mode == "midway":
                in_hand.wait(1.0)
                stop.wait(1.0)  # mid-item when the signal comes
            else:
                time.sleep(0.0005)  # the item's work
            first = False
            box["finished"][me] = box["finished"].get(me, 0) + 1
        record.state("stopped")

    def sender():
        if rep.mode == "midway":
            in_hand.wait(1.0)
        else:
            rep.pause()
        ask_for_sigterm()

    def start_workers(stop):
        if not isinstance(stop, threading.Event):
            raise TypeError("start_workers(stop): stop must be a threading.Event")
        box["stop"] = stop
        if rep.mode == "before-first":
            ask_for_sigterm()
            stop.wait(1.0)  # the handler runs in this (the main) thread
        threads = [threading.Thread(target=work, args=(stop,), name=n, daemon=True)
                   for n in NAMES]
        rep.threads += threads
        for t in threads:
            t.start()
        if rep.mode != "before-first":
            threading.Thread(target=sender, name="practice-sender", daemon=True).start()
        box["threads"] = threads
        return threads

    previous = signal.getsignal(signal.SIGTERM)
    record.state("run()")
    ok, _ = rep.call(run, start_workers)
    returned_at = time.monotonic()
    threads = box.get("threads", [])
    alive = [t.name for t in threads if t.is_alive()]
    record.state("done")
    stuck = rep.join(threads)
    signal.signal(signal.SIGTERM, previous)  # each run starts with no handler of yours
    asked = box["asked"]
    in_hand_now = sum(box["taken"].get(n, 0) - box["finished"].get(n, 0) for n in NAMES)
    return {"stuck": stuck, "returned": ok, "started": bool(threads),
            "alive_at_return": alive, "stop_set": bool(box.get("stop") and box["stop"].is_set()),
            "latency_s": None if asked is None or not ok else returned_at - asked,
            "items_in_hand": in_hand_now}


def _started(f):
    return f["started"], "3 workers started" if f["started"] else "start_workers was never called"


def _waited(f):
    if not f["returned"]:
        return None
    alive = f["alive_at_return"]
    return not alive, ("all had ended" if not alive else
                       f"{names(alive)} still working when run() returned")


def _stop_reached(f):
    return f["stop_set"], "the stop Event was set" if f["stop_set"] else \
        "the stop Event was never set"


def _quick(f):
    if f["latency_s"] is None:
        return None
    return f["latency_s"] <= 0.5, f"run() returned {ms(f['latency_s'])} after SIGTERM was sent"


SIGTERM = Exercise(
    id="signal-target/sigterm",
    lab="signal-target",
    title="A SIGTERM handler that stops every worker cleanly",
    statement=(
        "Write `run(start_workers)`, the main function of a program with workers. Create "
        "a `threading.Event` for the stop, install a SIGTERM handler (`signal.signal`) "
        "that only sets it, then call `start_workers(stop)`: it starts the workers and "
        "returns their threads. Wait for every worker, then return. Wait with a timeout "
        "(`t.join(0.1)` in a loop): the handler runs in the main thread, and a signal "
        "that lands just as an untimed wait begins waits with it.\n\n"
        "The check sends SIGTERM to the whole process from outside, as a service manager "
        "does: while every worker is in the middle of an item, or before the workers "
        "start, or after a random delay. The process must survive, every worker must "
        "finish the item in hand and end, and `run` must return after they all have."),
    functions=("run",),
    signatures=(("start_workers",),),
    skeleton=(
        "import threading\n\n"
        "def run(start_workers):\n"
        "    stop = threading.Event()\n"
        "    for t in start_workers(stop):  # no handler: SIGTERM's default action applies\n"
        "        t.join()\n"),
    modes=("midway", "before-first", "random"),
    harness=sigterm_harness,
    checks=(
        Check("the workers were started", "3 workers started", _started,
              ("Call `start_workers(stop)` with your Event.",
               "`for t in start_workers(stop): t.join()`.", "Notebook 03, `fixed-sigterm`.")),
        Check("the stop reached the workers", "the stop Event was set", _stop_reached,
              ("Your handler never set the Event the workers watch.",
               "`signal.signal(signal.SIGTERM, lambda signum, frame: stop.set())`, "
               "before `start_workers`.",
               "Notebook 03, `sets_shutdown`: a handler that only sets an Event.")),
        Check("run() waited for every worker", "all had ended", _waited,
              ("run() returned while workers were still in the middle of an item.",
               "After starting them, `join()` every worker thread.",
               "Notebook 03, `fixed-sigterm`.")),
        Check("run() returned soon after SIGTERM", "within 500 ms", _quick,
              ("The stop took long to reach the workers.",
               "Set the Event in the handler; the workers check it between items.",
               "Notebook 03, `fixed-sigterm`.")),
    ),
    lab_cell="Notebook 03, the `fixed-sigterm` variant (`sets_shutdown`)",
    ended_hints=(
        "Your run() never returned: the workers never saw a stop.",
        "The handler must set the Event you passed to start_workers, and the main thread "
        "must wake up to run it: `while t.is_alive(): t.join(0.1)`.",
        "Notebook 03, `sets_shutdown`."),
    sends_sigterm=True,
)


# ---------------------------------------------------------------- stop one worker by name

def stop_one_harness(rep, control):
    """Three workers, three items each; ``control(commands, stops)`` runs in
    its own thread. While every worker is in the middle of its first item,
    the check sends "stop worker-2" (``twice``: two times; ``noise``: after
    an unknown name and an unknown command); then "stop nobody" and "quit"."""
    commands = queue.Queue()
    stops = {n: threading.Event() for n in NAMES}
    done = {n: 0 for n in NAMES}
    in_hand = threading.Barrier(WORKERS + 1)
    released = threading.Event()

    def work():
        me = threading.current_thread().name
        for i in range(3):
            if stops[me].is_set():
                record.state("stopped")
                return
            record.state("working")
            if i == 0:
                in_hand.wait(1.0)
                released.wait(1.0)
            done[me] += 1
        record.state("done")

    workers = [threading.Thread(target=work, name=n, daemon=True) for n in NAMES]
    rep.threads += workers
    for t in workers:
        t.start()
    ctl = rep.thread("control", control, commands, stops)
    in_hand.wait(1.0)
    if rep.mode == "noise":
        commands.put("stop nobody")
        commands.put("hello")
    record.mark("stop worker-2")
    commands.put("stop worker-2")
    if rep.mode == "twice":
        commands.put("stop worker-2")
    stops["worker-2"].wait(1.0)
    released.set()
    stuck = rep.join(workers)
    commands.put("stop nobody")
    commands.put("quit")
    stuck.update(rep.join([ctl]))
    return {"stuck": stuck, "done": done,
            "flags": [n for n in NAMES if stops[n].is_set()],
            "control_ended": not ctl.is_alive()}


def _target_stopped(f):
    k = f["done"]["worker-2"]
    return k == 1, ("worker-2 finished its item, then stopped" if k == 1 else
                    f"worker-2 did {k} item(s)" + (" (it was never stopped)" if k == 3 else ""))


def _others_done(f):
    wrong = [n for n in f["flags"] if n != "worker-2"]
    short = [n for n in NAMES if n != "worker-2" and f["done"][n] != 3]
    if wrong:
        return False, f"{names(wrong)} stopped too"
    return not short, "3 items each" if not short else f"{names(short)} did not finish"


OTHERS_HINTS = ("Only the worker named in the command may stop.",
                "Set `stops[name]` for that one name; ignore a name that is not in `stops`.",
                "Notebook 03, `MainLoop.command`.")

STOP_ONE = Exercise(
    id="signal-target/stop-one",
    lab="signal-target",
    title="Stop one named worker, without signals",
    statement=(
        "Write `control(commands, stops)`, a control loop. `commands` is a `queue.Queue` "
        "of text lines; `stops` maps each worker's name to its own `threading.Event`, "
        "which that worker checks between items. On `\"stop NAME\"`, set that worker's "
        "Event; ignore a name that is not in `stops` and any other command; return on "
        "`\"quit\"`.\n\n"
        "The check sends `\"stop worker-2\"` while every worker is in the middle of an "
        "item (sometimes twice, sometimes after noise), then `\"stop nobody\"` and "
        "`\"quit\"`. worker-2 must finish its item and stop; the others must do all "
        "their items; `control` must return."),
    functions=("control",),
    signatures=(("commands", "stops"),),
    skeleton=(
        "def control(commands, stops):\n"
        "    while True:\n"
        "        line = commands.get()\n"
        "        verb, _, name = line.partition(\" \")\n"
        "        if verb == \"stop\":\n"
        "            stops[name].set()\n"),
    modes=("plain", "noise", "twice"),
    harness=stop_one_harness,
    checks=(
        Check("worker-2 stopped after the item in hand", "worker-2 finished its item, "
              "then stopped", _target_stopped,
              ("worker-2 was not stopped by the command.",
               "Split the line: `verb, _, name = line.partition(\" \")`; on \"stop\", "
               "`stops[name].set()`.",
               "Notebook 03, `MainLoop.command`.")),
        Check("the other workers did every item", "3 items each", _others_done, OTHERS_HINTS),
    ),
    lab_cell="Notebook 03, the `fixed` variant (`MainLoop.command`)",
    ended_hints=(
        "A thread never ended: your control() does not return on \"quit\".",
        "`if line == \"quit\": return`.",
        "Notebook 03, `MainLoop.serve`."),
)

EXERCISES = [SIGTERM, STOP_ONE]
