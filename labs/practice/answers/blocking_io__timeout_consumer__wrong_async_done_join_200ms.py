# expect: nothing left behind: thread(s) still running after your function returned
# timeout-consumer, wrong (eleventh hostile reading, seventeenth session; passed until then: held
# done() calls went on oldest first; newest first now)
# WRONG: hands each job to a helper thread for done() and, on return, joins them with one timed join(0.2) each, leaving a held done() thread running ("Join such threads before you return: a timed join that gives up sooner leaves the thread running").
import queue
import threading


def consumer(jobs, stop, done):
    helpers = []
    while not stop.is_set():
        try:
            job = jobs.get(timeout=0.1)
        except queue.Empty:
            continue
        t = threading.Thread(target=done, args=(job,))
        t.start()
        helpers.append(t)
    for t in helpers:
        t.join(0.2)
