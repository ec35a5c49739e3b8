# timeout-consumer, right (right-answer round, eighteenth session): stop.wait(0.05) is the
# look, and a timed get right after it. The stop set just after such a look is the race the
# statement allows: the job that comes with the stop is not for the get right after it.
import queue


def consumer(jobs, stop, done):
    # stop.wait is the look; the get after it has a timeout too
    while not stop.wait(0.05):
        try:
            job = jobs.get(timeout=0.05)
        except queue.Empty:
            continue
        done(job)
