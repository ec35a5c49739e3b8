# expect: nothing left behind: thread(s) still running after your function returned
# timeout-consumer, wrong (sixth hostile reading, twelfth session; passed 5 of 7 gradings
# until the thirteenth): hands each job to done in a fresh thread that it never joins. Its
# done() is held until the consumer waits (HelperHold): the consumer returns first.
import queue
import threading


def consumer(jobs, stop, done):
    while not stop.is_set():
        try:
            job = jobs.get(timeout=0.05)
        except queue.Empty:
            continue
        threading.Thread(target=done, args=(job,)).start()
