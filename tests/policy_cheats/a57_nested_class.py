class Outer:
    class Reader:
        def peek(self):
            return self._inst


def solve(bank):
    return Outer.Reader.peek(bank)
