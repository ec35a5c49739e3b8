class M(type):
    def __call__(cls, obj):
        return obj
class Own(metaclass=M):
    pass
def solve(bank):
    x = Own(bank)
    x._inst = "written"
    return x._secret
