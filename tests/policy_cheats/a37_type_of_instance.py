class Reader:
    def peek(self):
        return self._inst


def solve(bank):
    return type(Reader()).peek(bank)
