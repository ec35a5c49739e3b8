# expect: stopped in time
# (hostile round, twenty-sixth session: passed every grading while the idle run set the stop
# at a get's start only when the call just before it was a look at stop)
# blocking-io/timeout-consumer, wrong: "Your consumer must return after the stop, within 250 ms":
# fast path get_nowait(); when that finds nothing it falls back to get(timeout=0.4) without a new
# look, so a stop that comes as that get begins is seen 400 ms later.
import queue


def consumer(jobs, stop, done):
    while not stop.is_set():
        try:
            job = jobs.get_nowait()
        except queue.Empty:
            try:
                job = jobs.get(timeout=0.4)
            except queue.Empty:
                continue
        done(job)
