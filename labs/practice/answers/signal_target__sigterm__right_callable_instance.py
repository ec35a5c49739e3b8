# sigterm, right (hostile round's right answers, twenty-first session)
# RIGHT: a class-based supervisor whose instance is the handler (__call__); joins each
# worker in 0.2 s steps.
import signal
import threading


class Supervisor:
    def __init__(self, start_workers):
        self.start_workers = start_workers
        self.stop = threading.Event()
        self.workers = []

    def __call__(self, signum, frame):
        self.stop.set()

    def serve(self):
        signal.signal(signal.SIGTERM, self)
        self.workers = list(self.start_workers(self.stop))
        for t in self.workers:
            while t.is_alive():
                t.join(0.2)


def run(start_workers):
    Supervisor(start_workers).serve()
