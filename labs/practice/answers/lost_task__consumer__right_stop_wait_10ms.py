# lost-task/consumer, right (nineteenth session): naps 10 ms on its stop while the queue
# is empty. A quiet period's 10 s were 1,000 such naps, three operations each, through the
# explorer's gate: 22 s a check, and its trickle run outlasted its budget under load (a
# replay of `trickle:` failed unloaded). The first 100 timed waits of a period pass their
# own timeout, then each a tenth more (FastClock fine): 3.4 s a check.
import queue


def consumer(tasks, stop, do):
    while not stop.is_set():
        try:
            n = tasks.get_nowait()
        except queue.Empty:
            stop.wait(0.01)
            continue
        try:
            if n is None:
                return
            do(n)
        finally:
            tasks.task_done()
