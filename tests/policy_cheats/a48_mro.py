class Reader:
    def peek(self):
        return self._inst


def solve(bank):
    return Reader.mro()[0].peek(bank)
