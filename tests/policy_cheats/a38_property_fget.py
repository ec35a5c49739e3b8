class Reader:
    @property
    def peek(self):
        return self._inst


def solve(bank):
    return type(Reader()).peek.fget(bank)
