class Reader:
    def peek(self):
        return self._inst


def solve(bank):
    kind = Reader
    return kind.peek(bank)
