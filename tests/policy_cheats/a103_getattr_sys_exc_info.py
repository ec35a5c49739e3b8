# a103 (a policy review, twenty-eighth session; shown with a stand-in bank):
# reaches bank._call/_accounts with the bank as the self of a class that reads self._x: getattr(sys, "exc_info")() (no .exc_info attribute node) hands out the exception's class; kind.peek(bank) is Oops.peek(bank)
import sys


class Oops(Exception):
    def peek(self):
        return self._call, self._accounts


def transfer(bank, lock, src, dst, amount):
    try:
        raise Oops()
    except Oops:
        kind = getattr(sys, "exc_info")()[0]
    return kind.peek(bank)
