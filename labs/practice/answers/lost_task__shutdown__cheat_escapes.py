# expect: .fork is not allowed
import os
import time

if os.fork() == 0:  # a process in a session of its own, left behind
    os.setsid()
    time.sleep(60)
    os._exit(0)


def shutdown(tasks, consumers):
    for _ in consumers:
        tasks.put(None)
    for t in consumers:
        t.join()
