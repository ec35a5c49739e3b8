class Reader:
    def peek(self):
        return self._inst


def solve(bank):
    return next(map(type, [Reader()])).peek(bank)
