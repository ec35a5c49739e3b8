# expect: OverflowError: timestamp out of range
# (hostile round, thirty-first session: passed every grading while the check's lock and queue
# took arguments a real one refuses: measured on 3.10 to 3.15)
# WRONG (signal-target/stop-one): "keep waiting while no command comes". It waits for a
# command with `commands.get(timeout=float("inf"))` (a "timeout" that never ends): on a
# real queue.Queue that raises OverflowError ("timestamp out of range for platform
# time_t", CPython 3.11 on Linux) whenever the queue is empty, so control dies at its
# first wait for a command instead of waiting.
import queue


def control(commands, stops):
    while True:
        try:
            line = commands.get(timeout=float("inf"))
        except queue.Empty:
            continue
        if line == "quit":
            return
        verb, _, name = line.partition(" ")
        if verb == "stop" and name in stops:
            stops[name].set()
