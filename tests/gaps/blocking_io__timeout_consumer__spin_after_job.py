# (seventh hostile reading, thirteenth session; passes every grading unless said)
# Violates: "while idle, wake up at most 450 times a second and use at most half a CPU".
# After each job it busy-polls get_nowait() for 0.5 s ("jobs come in bursts"), then
# settles into 50 ms timed gets.
import queue
import time


def consumer(jobs, stop, done):
    hot_until = 0.0
    while not stop.is_set():
        if time.perf_counter() < hot_until:
            try:
                job = jobs.get_nowait()
            except queue.Empty:
                continue
        else:
            try:
                job = jobs.get(timeout=0.05)
            except queue.Empty:
                continue
        done(job)
        hot_until = time.perf_counter() + 0.5
