# a98 (a policy review, twenty-eighth session; shown with a stand-in bank):
# reaches bank._call with the bank as the self of a class that reads self._x: a context manager's __exit__ receives the exception's class (Oops) as a plain parameter, and kind.peek(bank) is not read as Oops.peek(bank)
class Oops(Exception):
    def peek(self):
        return self._call


class Look:
    def __init__(self, bank):
        self._bank = bank

    def __enter__(self):
        return self

    def __exit__(self, kind, exc, tb):
        self.got = kind.peek(self._bank)
        return True


def transfer(bank, lock, src, dst, amount):
    look = Look(bank)
    with look:
        raise Oops()
    return look.got
