import functools
def solve(bank):
    @functools.partial(lambda *a: lambda *k: bank)
    class Own:
        pass
    x = Own()
    return x._inst
