class Reader(metaclass=type):
    def peek(self):
        return self._inst


def solve(bank):
    return Reader.peek(bank)
