"""The stop-latency benchmark: from "stop" to the thread's end, by mechanism.

  python -m labs bench stop-latency [--json] [--stops N] [--idle SECONDS] [--figure PATH]

Measured in one run, with the workers of lab 4 (labs.lessons.blocking_io), each
blocked on a loopback TCP connection that never sends:

- polling: ``settimeout(t)`` and a loop that checks the stop Event, for t of
  1, 10, 50, 100 and 250 ms; the stop lands at a random moment of the period;
- wakeup: ``selectors`` over the socket and a wake-up socket pair;
- shutdown: ``sock.shutdown(SHUT_RDWR)`` under the blocked ``recv``;
- the floor: ``Event.set()`` to the moment a thread waiting in ``Event.wait()``
  runs again: the everyday way one Python thread wakes another. (A shutdown can
  beat it: its wake-up happens in the kernel, while the stopper is still in the
  system call with the GIL released; ``Event.set()`` runs Python code under the
  Condition's lock first.)

A stop's latency runs from just before the stopper's first action to the
moment the worker's function returns (its last act: the thread then ends).
Every stop is requested only once the worker is inside its blocking call.
Idle cost: a worker of each kind waits, unstopped, for a while; its wake-ups
(the kernel's count of voluntary context switches) and its CPU time, read from
outside the thread, are divided by the time waited.

Runs of 250 ms polling would take 200 x 250 ms one by one, so for timeouts of
50 ms and more ten stops run side by side, each at its own random moment; a
thread switch costs microseconds, far below those latencies.
"""
from __future__ import annotations

import argparse
import json
import math
import platform
import random
import socket
import statistics
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from labs.child import procfs, scenes, wait
from labs.lessons.blocking_io import scene as bio
from labs.show import tables, timeline

TIMEOUTS = (0.001, 0.01, 0.05, 0.1, 0.25)
STOPS = 200
IDLE_S = 2.0
SIDE_BY_SIDE_FROM = 0.05  # timeouts from this one up run BATCH stops at once
BATCH = 10
SETTLE = 0.001  # non-polling stops land at a random moment within this
GOAL_X_FLOOR = 5.0  # wake-up and shutdown within 5x of the floor at the median
FIGURE = Path("build/figures/stop-latency.png")


# ------------------------------------------------------------------ one stop

@dataclass
class Stop:
    """One worker thread and the way to stop it."""
    target: Callable
    args: tuple
    spots: set  # where the worker waits (see labs.child.wait.wait_until_inside)
    request: Callable[[], None]
    sockets: list = field(default_factory=list)
    asked: float = math.nan
    ended: float = math.nan
    thread: threading.Thread | None = None

    def start(self, name):
        self.thread = threading.Thread(target=self._run, name=name)
        self.thread.start()

    def _run(self):
        self.target(*self.args)
        self.ended = time.perf_counter()

    def stop(self):
        self.asked = time.perf_counter()
        self.request()

    def close(self):
        for s in self.sockets:
            s.close()

    @property
    def latency(self):
        return self.ended - self.asked


def floor_stop(_listener) -> Stop:
    stop = threading.Event()
    return Stop(stop.wait, (), bio.blocking_spots(threading.Event.wait), stop.set)


def polling_stop(tick):
    def make(listener) -> Stop:
        mine, theirs = _connect(listener)
        stop = threading.Event()
        return Stop(scenes.wait_for_data_polling, (mine, stop, tick),
                    bio.blocking_spots(scenes.wait_for_data_polling), stop.set, [mine, theirs])
    return make


def wakeup_stop(listener) -> Stop:
    mine, theirs = _connect(listener)
    wake_r, wake_w = socket.socketpair()
    stop = threading.Event()
    return Stop(scenes.wait_for_data_or_wakeup, (mine, wake_r, stop),
                bio.blocking_spots(scenes.wait_for_data_or_wakeup),
                lambda: scenes.wake_up(stop, wake_w), [mine, theirs, wake_r, wake_w])


