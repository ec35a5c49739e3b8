import sys


class Reader(Exception):
    def peek(self):
        return self._inst


def solve(bank):
    try:
        raise Reader()
    except Reader:
        return sys.exc_info()[0].peek(bank)
