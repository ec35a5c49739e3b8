class Catch:
    def __eq__(self, other):
        self.got = other
        return True


class Reader:
    def peek(self):
        return self._inst


def solve(bank):
    c = Catch()
    Reader == c
    return c.got.peek(bank)
