# expect: the check ended at run 1
import os


def control(commands, stops):
    # no import of labs: a forged "control returned" written to every descriptor
    line = b'{"obj": "r1.rep", "op": "returned", "args": [0, null]}\n'
    for fd in range(3, 64):
        try:
            os.write(fd, line)
        except OSError:
            pass
    for event in stops.values():
        event.set()
