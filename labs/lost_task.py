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

from labs import timeline
from labs.kill import async_raise
from labs.lab import Lab

TASKS = 12
CONSUMERS = 3
QUICK = 6  # bad-daemon: tasks 1..6 are quick; each later one outlasts the program
SENTINEL = None  # "no more tasks for you"


# ------------------------------------------------------------------ the ledger

def record(n: int, step: str) -> None:
    """One line of the ledger: task n was produced, taken, done or put back
    by the calling thread. The parent rebuilds the ledger from these events."""
    timeline.event("task", id=n, step=step)


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
            timeline.state("holding task")
            self.holding.set()
            self.resume.wait()  # a forced stop lands as this call returns


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
            timeline.state("holding task")
            self.all_busy.wait()
            self.resume.wait()  # nobody sets it: the program ends first


def produce(scene):
    timeline.state("producing")
    for n in range(1, TASKS + 1):
        record(n, "produced")  # before put(): a consumer may take it at once
        scene.q.put(n)
    timeline.state("done")


def work(scene, n):
    """The task itself. Its effect, "done", comes after the midway point."""
    timeline.state("working")
    scene.midway(n)
    record(n, "done")


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
        timeline.state("waiting")
        n = scene.q.get()
        record(n, "taken")
        work(scene, n)
        scene.q.task_done()


def bad():
    """consumer-1 is killed while it holds task 1; then the program waits
    for the queue to be done, as the queue docs' example does."""
    scene = Scene()
    producer, consumers = start(scene, consume_naively, daemon=True)
    victim = consumers[0]
    scene.holding.wait()
    timeline.mark("forced stop")
    async_raise(victim, SystemExit)
    scene.resume.set()
    victim.join()  # SystemExit ends a thread silently
    timeline.state("killed", thread=victim)
    timeline.facts(victim_alive=victim.is_alive())
    producer.join()
    timeline.state("in q.join()")
    scene.q.join()  # never returns: task 1 will never be marked done
    timeline.facts(join_returned=True)


def bad_daemon():
    """The consumers are daemon threads; to stop them, the program just ends.
    It ends while each consumer holds a task."""
    scene = ProgramEnds()
    producer, consumers = start(scene, consume_naively, daemon=True)
    scene.all_busy.wait()  # every consumer is in the middle of a task
    producer.join()
    timeline.mark("program ends")
    timeline.facts(daemon_consumers=sum(t.daemon for t in consumers))
    # Returning ends the child's program: the interpreter joins non-daemon
    # threads only; the daemon consumers are stopped wherever they are.


# ------------------------------------------------------------------ fixed

def consume_cooperatively(scene, stop):
    """A stop Event checked between tasks; task_done() in finally, so every
    get() is matched by one task_done() whatever happens in between. A task
    taken is always finished: a stop is seen only before the next get()."""
    while not stop.is_set():
        timeline.state("waiting")
        n = scene.q.get()
        try:
            if n is SENTINEL:
                break
            record(n, "taken")
            work(scene, n)
        finally:
            scene.q.task_done()
    timeline.state("done")


def ask_consumer_1_to_stop(consume):
    """Start the producer and cooperative consumers; at the same moment as in
    bad (consumer-1 holds task 1), ask consumer-1 to stop; wait until it has
    left and the producer is done. Returns (scene, consumers, stop latency)."""
    scene = Scene()
    stops = [threading.Event() for _ in range(CONSUMERS)]
    producer, consumers = start(scene, consume, daemon=False, stops=stops)
    scene.holding.wait()
    timeline.mark("stop requested")
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
    timeline.state("in q.join()")
    scene.q.join()
    timeline.state("done")
    timeline.facts(join_returned=True, stop_latency_s=round(latency, 6))
    for t in consumers:
        t.join()


def consume_until_shutdown(scene, stop):
    """As consume_cooperatively, with Queue.shutdown() in place of sentinels.
    A consumer stopped before its task's effect puts the task back instead
    of finishing it (safe only because nothing of it was done yet)."""
    while not stop.is_set():
        timeline.state("waiting")
        try:
            n = scene.q.get()
        except queue.ShutDown:  # shut down and drained: no more tasks
            break
        try:
            record(n, "taken")
            timeline.state("working")
            scene.midway(n)
            if stop.is_set():
                record(n, "put back")  # before put(): another consumer may take it at once
                scene.q.put(n)  # before task_done(): join() cannot return in between
            else:
                record(n, "done")
        finally:
            scene.q.task_done()
    timeline.state("done")


