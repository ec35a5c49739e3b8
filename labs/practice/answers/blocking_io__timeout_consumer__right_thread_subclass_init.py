# blocking_io timeout_consumer, right (right-answer round, fifteenth session):
# threading.Thread.__init__(self) in a subclass: refused by the policy until the fifteenth
# session
import queue
import threading


class DoneThread(threading.Thread):
    """Old-style Thread subclass (as in many tutorials) that hands one job to done."""

    def __init__(self, done, job):
        threading.Thread.__init__(self)
        self.done = done
        self.job = job

    def run(self):
        self.done(self.job)


def consumer(jobs, stop, done):
    while not stop.is_set():
        try:
            job = jobs.get(timeout=0.05)
        except queue.Empty:
            continue
        t = DoneThread(done, job)
        t.start()
        t.join()
