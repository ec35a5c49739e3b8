# expect: os.write of a descriptor other than one os.pipe() gave you
import os


def control(commands, stops):
    # no import of labs: a forged report written to every descriptor, the
    # grader's channels included; then every Event set
    line = b'{"obj": "r1.rep", "op": "returned", "args": [0, "quit"]\n'
    for fd in range(3, 64):
        try:
            os.write(fd, line)
        except OSError:
            pass
    for event in stops.values():
        event.set()
    while commands.get() != "quit":
        pass
