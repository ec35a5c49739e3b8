def solve(bank):
    return "{0._inst} {0.__class__.__init__.__globals__[__name__]}".format(bank)
