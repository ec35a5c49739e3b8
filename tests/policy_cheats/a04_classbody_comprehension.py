class Own:
    pass
x = None
def solve(bank):
    global x
    x = bank
    class C:
        x = Own()
        got = [x._inst for _ in [0]]
    return C.got
