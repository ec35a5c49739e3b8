# expect: ._getframe is not allowed
import sys


def consumer(jobs, stop, done):
    caller = sys._getframe(1)
    caller.f_locals["value"] = None
