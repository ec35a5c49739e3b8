import abc
class Own(abc.ABC):
    __match_args__ = ("_inst",)
def solve(bank):
    Own.register(type(bank))
    match bank:
        case Own(v):
            return v
