# (twelfth hostile reading, eighteenth session; passes every grading)
# "only the stop ends the work": after 5 jobs, the count the check sends (the statement says
# so), it takes no more and naps on the stop. Like stop-worker's ten_then_wait: any count
# can be outwaited, and the statement names this one.
import queue


def consumer(jobs, stop, done):
    n = 0
    while not stop.is_set():
        if n >= 5:
            stop.wait(0.1)
            continue
        try:
            job = jobs.get(timeout=0.05)
        except queue.Empty:
            continue
        done(job)
        n += 1
