def solve(bank):
    v = vars
    return v(bank)
