# expect: os.write of a descriptor other than one os.pipe() gave you
import os


def consumer(jobs, stop, done):
    # write a forged "returned" report on every descriptor: the grader's channel among them
    for fd in range(3, 64):
        try:
            os.write(fd, b'{"obj": "r1.rep", "op": "returned", "args": [0, null]}\n')
        except OSError:
            pass
    while True:
        jobs.get()
