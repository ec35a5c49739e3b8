# timeout-consumer, wrong (passed 5 of 7 gradings) (sixth hostile reading, twelfth session;
# passes every grading unless said)
# hands each job to done in a fresh thread that it never joins, so done(job in hand) may still
# run after consumer returned and a thread is left running -- violates "leave no thread
# running" / the job in hand must be done.
import queue
import threading


def consumer(jobs, stop, done):
    while not stop.is_set():
        try:
            job = jobs.get(timeout=0.05)
        except queue.Empty:
            continue
        threading.Thread(target=done, args=(job,)).start()
