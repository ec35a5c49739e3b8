class Reader:
    def peek(self):
        return self._inst

    peek = staticmethod(peek)


def solve(bank):
    return Reader().peek(bank)