def fixed_shutdown():
    if not hasattr(queue.Queue, "shutdown"):
        import platform
        timeline.skip(f"Queue.shutdown() is new in Python 3.13; this is {platform.python_version()}")
    scene, consumers, _ = ask_consumer_1_to_stop(consume_until_shutdown)
    scene.q.shutdown()  # no more put(); get() drains the queue, then raises ShutDown
    timeline.state("in q.join()")
    scene.q.join()
    timeline.state("done")
    timeline.facts(join_returned=True)
    for t in consumers:
        t.join()


# ------------------------------------------------------------------ measure

def ledger(events: list[dict]) -> dict[int, list[tuple]]:
    """Task id -> its steps in order: [(t, step, thread name)]."""
    book: dict[int, list[tuple]] = {}
    for e in events:
        if e.get("kind") == "task":
            book.setdefault(e["id"], []).append((e["t"], e["step"], e["thread"]))
    return book


def ledger_facts(book: dict[int, list[tuple]]) -> dict:
    def count(n, step):
        return sum(1 for _, s, _ in book[n] if s == step)

    produced = sorted(n for n in book if count(n, "produced"))
    return {
        "tasks_total": len(produced),
        "tasks_done": sum(1 for n in produced if count(n, "done")),
        "tasks_lost": [n for n in produced if not count(n, "done")],
        "tasks_duplicated": [n for n in produced if count(n, "done") > 1],
        "tasks_taken_not_done": [n for n in produced
                                 if count(n, "taken") > count(n, "done") + count(n, "put back")],
        "tasks_put_back": [n for n in produced if count(n, "put back")],
    }


def fates(book: dict[int, list[tuple]]) -> dict[int, str]:
    """Task id -> what became of it, without who did it (that changes from
    run to run): "done", "put back, then done", "taken, never done", ..."""
    out = {}
    for n, steps in sorted(book.items()):
        done = sum(1 for _, s, _ in steps if s == "done")
        fate = ("never taken" if not any(s == "taken" for _, s, _ in steps)
                else "taken, never done" if not done
                else "done" if done == 1 else f"done {done} times")
        if any(s == "put back" for _, s, _ in steps):
            fate = "put back, then " + fate
        out[n] = fate
    return out


def summarize(outcome):
    """The ledger's facts, read off the whole run, even one that hung or
    ended with daemon threads mid-task."""
    facts = ledger_facts(ledger(outcome.timeline))
    if "join_returned" not in outcome.facts and join_never_returned(outcome):
        facts["join_returned"] = False
    return facts


def join_never_returned(outcome) -> bool:
    """Measured, not assumed: the main thread was still in ``q.join()`` at the
    deadline, or the program ended by itself without a join that returned. A
    run cut short elsewhere gets no ``join_returned`` (and so no verdict)."""
    main = [e["state"] for e in outcome.timeline
            if e.get("kind") == "state" and e["thread"] == "MainThread"]
    if outcome.exit["timed_out"]:
        return bool(main) and main[-1] == "in q.join()"
    return any(e.get("kind") == "end" for e in outcome.timeline)


def judge(facts, outcome):
    return bool(facts["tasks_lost"] or facts["tasks_duplicated"]
                or not facts["join_returned"] or outcome.exit["timed_out"])


def python_with_queue_shutdown() -> str | None:
    """An interpreter with Queue.shutdown() (3.13+) to run fixed-shutdown in:
    this one, a python3.13+ on PATH, or pyenv's latest 3.13; None if none."""
    import shutil
    import subprocess
    import sys

    candidates = [sys.executable] + [shutil.which(f"python3.{minor}") for minor in (13, 14, 15)]
    if shutil.which("pyenv"):
        found = subprocess.run(["pyenv", "prefix", "3.13"], capture_output=True, text=True)
        if found.returncode == 0:
            candidates.append(found.stdout.strip().splitlines()[-1] + "/bin/python")
    for exe in filter(None, candidates):
        try:
            ok = subprocess.run([exe, "-c", "import queue; queue.Queue.shutdown"],
                                capture_output=True, timeout=30).returncode == 0
        except (OSError, subprocess.TimeoutExpired):
            continue
        if ok:
            return exe
    return None


# ------------------------------------------------------------------ draw (parent)

CONSUMER_COLORS = {"consumer-1": "#4c72b0", "consumer-2": "#dd8452", "consumer-3": "#8172b3"}
LOST_COLOR = "#c44e52"
DONE_COLOR = "#55a868"


