# a134 (a policy review's third round, twenty-eighth session; shown with stand-ins for the bank and the runner):
# d08: reaches builtins' eval (and through it gc, frames, anything): functools.update_wrapper(box, os.path) (two arguments, as allowed; os.path is a submodule every exercise may use, passed as a value: only a module bound by import is checked so) copies the module's globals with getattr(box, "__dict__").update(...); an own class whose property __dict__ returns a plain dict of its own receives them, __builtins__ among them, read with a subscript
import functools
import os


class Box:
    def __init__(self):
        self.store = {}

    @property
    def __dict__(self):
        return self.store


def transfer(bank, lock, src, dst, amount):
    box = Box()
    functools.update_wrapper(box, os.path)
    ev = box.store["__builtins__"]["eval"]
    runner = ev("__import__('sys')._getframe(2)")
    return {"eval": ev, "gc": ev("__import__('gc')"), "frame": runner,
            "locals": ev("f.f_locals", {"f": runner}), "call": ev("b._call", {"b": bank})}
