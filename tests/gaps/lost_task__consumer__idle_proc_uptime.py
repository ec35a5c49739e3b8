# lost-task/consumer, wrong: returns after 1 s without a task, idle measured by reading
# /proc/uptime (os.open/os.read)
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
