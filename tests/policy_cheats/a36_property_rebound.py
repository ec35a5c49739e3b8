property = staticmethod


class Reader:
    @property
    def peek(self):
        return self._inst


def solve(bank):
    return Reader().peek(bank)
