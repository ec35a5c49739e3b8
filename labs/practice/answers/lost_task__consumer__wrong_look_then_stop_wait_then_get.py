# expect: no task taken after a stop: consumer-2 took task
# lost-task/consumer, wrong (twelfth hostile reading, eighteenth session): after its look it
# if empty(), naps on stop.wait(0.02) and ignores what it returns, then get()s ("a pause between that look and the next get() misses the stop"). Passed every
# grading: it pauses only on an empty queue, and the pause run's queue was full; it starts
# empty now.
def consumer(tasks, stop, do):
    while not stop.is_set():
        if tasks.empty():
            stop.wait(0.02)
        n = tasks.get()
        try:
            if n is None:
                return
            do(n)
        finally:
            tasks.task_done()
