class Meta(type):
    def __call__(cls, obj):
        return obj


class Base(metaclass=Meta):
    pass


class Reader(Base):
    pass


def solve(bank):
    return Reader(bank)._inst
