# expect: no task taken after a stop: consumer-
# lost-task/consumer, wrong (twelfth hostile reading, eighteenth session): after its look it
# while the queue is empty (qsize() == 0) naps 10 ms, then get()s without a new look ("a pause between that look and the next get() misses the stop"). Passed every
# grading: it pauses only on an empty queue, and the pause run's queue was full; it starts
# empty now.
import time
def consumer(tasks, stop, do):
    while not stop.is_set():
        while tasks.qsize() == 0:
            time.sleep(0.01)
        n = tasks.get()
        try:
            if n is None:
                return
            do(n)
        finally:
            tasks.task_done()
