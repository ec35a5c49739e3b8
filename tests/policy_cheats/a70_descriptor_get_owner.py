class Grab:
    def __get__(self, instance, owner):
        return owner


class Reader:
    kind = Grab()

    def peek(self):
        return self._inst


def solve(bank):
    return Reader().kind.peek(bank)
