# expect: no task taken after a stop: consumer-2 took task
# lost-task/consumer, wrong (twelfth hostile reading, eighteenth session): after its look it
# on an empty queue (get_nowait() told Empty) naps 20 ms, then an untimed get() without a new look ("a pause between that look and the next get() misses the stop"). Passed every
# grading: it pauses only on an empty queue, and the pause run's queue was full; it starts
# empty now.
import queue, time
def consumer(tasks, stop, do):
    while not stop.is_set():
        try:
            n = tasks.get_nowait()
        except queue.Empty:
            time.sleep(0.02)
            n = tasks.get()
        try:
            if n is None:
                return
            do(n)
        finally:
            tasks.task_done()
