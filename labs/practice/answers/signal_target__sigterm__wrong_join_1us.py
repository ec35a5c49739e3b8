# expect: run() waited between its looks: seen waiting in
# sigterm, wrong (seventh hostile reading, thirteenth session)
# Violates: "Wait in timed steps ... time.sleep(0.01) or longer". join(1e-5) is a timed
# look that waits 10 microseconds: in effect a loop of looks with no real wait.
import signal
import threading


def run(start_workers):
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda s, f: stop.set())
    for t in start_workers(stop):
        while t.is_alive():
            t.join(0.00001)
