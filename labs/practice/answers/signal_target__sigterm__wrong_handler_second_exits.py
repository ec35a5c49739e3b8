# expect: your code ended the whole process: ended with exit status 143
# (ninth hostile reading, fifteenth session; passed every grading until the twenty-first:
# the midway run now sends a second SIGTERM at the main loop's next look, _sigterm_again)
# "install a SIGTERM handler (signal.signal) that only sets it" -- on a second SIGTERM it
# kills the process at once (os._exit), cutting the workers' items.
import os
import signal
import threading


def run(start_workers):
    stop = threading.Event()
    seen = []
    def on_term(signum, frame):
        if seen:
            os._exit(143)
        seen.append(signum)
        stop.set()
    signal.signal(signal.SIGTERM, on_term)
    for t in start_workers(stop):
        while t.is_alive():
            t.join(0.1)
