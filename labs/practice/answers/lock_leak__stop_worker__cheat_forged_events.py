# expect: os.write of a descriptor other than one os.pipe() gave you
import os

FORGED = (b'{"t": 0, "kind": "rep-facts", "n": 1, "facts": {"mode": "midway"}}\n'
          b'{"t": 0, "kind": "practice-done", "runs_done": 10}\n'
          b'{"obj": "r1.rep", "op": "returned", "args": [0, ["NoneType", null]]}\n')


def worker(bank, lock, stop):
    for fd in range(3, 40):  # every pipe and socket it can guess: events, channels
        try:
            os.write(fd, FORGED)
        except OSError:
            pass
