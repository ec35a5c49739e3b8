# expect: nothing left behind: thread(s) still running after your function returned
import threading


def consumer(jobs, stop, done):
    def pump():
        while True:
            done(jobs.get())  # no timeout, in a thread nobody joins

    threading.Thread(target=pump, daemon=True).start()
    while not stop.wait(0.05):
        pass
