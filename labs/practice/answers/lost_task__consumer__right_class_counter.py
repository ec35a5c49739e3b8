# lost_task consumer, right (right-answer round, fifteenth session): class attributes
# Consumer._count_lock: refused by the policy until the fifteenth session
import queue
import threading


class Consumer:
    _started = 0  # how many consumers ran in this process
    _count_lock = threading.Lock()

    def __init__(self, tasks, stop, do):
        with Consumer._count_lock:
            Consumer._started += 1
        self.tasks, self.stop, self.do = tasks, stop, do

    def run(self):
        while not self.stop.is_set():
            try:
                n = self.tasks.get(timeout=0.1)
            except queue.Empty:
                continue
            try:
                if n is None:
                    return
                self.do(n)
            finally:
                self.tasks.task_done()


def consumer(tasks, stop, do):
    Consumer(tasks, stop, do).run()