def shutdown_stop(listener) -> Stop:
    mine, theirs = _connect(listener)
    stop = threading.Event()
    return Stop(scenes.wait_for_data, (mine, stop), bio.blocking_spots(scenes.wait_for_data),
                lambda: bio.shut_down(stop, mine), [mine, theirs])


def _connect(listener):
    mine = socket.create_connection(listener.getsockname())
    theirs, _ = listener.accept()
    return mine, theirs


def mechanisms(timeouts=TIMEOUTS) -> dict:
    """name -> (make a Stop, spread: the stop lands at a random moment in
    [0, spread) after the worker is seen blocked, side by side count)."""
    table = {"floor": (floor_stop, SETTLE, 1)}
    for t in timeouts:
        table[f"timeout-{t:g}"] = (polling_stop(t), t, BATCH if t >= SIDE_BY_SIDE_FROM else 1)
    table["wakeup"] = (wakeup_stop, SETTLE, 1)
    table["shutdown"] = (shutdown_stop, SETTLE, 1)
    return table


# ------------------------------------------------------------------ measuring

def run_batch(make, listener, count, spread, rng) -> list[float]:
    """Start ``count`` workers, wait until each is blocked, stop each at its
    own random moment, join them all; return their stop latencies."""
    stops = []
    try:
        for i in range(count):
            stops.append(make(listener))
            stops[-1].start(f"worker-{i}")
        for s in stops:
            wait.wait_until_inside(s.thread, s.spots)
        base = time.perf_counter()
        for s, at in sorted(zip(stops, (rng.uniform(0, spread) for _ in stops)),
                            key=lambda pair: pair[1]):
            time.sleep(max(0.0, base + at - time.perf_counter()))
            s.stop()
    finally:
        for s in stops:  # after an error too: no thread may outlive the run
            _finish(s)
    return [s.latency for s in stops]


def _finish(s: Stop) -> None:
    """Stop (if not yet asked), join and close one worker."""
    if s.thread is not None:
        if math.isnan(s.asked):
            s.stop()
        s.thread.join()
    s.close()


def idle_cost(table, listener, seconds) -> dict:
    """Each mechanism's worker waits ``seconds`` unstopped, all side by side;
    name -> {"idle_wakeups_per_s", "idle_cpu_s_per_s"}."""
    stops = {}
    try:
        for name, (make, _, _) in table.items():
            stops[name] = make(listener)
            stops[name].start(f"idle-{name}")
        for s in stops.values():
            wait.wait_until_inside(s.thread, s.spots)
        before = {name: _usage(s.thread) for name, s in stops.items()}
        began = time.perf_counter()
        time.sleep(seconds)
        after = {name: _usage(s.thread) for name, s in stops.items()}
        waited = time.perf_counter() - began
    finally:
        for s in stops.values():
            _finish(s)
    return {name: {"idle_wakeups_per_s": (after[name][0] - before[name][0]) / waited,
                   "idle_cpu_s_per_s": (after[name][1] - before[name][1]) / waited}
            for name in stops}


def _usage(thread) -> tuple[int, float]:
    """(voluntary context switches, CPU seconds) of another thread."""
    switches = procfs.context_switches(thread.native_id, voluntary_only=True)
    cpu = time.clock_gettime(time.pthread_getcpuclockid(thread.ident))
    return switches, cpu


def percentiles(latencies) -> dict:
    ordered = sorted(latencies)
    p99 = ordered[max(0, math.ceil(0.99 * len(ordered)) - 1)]  # nearest rank
    return {"median": statistics.median(ordered), "p99": p99, "max": ordered[-1]}


