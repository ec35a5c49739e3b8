# a132 (a policy review's third round, twenty-eighth session; shown with stand-ins for the bank and the runner):
# d06: reaches builtins' eval (and through it gc, the runner's frame and its f_locals, bank._call): sys.breakpointhook() imports and calls whatever PYTHONBREAKPOINT names, read from the C environment at each call; os.putenv("PYTHONBREAKPOINT", "builtins.eval") then sys.breakpointhook(text) is eval(text) (only the name breakpoint is refused, not sys.breakpointhook nor os.putenv)
import os
import sys


def transfer(bank, lock, src, dst, amount):
    os.putenv("PYTHONBREAKPOINT", "builtins.eval")
    ev = sys.breakpointhook("eval")            # eval("eval"): eval itself
    os.putenv("PYTHONBREAKPOINT", "0")
    runner = ev("__import__('sys')._getframe(2)")
    return {"eval": ev,
            "gc": ev("__import__('gc')"),
            "frame": runner,
            "locals": ev("f.f_locals", {"f": runner}),
            "call": ev("b._call", {"b": bank})}
