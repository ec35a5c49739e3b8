class Reader:
    def peek(self):
        return self._inst

    def via(self, obj):
        return __class__.peek(obj)


def solve(bank):
    return Reader().via(bank)
