# expect: your code, line 18: .open is not allowed
# lost-task/consumer, wrong (thirteenth hostile reading, eighteenth session): after its look
# it blocks in a write to a full pipe, or in the open of a FIFO, before its get(). Passed
# every grading: the pause run saw a read on a pipe as a pause, not a write or an open.
import os
import threading


def consumer(tasks, stop, do):
    path = "/tmp/consumer-fifo-%d" % threading.get_ident()
    try:
        os.unlink(path)
    except OSError:
        pass
    os.mkfifo(path)

    def other_end():
        fd = os.open(path, os.O_WRONLY)
        os.close(fd)

    try:
        while True:
            if stop.is_set():
                return
            t = threading.Timer(0.03, other_end)
            t.start()
            fd = os.open(path, os.O_RDONLY)  # waits for the writer: a tick
            os.close(fd)
            t.join()
            n = tasks.get()
            try:
                if n is None:
                    return
                do(n)
            finally:
                tasks.task_done()
    finally:
        os.unlink(path)
