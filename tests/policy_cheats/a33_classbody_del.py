class Own:
    pass
x = None
def solve(bank):
    global x
    x = bank
    class C:
        x = Own()
        del x
        got = x._inst
    return C.got
