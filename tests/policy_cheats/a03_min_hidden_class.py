class Hide:
    class min:
        pass
def solve(bank):
    x = min([bank])
    return x._secret, x._inst
