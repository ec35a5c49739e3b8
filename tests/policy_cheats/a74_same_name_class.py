class Reader:
    def peek(self):
        return self._inst


peek = Reader.peek


class Reader:
    pass


def solve(bank):
    return peek(bank)
