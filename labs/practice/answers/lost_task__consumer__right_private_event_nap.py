# lost-task/consumer, right (right-answer round, twelfth session; failed until the thirteenth):
# get_nowait(); when empty, a 0.1 s nap on an Event of its own, then a look at the stop
# again. Under the explorer, a thread in a timed wait of its own while its process stands
# still is settled now (procfs.waits_for_time_or_others), as a time.sleep (arena.GNap) was.
import queue
import threading


def consumer(tasks, stop, do):
    nap = threading.Event()
    while not stop.is_set():
        try:
            n = tasks.get_nowait()
        except queue.Empty:
            nap.wait(0.1)
            continue
        if n is None:
            tasks.task_done()
            return
        do(n)
        tasks.task_done()
