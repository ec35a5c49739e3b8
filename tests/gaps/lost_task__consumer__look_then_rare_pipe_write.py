# (thirteenth hostile reading, eighteenth session; passes every grading)
# "a pause between that look and the next get() misses the stop": after its look it writes a
# progress line to a pipe that a slow reader thread drains every 30 ms; the write blocks only
# now and then (the reader takes all at once), and the pause run never met it blocked.
import os
import threading
import time


def consumer(tasks, stop, do):
    r, w = os.pipe()
    os.set_blocking(w, True)
    done = threading.Event()

    def drain():  # a slow log reader
        while True:
            time.sleep(0.03)
            data = os.read(r, 1 << 20)
            if not data or done.is_set():
                return

    # fill the pipe so that every progress line waits for the reader
    os.set_blocking(w, False)
    try:
        while True:
            os.write(w, b"x" * 65536)
    except BlockingIOError:
        pass
    os.set_blocking(w, True)
    reader = threading.Thread(target=drain)
    reader.start()
    try:
        while not stop.is_set():
            os.write(w, b"progress line\n" * 300)  # blocks until the reader drains
            n = tasks.get()
            try:
                if n is None:
                    return
                do(n)
            finally:
                tasks.task_done()
    finally:
        done.set()
        os.close(w)
        reader.join()
        os.close(r)
