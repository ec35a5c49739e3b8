class Reader:
    def peek(self):
        return self._inst

    def via(self, obj):
        return type(self).peek(obj)


def solve(bank):
    return Reader().via(bank)
