def solve(bank):
    fns = [open, compile, exec, globals]
    return fns[1]("1", "x", "eval") is not None, sorted(fns[3]())[:3]