def measure(stops=STOPS, idle_s=IDLE_S, timeouts=TIMEOUTS, progress=None, seed=None) -> dict:
    """Run the whole benchmark in this process; returns the results (see main)."""
    say = progress or (lambda done, total, label: None)  # labs.show.progress's convention
    rng = random.Random(seed)
    table = mechanisms(timeouts)
    total, done = stops * len(table), 0
    started = time.perf_counter()
    results = {"python": platform.python_version(), "stops": stops, "idle_window_s": idle_s,
               "baseline_event_wake_s": None, "mechanisms": {}}
    with socket.create_server(("127.0.0.1", 0), backlog=BATCH * 2) as listener:
        say(0, total, f"idle cost: every worker waits {idle_s:g} s unstopped ...")
        idle = idle_cost(table, listener, idle_s)
        for name, (make, spread, batch) in table.items():
            latencies = []
            while len(latencies) < stops:
                batch_done = run_batch(make, listener, min(batch, stops - len(latencies)),
                                       spread, rng)
                latencies += batch_done
                done += len(batch_done)
                say(done, total, f"{name}: {len(latencies)}/{stops} stops")
            row = {**percentiles(latencies), "stops": len(latencies), **idle[name]}
            if name == "floor":
                results["baseline_event_wake_s"] = row
            else:
                results["mechanisms"][name] = row
    floor = results["baseline_event_wake_s"]["median"]
    ratios = {f"{name}_x_floor": results["mechanisms"][name]["median"] / floor
              for name in ("wakeup", "shutdown")}
    results["goal"] = {"within_x_floor": GOAL_X_FLOOR, **ratios,
                       "met": all(r <= GOAL_X_FLOOR for r in ratios.values())}
    results["run_time_s"] = time.perf_counter() - started
    return results


# ------------------------------------------------------------------ showing

FIGSIZE = (timeline.WIDTH_IN, 6.4)


def draw(results, ax=None):
    """Latency against polling timeout (log-log), with wake-up, shutdown and
    the floor as lines; idle CPU of polling on a second axis. Returns ax."""
    if ax is None:
        import matplotlib.pyplot as plt
        _, ax = plt.subplots(figsize=FIGSIZE, layout="tight")
    mech = results["mechanisms"]
    polls = sorted((float(n.split("-", 1)[1]), row) for n, row in mech.items()
                   if n.startswith("timeout-"))
    ms = [t * 1e3 for t, _ in polls]
    ax.plot(ms, [r["median"] * 1e3 for _, r in polls], "o-", color="#4c72b0",
            label="polling: median")
    ax.plot(ms, [r["p99"] * 1e3 for _, r in polls], "v--", color="#4c72b0", alpha=0.6,
            label="polling: p99")
    ax.plot(ms, [m / 2 for m in ms], ":", color="#8c8c8c", label="half the timeout")
    lines = [("wakeup", "wake-up (selectors + socketpair)", "#55a868", "-"),
             ("shutdown", "shutdown(SHUT_RDWR)", "#dd8452", "-."),
             (None, "floor: Event.set() to wake-up", "#222222", "--")]
    for name, label, color, style in lines:
        row = mech[name] if name else results["baseline_event_wake_s"]
        ax.axhline(row["median"] * 1e3, color=color, linestyle=style, label=f"{label}: median")
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_xticks(ms, [f"{m:g}" for m in ms])
    ax.minorticks_off()
    ax.set_xlabel("polling timeout (ms)")
    ax.set_ylabel("stop latency (ms)")
    cpu = ax.twinx()
    cpu.plot(ms, [max(r["idle_cpu_s_per_s"], 1e-7) * 100 for _, r in polls], "s-",
             color="#c44e52", label="polling: idle CPU (right axis)")
    for m, (_, r) in zip(ms, polls):
        cpu.annotate(f"{r['idle_wakeups_per_s']:.0f} wake-ups/s",
                     (m, max(r["idle_cpu_s_per_s"], 1e-7) * 100), fontsize=timeline.TEXT_PT,
                     color="#c44e52", xytext=(4, 4), textcoords="offset points")
    cpu.set_yscale("log")
    cpu.set_ylabel("idle CPU, % of one core", color="#c44e52")
    handles = ax.get_legend_handles_labels()
    more = cpu.get_legend_handles_labels()
    ax.legend(handles[0] + more[0], handles[1] + more[1], fontsize=timeline.TEXT_PT, ncol=2,
              loc="upper center", bbox_to_anchor=(0.5, -0.14))
    ax.set_title(f"Stop latency: {results['stops']} stops per mechanism "
                 f"(Python {results['python']})", fontsize=10)
    return ax


