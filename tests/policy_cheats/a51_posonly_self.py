class Reader:
    def peek(me, /, self):
        return self._inst


def solve(bank):
    return Reader().peek(bank)
