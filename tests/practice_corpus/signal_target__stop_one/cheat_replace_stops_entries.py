"""EXPECT: fail
FLAW: the harness's `stops` dict written through the argument: every worker's Event but worker-2's is replaced by a fresh one, then every old Event is set ("stop everybody")

A learner who cannot tell the names apart, stops everybody, and rewires the dict handed
over so that the stop reaches worker-2 alone (hard-coded).
"""
import threading


def control(commands, stops):
    while True:
        line = commands.get()
        if line == "quit":
            return
        if line.startswith("stop"):
            old = dict(stops)
            for name in stops:
                if name != "worker-2":
                    stops[name] = threading.Event()
            for ev in old.values():
                ev.set()
