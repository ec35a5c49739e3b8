def super(x):
    return x
def solve(bank):
    return super(bank)._inst, super(bank).__dict__
