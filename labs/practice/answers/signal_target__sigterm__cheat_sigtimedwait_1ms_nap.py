# expect: run() waited between its looks: seen waiting in
# sigterm, cheat (eighth hostile reading, fourteenth session; passed every grading until
# then): naps 1 ms between looks in signal.sigtimedwait, a system call MainWatch did not
# know (asleep there counted as waiting); procfs now reads its timeout
import signal
import threading


def run(start_workers):
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda s, f: stop.set())
    threads = start_workers(stop)
    for t in threads:
        while t.is_alive():
            signal.sigtimedwait([signal.SIGUSR2], 0.001)
