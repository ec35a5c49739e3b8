class M(type):
    def __instancecheck__(cls, obj):
        return True
class Own(metaclass=M):
    __match_args__ = ("_inst", "_secret")
def solve(bank):
    match bank:
        case Own(a, b):
            return a, b
