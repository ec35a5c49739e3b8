class Reader:
    def peek(self):
        return self._inst

    @classmethod
    def via(cls, obj):
        return cls.peek(obj)


def solve(bank):
    return Reader.via(bank)
