# expect: stopped in time: returned
# timeout-consumer, wrong: two speeds. While jobs flow it waits in
# jobs.get(timeout=0.05); after 3 empty waits in a row it backs off to a slow
# poll: get_nowait() and a 0.3 s nap. A stop during a nap is seen up to 0.3 s late.
# (Found by a hostile reading, session 8: it passed 13 of 13 gradings while the stop
# came only as a get(timeout) began to wait, once the consumer had used one.)
import queue
import time


def consumer(jobs, stop, done):
    empty = 0
    while not stop.is_set():
        try:
            if empty < 3:
                job = jobs.get(timeout=0.05)
            else:
                job = jobs.get_nowait()
        except queue.Empty:
            empty += 1
            if empty > 3:
                time.sleep(0.3)  # idle for a while: poll slowly, spare the CPU
            continue
        empty = 0
        done(job)
