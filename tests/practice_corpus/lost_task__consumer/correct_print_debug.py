"""EXPECT: pass

Prints each task and the reason it returns, as a learner debugging the exercise does.
"""
import threading


def consumer(tasks, stop, do):
    me = threading.current_thread().name
    while True:
        if stop.is_set():
            print(f"{me}: stop requested, returning")
            return
        n = tasks.get()
        if n is None:
            print(f"{me}: got None, returning")
            tasks.task_done()
            return
        do(n)
        print(f"{me}: did {n}")
        tasks.task_done()
