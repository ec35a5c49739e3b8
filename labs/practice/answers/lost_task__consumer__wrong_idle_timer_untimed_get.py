# expect: (a thread your code started) put None back on the queue
# lost-task/consumer, wrong: untimed get(); an idle Timer puts None after 10 s without a task, so the consumer returns though nobody sent None
import threading


def consumer(tasks, stop, do):
    def idle_quit():
        tasks.put(None)

    timer = threading.Timer(10.0, idle_quit)
    timer.start()
    try:
        while not stop.is_set():
            n = tasks.get()
            timer.cancel()
            timer.join()
            try:
                if n is None:
                    return
                do(n)
            finally:
                tasks.task_done()
            timer = threading.Timer(10.0, idle_quit)
            timer.start()
    finally:
        timer.cancel()
        timer.join()
