# expect: nothing left behind: thread(s) still running after your function returned
# (a chain of threads, none joined: each lingers since the seventeenth session, wire.hold_ends;
# before, the idle run caught the threads started and ended while idle)
import queue
import threading


def consumer(jobs, stop, done):
    # a 1 ms poller; every 15 polls it hands over to a fresh thread and ends
    finished = threading.Event()

    def poll():
        for _ in range(15):
            if stop.is_set():
                finished.set()
                return
            try:
                job = jobs.get(timeout=0.001)
            except queue.Empty:
                continue
            done(job)
        threading.Thread(target=poll, name="consumer").start()

    threading.Thread(target=poll, name="consumer").start()
    finished.wait()
