# expect: no job taken after the stop: job(s) 7 taken after the stop was set
# timeout-consumer, wrong (eighth hostile reading, fourteenth session; passed every grading
# until then): looks at the stop only every 5th empty get(timeout=0.06): up to 300 ms late
import queue


def consumer(jobs, stop, done):
    empties = 0
    while True:
        try:
            job = jobs.get(timeout=0.06)
        except queue.Empty:
            empties += 1
            if empties % 5 == 0 and stop.is_set():
                return
            continue
        done(job)
        if stop.is_set():
            return
