class Reader:
    def __init__(self):
        return self._inst


def solve(bank):
    return Reader.__init__(bank)
