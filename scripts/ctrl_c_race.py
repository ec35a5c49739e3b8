"""How often a Ctrl-C is lost by a main thread in an untimed wait.

  python scripts/ctrl_c_race.py [--runs 300] [--load] [--python PYTHON]

The program under test is the fix of notebook 05 cut to its bones: a SIGINT
handler that only sets a stop Event, two pool workers that check it between
units of work, and a main thread that waits for their results. This script
starts it ``--runs`` times, sends SIGINT as soon as the main thread says it is
about to wait, and counts the runs that did not end within 3 seconds (the
handler never ran, so nothing set the Event). Two ways to wait:

- ``untimed``: ``for f in as_completed(futures): f.result()``, as people write it;
- ``timed``:   ``wait(pending, timeout=0.05)`` in a loop (labs.lessons.handed_off.scene.wait_for_results).

The workers block SIGINT (``pthread_sigmask`` in the pool's initializer), so
the kernel can hand the signal to the main thread only: a lost Ctrl-C is then
one that reached the main thread and still did not wake it. ``--load`` keeps
both cores busy meanwhile, which makes the moment more likely.

Exit status: 0 when the timed wait lost none, 1 if it lost one, 2 for bad
arguments.
"""
from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
import time

from repeat import loaded  # a sibling script: python puts scripts/ on sys.path

PROGRAM = r'''
import os, signal, sys, threading, time
from concurrent.futures import ThreadPoolExecutor, as_completed, wait
stop = threading.Event()
signal.signal(signal.SIGINT, lambda signum, frame: stop.set())
def block_sigint():
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
started = threading.Barrier(3)
def task():
    started.wait()
    while not stop.is_set():
        time.sleep(0.01)  # one unit of work
with ThreadPoolExecutor(2, initializer=block_sigint) as pool:
    futures = [pool.submit(task) for _ in range(2)]
    started.wait()
    os.write(1, b"waiting\n")  # the parent sends SIGINT when it reads this
    if sys.argv[1] == "timed":
        pending = set(futures)
        while pending:
            done, pending = wait(pending, timeout=0.05)
    else:
        for f in as_completed(futures):
            f.result()
'''
DEADLINE_S = 3.0


def one_run(python: str, mode: str) -> bool:
    """True when the program ended by itself after the SIGINT."""
    child = subprocess.Popen([python, "-c", PROGRAM, mode], stdout=subprocess.PIPE,
                             stdin=subprocess.DEVNULL, start_new_session=True,
                             preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    try:
        child.stdout.readline()
        child.send_signal(signal.SIGINT)
        child.wait(DEADLINE_S)
        return True
    except subprocess.TimeoutExpired:
        return False
    finally:
        if child.poll() is None:
            os.killpg(child.pid, signal.SIGKILL)
        child.wait()
        child.stdout.close()


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--runs", type=int, default=300, help="runs of each way to wait (default 300)")
    p.add_argument("--load", action="store_true", help="keep every core busy meanwhile")
    p.add_argument("--python", default=sys.executable, help="the interpreter under test")
    args = p.parse_args(argv)
    if args.runs < 1:
        print("ctrl_c_race: error: --runs must be at least 1", file=sys.stderr)
        return 2
    try:
        version = subprocess.run([args.python, "-c", "import sys; print(sys.version.split()[0])"],
                                 capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired):
        version = None
    if version is None or version.returncode != 0:
        print(f"ctrl_c_race: error: cannot run {args.python}", file=sys.stderr)
        return 2
    lost = {}
    with loaded(args.load):
        print(f"Python {version.stdout.strip()}, {args.runs} runs each"
              f"{', every core busy' if args.load else ''}:")
        for mode in ("untimed", "timed"):
            started = time.monotonic()
            lost[mode] = 0
            for i in range(args.runs):
                lost[mode] += not one_run(args.python, mode)
                print(f"\r  {mode:<8} run {i + 1}/{args.runs}, Ctrl-C lost {lost[mode]}",
                      end="", file=sys.stderr, flush=True)
            print("\r" + " " * 60 + "\r", end="", file=sys.stderr)
            print(f"  {mode:<8} Ctrl-C lost in {lost[mode]} of {args.runs} runs "
                  f"({time.monotonic() - started:.0f} s)")
    return 1 if lost.get("timed") else 0


if __name__ == "__main__":
    sys.exit(main())
