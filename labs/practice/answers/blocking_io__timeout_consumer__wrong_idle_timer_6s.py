# expect: nothing left behind: thread(s) still running after your function returned
# (its Timer threads are never joined: kept to the end of the run since the seventeenth session,
# wire.hold_ends; its other fault shows once they are: "it waited for the stop: returned before the stop was set")
# timeout-consumer, wrong: a 6 s threading.Timer watchdog, restarted on each job, makes
# the consumer return while no job comes (an idle timeout, not the stop) (fifth hostile
# reading, eleventh session). Caught since the twelfth session: threading follows the
# check's clock here, and the idle run pushes it a minute on
import queue
import threading


def consumer(jobs, stop, done):
    give_up = threading.Event()
    t = threading.Timer(6, give_up.set)
    t.start()
    try:
        while not stop.is_set() and not give_up.is_set():
            try:
                job = jobs.get(timeout=0.05)
            except queue.Empty:
                continue
            done(job)
            t.cancel()
            t = threading.Timer(6, give_up.set)
            t.start()
    finally:
        t.cancel()
        t.join()
