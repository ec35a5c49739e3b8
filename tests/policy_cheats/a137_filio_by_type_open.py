# a137 (a policy review's fourth round, twenty-eighth session; shown with stand-ins for the bank, the runner and, for a140, the grader):
# e03: open() of any path (read and write: /proc/self/mem): type(sys.stdout.buffer.raw) is io.FileIO (sys.stdout.buffer itself when unbuffered), refused only by its name; the class of an object, called, is allowed (type(x)(...)), so type(sys.stdout.buffer.raw)(path, "r+b") opens any file the process may open
import sys


def transfer(bank, lock, src, dst, amount):
    FileLike = type(getattr(sys.stdout.buffer, "raw", sys.stdout.buffer))
    with FileLike("/proc/self/status", "rb") as f:
        status = f.read()
    mem = FileLike("/proc/self/mem", "r+b")
    return status, mem
