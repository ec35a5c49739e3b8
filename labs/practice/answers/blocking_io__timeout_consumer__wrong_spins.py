# expect: no busy polling while idle:
import queue


def consumer(jobs, stop, done):
    while not stop.is_set():
        try:
            job = jobs.get_nowait()  # never blocks: spins while idle
        except queue.Empty:
            continue
        done(job)
