class Grab:
    def __set_name__(self, owner, name):
        self.owner = owner


class Reader:
    hook = Grab()

    def peek(self):
        return self._inst


def solve(bank):
    return Reader.hook.owner.peek(bank)
