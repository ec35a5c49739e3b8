# a102 (a policy review, twenty-eighth session; shown with a stand-in bank):
# reaches bank._call/_accounts with the bank as the self of a class that reads self._x: `from sys import exc_info` (the exc_info refusal looks only at an attribute .exc_info) hands out the exception's class; kind.peek(bank) is Oops.peek(bank)
from sys import exc_info


class Oops(Exception):
    def peek(self):
        return self._call, self._accounts


def transfer(bank, lock, src, dst, amount):
    try:
        raise Oops()
    except Oops:
        kind = exc_info()[0]
    return kind.peek(bank)
