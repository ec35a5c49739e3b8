# a147 (a policy review's sixth round, twenty-eighth session; shown with stand-ins):
# g03 (every exercise: threading): runs a method of the learner's own class, whose body reads self._target, self._stderr, self._args, with the jail's own runner thread as its self (prize 5; prize 4: the private attributes of the jail's threads, among them the runner's target, the closure _closed(_runner, wire, rep, fn, args, ...), callable; prize 6: threading.Thread, the class the jail makes its runner threads with, given a method of the learner's): in the class body `T.peek = peek` with T = threading.Thread bound at the module's level: the policy refuses a store only when the target's root is a name an import binds (threading.Thread.x = ...), and a class-body statement whose value is a plain name is read as an alias of the method (not as the method handed out); the same store is accepted as `from threading import Thread; Thread.run = f`, `setattr(threading.Thread, "run", f)`, `for T in (threading.Thread,): T.run = f`, and dataclasses.dataclass(threading.Thread) / functools.total_ordering(threading.Thread) write into the class too
import threading

T = threading.Thread


class Spy:
    def peek(self):
        return {"name": self.name, "_target": self._target, "_stderr": self._stderr,
                "_args": self._args, "_kwargs": self._kwargs}

    T.peek = peek


def transfer(bank, lock, src, dst, amount):
    return [t.peek() for t in threading.enumerate() if t is not threading.main_thread()]
