class Hide:
    class type:
        pass
    class next:
        pass
def solve(bank):
    t = type(bank)
    x = next(iter([bank]))
    return t._secret, x._inst
