# (hostile round, twenty-seventh session; see tests/gaps/README.md)
# lost-task/consumer, wrong: "a pause between that look and the next get() misses the stop":
# random jitter ("avoid a thundering herd"): with probability 10% it naps 10 ms after its look,
# before the get. The pause run watches consumer-2's few looks before its 3rd task: 5 gradings
# of 6 passed (20%: 2 of 3; 30%: none of 3).
import queue
import random
import time


def consumer(tasks, stop, do):
    while not stop.is_set():
        if random.random() < 10/100:
            time.sleep(0.01)
        try:
            n = tasks.get(timeout=0.05)
        except queue.Empty:
            continue
        try:
            if n is None:
                return
            do(n)
        finally:
            tasks.task_done()
