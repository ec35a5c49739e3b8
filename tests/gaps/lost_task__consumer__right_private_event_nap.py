# consumer, RIGHT answer the grader fails (right-answer round, twelfth session): get_nowait;
# when empty, a 0.1 s nap on a private Event, then a look at the stop again. The runs a
# schedule's gate drives (the explorer) fail: a thread that naps on an Event of its own is
# not seen as waiting for the clock (a time.sleep is: arena.GNap), and the other
# consumers' operations were left waiting at the gate (consumer-3 in task_done())
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
