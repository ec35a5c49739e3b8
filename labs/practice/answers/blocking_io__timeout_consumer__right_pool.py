# timeout-consumer, right (thirteenth session): two threads of its own call done(); the
# consumer feeds them a private queue and joins them (timed joins) after the stop
import queue
import threading


END = object()  # not None: None may be a job


def consumer(jobs, stop, done):
    mine = queue.Queue()

    def work():
        while True:
            job = mine.get()
            if job is END:
                return
            done(job)
    pool = [threading.Thread(target=work) for _ in range(2)]
    for t in pool:
        t.start()
    try:
        while not stop.is_set():
            try:
                mine.put(jobs.get(timeout=0.05))
            except queue.Empty:
                pass
    finally:
        for _ in pool:
            mine.put(END)
        for t in pool:
            while t.is_alive():
                t.join(0.05)
