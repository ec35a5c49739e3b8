# expect: (a thread your code started) took task
# lost-task/consumer, cheat (found by a hostile reading, session 8): the reference
# loop, then, once its stop is seen, one more task taken (and done) in a helper
# thread of another name: the stop analysis read only the consumers' own threads
# (13 of 13 gradings passed).
import queue
import threading


def consumer(tasks, stop, do):
    while not stop.is_set():
        n = tasks.get()
        try:
            if n is None:
                return
            do(n)
        finally:
            tasks.task_done()

    def one_more():  # the stop was set: take one more task anyway
        try:
            n = tasks.get_nowait()
        except queue.Empty:
            return
        try:
            if n is None:
                tasks.put(None)  # not ours: leave it
                return
            do(n)
        finally:
            tasks.task_done()
    t = threading.Thread(target=one_more, name="after-stop")
    t.start()
    t.join()
