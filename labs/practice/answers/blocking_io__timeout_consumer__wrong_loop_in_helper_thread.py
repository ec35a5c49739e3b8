# expect: its own thread never called jobs.get() or looked at stop
# blocking-io/timeout-consumer, wrong by the statement since the eighteenth session (its
# right-answer round wrote it as right): the loop of get()s runs in a helper thread the
# consumer joins. The statement now says the consumer takes the jobs itself, in the thread
# that called it; the check knows the consumer by that thread and never saw it idle.
import queue
import threading


def consumer(jobs, stop, done):
    # the loop runs in a helper thread; this thread waits for it and joins it
    def loop():
        while not stop.is_set():
            try:
                job = jobs.get(timeout=0.1)
            except queue.Empty:
                continue
            done(job)

    t = threading.Thread(target=loop, name="consumer-loop")
    t.start()
    while t.is_alive():
        t.join(0.05)
