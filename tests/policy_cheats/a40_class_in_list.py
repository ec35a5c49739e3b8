class Reader:
    def peek(self):
        return self._inst


def solve(bank):
    return [Reader][0].peek(bank)
