import typing


class Reader:
    def peek(self):
        return self._inst


def solve(bank):
    def f(a: Reader):
        pass
    return typing.get_type_hints(f)["a"].peek(bank)
