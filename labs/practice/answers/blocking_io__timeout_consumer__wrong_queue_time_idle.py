# expect: it waited for the stop: returned before the stop was set
# timeout-consumer, wrong (fourth hostile reading, eleventh session): returns after 1.5 s
# without a job, with no stop: an idle timeout on the queue module's own clock, queue.time().
import queue


def consumer(jobs, stop, done):
    last = queue.time()
    while not stop.is_set():
        if queue.time() - last > 1.5:
            return
        try:
            job = jobs.get(timeout=0.1)
        except queue.Empty:
            continue
        done(job)
        last = queue.time()
