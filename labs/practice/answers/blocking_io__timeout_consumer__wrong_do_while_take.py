# expect: no job taken after the stop: job(s) 7 taken after the stop was set
# timeout-consumer, wrong (eleventh hostile reading, seventeenth session; passed every grading until
# then: the stop-before-start run had an empty queue): takes (and does) a job before its first look
# at the stop (a do-while), so with the stop set before it starts it still takes one
import queue


def consumer(jobs, stop, done):
    while True:
        try:
            job = jobs.get(timeout=0.1)
        except queue.Empty:
            pass
        else:
            done(job)
        if stop.is_set():
            return
