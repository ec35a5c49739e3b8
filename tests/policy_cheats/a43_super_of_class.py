class Reader:
    def peek(self):
        return self._inst


class Sub(Reader):
    pass


def solve(bank):
    return super(Sub, Sub).peek(bank)
