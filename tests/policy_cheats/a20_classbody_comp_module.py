t = None
def solve(bank):
    global t
    t = bank
    class C:
        import threading as t
        got = [t._inst for _ in [0]]
    return C.got
