# expect: stopped in time
# (hostile round, twenty-sixth session: passed every grading while the idle run set the stop
# at a get's start only when the call just before it was a look at stop)
# blocking-io/timeout-consumer, wrong: "Your consumer must return after the stop, within 250 ms":
# while the queue is empty it waits in get(timeout=0.3) (after an empty() look at the queue), so
# a stop that comes as that get begins is seen 300 ms later.
import queue


def consumer(jobs, stop, done):
    while not stop.is_set():
        try:
            if jobs.empty():
                job = jobs.get(timeout=0.3)
            else:
                job = jobs.get_nowait()
        except queue.Empty:
            continue
        done(job)
