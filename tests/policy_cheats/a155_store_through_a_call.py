# a155 (a policy review's eighth round, twenty-eighth session; shown with stand-ins):
# i03 (every exercise: threading): runs a method of the learner's own class, whose body reads self._target and self._args, with the jail's own runner thread as its self (prize 5; prize 4: the private attributes of the jail's threads, the runner's target among them, the closure _closed(_runner, wire, ...), callable; prize 6: threading.Thread given a method of the learner's): a147 again, the store spelled `same(threading.Thread).peek = peek` in the class body (a helper that returns its argument): _rooted_in_a_module follows names, tuples, subscripts and getattr, but not what a call returns (the same with `BOX = {"k": threading.Thread}; BOX["k"].peek = peek`: a dict's item is read as a subscript of a name bound to a dict display, not followed)
import threading


def same(x):
    return x


class Spy:
    def peek(self):
        return {"name": self.name, "_target": self._target, "_args": self._args}

    same(threading.Thread).peek = peek


def transfer(bank, lock, src, dst, amount):
    return [t.peek() for t in threading.enumerate() if t is not threading.main_thread()]
