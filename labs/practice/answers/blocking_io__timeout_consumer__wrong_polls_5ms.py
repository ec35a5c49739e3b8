# expect: no busy polling while idle: 
# timeout-consumer, wrong: get(timeout=0.005) and a look at stop every round: 660 to 765
# wake-ups a second while idle (twelfth session), over the 450 the statement allows
import queue


def consumer(jobs, stop, done):
    while True:
        if stop.is_set():
            break
        try:
            job = jobs.get(True, 0.005)
        except queue.Empty:
            continue
        done(job)