def draw_ledger(outcome, ax=None):
    """One row per task: produced (dot), held by a consumer (a bar in its
    colour), then done (plus), put back (triangle) or lost (red cross). The
    time axis is the timeline's (timeline.draw), so the two sit side by side."""
    import matplotlib.pyplot as plt
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch
    from matplotlib.ticker import FuncFormatter

    events = [e for e in outcome.timeline if e.get("t") is not None]
    t0 = min([e["t"] for e in events if e["kind"] == "state"], default=0.0)
    end_t = max([e["t"] for e in events] + [outcome.child_elapsed_s or 0.0]) - t0
    book = {n: [(t - t0, step, who) for t, step, who in steps]
            for n, steps in ledger(events).items()}
    ids = sorted(book)
    if ax is None:
        _, ax = plt.subplots(figsize=(7, 0.3 * max(len(ids), 1) + 1.5), layout="constrained")

    def bar(n, start, stop, who, lost=False):
        ax.broken_barh([(start, max(stop - start, 1.5e-5))], (n - 0.3, 0.6),
                       color=CONSUMER_COLORS.get(who, "#8c8c8c"),
                       hatch="//" if lost else None, alpha=0.6 if lost else 1.0)

    for n in ids:
        held_since, story = {}, []
        for t, step, who in book[n]:
            if step == "produced":
                ax.plot(t, n, "o", color="black", markersize=3)
            elif step == "taken":
                held_since[who] = t
            elif step in ("done", "put back"):
                bar(n, held_since.pop(who, t), t, who)
                ax.plot(t, n, "^" if step == "put back" else "P", markersize=6,
                        color="black" if step == "put back" else DONE_COLOR)
                story.append(f"{who}: {step}")
        for who, start in held_since.items():  # taken, never done: held to the end
            bar(n, start, end_t, who, lost=True)
            story.append(f"{who}: taken, never done")
        lost = not any(step == "done" for _, step, _ in book[n])
        if lost:
            ax.plot(end_t, n, "X", color=LOST_COLOR, markersize=8)
        ax.annotate(", ".join(story) or "never taken", (1.01, n), xycoords=("axes fraction", "data"),
                    va="center", fontsize=7, color=LOST_COLOR if lost else "black")
    ax.set_xscale("symlog", linthresh=timeline.LINEAR_UNTIL_S, linscale=1.5)
    ax.set_xlim(0, max(end_t, timeline.LINEAR_UNTIL_S) * 1.05)
    ax.xaxis.set_major_formatter(FuncFormatter(lambda x, _: f"{x * 1000:g} ms"))
    ax.set_yticks(ids, [f"task {n}" for n in ids])
    ax.set_ylim(max(ids, default=1) + 0.7, min(ids, default=1) - 0.7)
    ax.set_xlabel("time since the first thread started (linear to 1 ms, then log)")
    facts = ledger_facts(ledger(events))
    ax.set_title(f"ledger: {facts['tasks_done']} of {facts['tasks_total']} tasks done, "
                 f"{len(facts['tasks_lost'])} lost", fontsize=10)
    handles = [Patch(color=c, label=f"held by {name}") for name, c in CONSUMER_COLORS.items()]
    handles += [Line2D([], [], marker=m, color=c, linestyle="", markersize=ms, label=label)
                for m, c, ms, label in [("o", "black", 3, "produced"), ("P", DONE_COLOR, 6, "done"),
                                        ("^", "black", 6, "put back"), ("X", LOST_COLOR, 8, "lost")]]
    ax.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.5, -0.16), ncol=4,
              fontsize=8, frameon=False)
    return ax


def figure(outcome):
    """The timeline (left) beside the ledger (right), on the same time axis.
    Returns the figure (call plt.show() in a notebook)."""
    import matplotlib.pyplot as plt

    fig, (left, right) = plt.subplots(1, 2, figsize=(15, 5), layout="constrained")
    timeline.draw(outcome, ax=left)
    draw_ledger(outcome, ax=right)
    return fig


LAB = Lab(
    id="lost-task",
    title="A consumer killed mid-task loses the task",
    hazard="a consumer stopped after get() and before task_done() loses its task; join() never returns",
    variants={"bad": bad, "bad-daemon": bad_daemon,
              "fixed": fixed, "fixed-shutdown": fixed_shutdown},
    judge=judge,
    # bad hangs in join() by design: it must have reported the kill first.
    requires=lambda variant: {"bad": ("victim_alive",),
                              "bad-daemon": ("daemon_consumers",)}.get(variant, ())
    + ("join_returned",),
    summarize=summarize,
    figure=figure,
    deadline_s=3.0,
)