def save_figure(results, path=FIGURE) -> Path:
    from matplotlib.figure import Figure  # no pyplot: no backend, no global state

    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fig = Figure(figsize=FIGSIZE)
    draw(results, fig.subplots())
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    return path


def table(results) -> str:
    head = ("mechanism", "median", "p99", "max", "x floor", "idle wake-ups/s", "idle CPU")
    floor = results["baseline_event_wake_s"]
    rows = []
    for name, row in [("floor: Event.set", floor), *results["mechanisms"].items()]:
        rows.append((name, *(tables.fmt(row[k], seconds=True) for k in ("median", "p99", "max")),
                     f"{row['median'] / floor['median']:.1f}",
                     f"{row['idle_wakeups_per_s']:.1f}",
                     f"{row['idle_cpu_s_per_s'] * 100:.3f} %"))
    lines = [tables.grid(head, rows, right=range(1, len(head)))]
    goal = results["goal"]
    lines += ["",
              f"{results['stops']} stops per mechanism, Python {results['python']}, "
              f"run time {results['run_time_s']:.0f} s",
              tables.wrap(f"goal, wake-up and shutdown within {goal['within_x_floor']:g}x of "
                          f"the floor at the median: {'met' if goal['met'] else 'NOT met'} "
                          f"(wake-up {goal['wakeup_x_floor']:.1f}x, shutdown "
                          f"{goal['shutdown_x_floor']:.1f}x)")]
    if "figure" in results:
        lines.append(f"figure: {results['figure']}")
    return "\n".join(lines)


def _progress_printer():
    """Progress on stderr, ``(done, total, label)``: one line rewritten in
    place on a terminal; else the last line of each mechanism (a log file)."""
    tty = sys.stderr.isatty()
    last = {"name": None, "label": None}

    def say(done, total, label):
        if tty:
            print(f"\r\033[K[{done}/{total}] {label}", end="", file=sys.stderr, flush=True)
            return
        name = label.split(":")[0]
        if last["name"] not in (None, name):
            print(last["label"], file=sys.stderr, flush=True)
        last.update(name=name, label=label)
        if done == total:
            print(label, file=sys.stderr, flush=True)
    return say, tty


def _positive(kind):
    def parse(text):
        try:
            value = kind(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
        if not value > 0 or not math.isfinite(value):
            raise argparse.ArgumentTypeError(f"must be positive: {text!r}")
        return value
    return parse


def add_arguments(p: argparse.ArgumentParser) -> None:
    """The benchmark's options, for its own command line and for
    ``python -m labs bench stop-latency``."""
    p.add_argument("--json", action="store_true", help="print one JSON document")
    p.add_argument("--stops", type=_positive(int), default=STOPS,
                   help=f"stops per mechanism (default {STOPS})")
    p.add_argument("--idle", type=_positive(float), default=IDLE_S, metavar="SECONDS",
                   help=f"how long the idle cost is measured (default {IDLE_S:g})")
    p.add_argument("--figure", type=Path, default=FIGURE, help=f"PNG to write (default {FIGURE})")


def run(args) -> int:
    """Measure, write the figure, print the table (or JSON)."""
    say, tty = _progress_printer()
    results = measure(args.stops, args.idle, progress=say)
    if tty:
        print(file=sys.stderr)
    results["figure"] = str(save_figure(results, args.figure))
    if args.json:
        print(json.dumps(results, indent=2))
    else:
        print(table(results))
    return 0


def main(argv=None):
    p = argparse.ArgumentParser(prog="python -m labs.lessons.blocking_io.bench",
                                description="Stop latency and idle cost of each way to stop a blocked thread.")
    add_arguments(p)
    return run(p.parse_args(argv))


if __name__ == "__main__":
    sys.exit(main())
