class Reader:
    def peek(self):
        return self._inst


def solve(bank):
    return getattr(Reader(), "__class__").peek(bank)
