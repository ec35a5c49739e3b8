class Reader:
    def peek(self):
        return self._inst

    look = peek


def solve(bank):
    return Reader.look(bank)
