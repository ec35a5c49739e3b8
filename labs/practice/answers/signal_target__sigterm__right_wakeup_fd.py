# signal-target/sigterm, right (nineteenth session): a signal.set_wakeup_fd() pipe beside a
# handler that only sets the stop. The C-level handler writes the signal's number to the pipe,
# one byte, in the thread that took SIGTERM: the check, which fails a handler that writes
# before its set, leaves that byte to C. Must pass.
import os
import signal
import threading


def run(start_workers):
    stop = threading.Event()
    r, w = os.pipe()
    os.set_blocking(w, False)
    signal.set_wakeup_fd(w)  # the C-level handler writes the signal's number here
    signal.signal(signal.SIGTERM, lambda signum, frame: stop.set())
    try:
        for t in start_workers(stop):
            while t.is_alive():
                t.join(0.1)
    finally:
        signal.set_wakeup_fd(-1)
        os.close(r)
        os.close(w)
