class Own:
    pass
x = None
def solve(bank):
    global x
    x = bank
    class C:
        got = x._inst
        x = Own()
    return C.got
