# expect: your code, line 11: .open is not allowed
# consumer, wrong (a gap from a hostile reading): returns after 1 s without a task, idle
# measured by reading /proc/uptime (os.open/os.read)
# A clock the check does not move. Refused since the twenty-seventh session: os.open and io.open
# are open() by other names (a policy review read a reference answer with io.open).
import os
import queue


def now():
    fd = os.open("/proc/uptime", os.O_RDONLY)
    try:
        return float(os.read(fd, 64).split()[0])
    finally:
        os.close(fd)


def consumer(tasks, stop, do):
    last = now()
    while not stop.is_set():
        try:
            n = tasks.get(timeout=0.1)
        except queue.Empty:
            if now() - last > 1.0:
                return  # idle for a second: give up
            continue
        try:
            if n is None:
                return
            do(n)
        finally:
            tasks.task_done()
        last = now()
