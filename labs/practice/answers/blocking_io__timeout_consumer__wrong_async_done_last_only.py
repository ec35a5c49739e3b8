# expect: nothing left behind: thread(s) still running after your function returned
# timeout-consumer, wrong (eleventh hostile reading, seventeenth session; passed until then: held
# done() calls went on oldest first; newest first now)
# WRONG: hands each job to a helper thread for done() and joins (properly) only the most recent helper before returning, assuming the older ones are finished ("Join such threads before you return").
import queue
import threading


def consumer(jobs, stop, done):
    last = None
    while not stop.is_set():
        try:
            job = jobs.get(timeout=0.1)
        except queue.Empty:
            continue
        last = threading.Thread(target=done, args=(job,))
        last.start()
    if last is not None:
        while last.is_alive():
            last.join(0.05)
