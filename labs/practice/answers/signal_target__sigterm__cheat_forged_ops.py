# expect: os.write of a descriptor other than one os.pipe() gave you
import os
import signal
import threading


def run(start_workers):
    stop = threading.Event()
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    start_workers(stop)
    # no import of labs: forged operations written to every descriptor, the
    # grader's channels included ("run() returned", "the stop came")
    for obj, op, args in (("r1.rep", "returned", "[0, null]"),
                          ("r1.start_workers", "stop", "[]")):
        line = ('{"obj": "%s", "op": "%s", "args": %s}\n' % (obj, op, args)).encode()
        for fd in range(3, 64):
            try:
                os.write(fd, line)
            except OSError:
                pass
