# lost-task/consumer, wrong: an idle timeout kept as a count of empty naps (300 naps of
# 10 ms taken for 3 s), not on a clock. Passes since the nineteenth session: a quiet
# period's first 100 timed waits pass their own timeout each, then each passes a tenth
# more (FastClock fine), so a consumer's 10 s pass in about 150 naps; a count of more
# than 100 waits is never reached. (Until then 1,000 waits a period, and a right answer
# with 10 ms naps took 22 s a check and outlasted its budget under load.)
import queue


def consumer(tasks, stop, do):
    idle = 0
    while not stop.is_set():
        try:
            n = tasks.get_nowait()
        except queue.Empty:
            idle += 1
            if idle > 300:  # 3 s of 10 ms naps without a task: nobody is coming
                return
            stop.wait(0.01)
            continue
        idle = 0
        try:
            if n is None:
                return
            do(n)
        finally:
            tasks.task_done()
