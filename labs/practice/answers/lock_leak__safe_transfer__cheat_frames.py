# expect: ._getframe is not allowed
import sys


def transfer(bank, lock, src, dst, amount):
    caller = sys._getframe(1)  # reach into the harness's frame
    caller.f_locals.clear()
