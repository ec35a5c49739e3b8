class Base:
    def __new__(cls, obj):
        return obj


class Reader(Base):
    pass


def solve(bank):
    x = Reader(bank)
    return x._inst
