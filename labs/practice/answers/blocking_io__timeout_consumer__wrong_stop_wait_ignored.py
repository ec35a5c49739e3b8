# expect: no job taken after the stop: job(s) 7 taken after the stop was set
# blocking-io/timeout-consumer, wrong (right-answer and hostile round, nineteenth session; a
# gap until the twentieth): naps on stop.wait(0.02) when idle, ignores the True it returns,
# then gets. The idle run sets the stop just after a stop.wait() that timed out, never
# during one; the idle-wait run sets it during one, and a job comes with it
import queue


def consumer(jobs, stop, done):
    # naps on stop.wait when idle but ignores what it says, then gets
    while not stop.is_set():
        try:
            job = jobs.get_nowait()
        except queue.Empty:
            stop.wait(0.02)  # result ignored
            try:
                job = jobs.get(timeout=0.03)
            except queue.Empty:
                continue
        done(job)
