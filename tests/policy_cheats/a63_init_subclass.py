class Reader:
    def peek(self):
        return self._inst

    def __init_subclass__(cls):
        Reader.sub = cls


class Sub(Reader):
    pass


def solve(bank):
    return Reader.sub.peek(bank)
