class Own:
    def __new__(cls, b):
        return b
def solve(bank):
    x = Own(bank)
    return x._secret, x._inst, Own(bank)._inst
