# b12: a base class made by a 3-argument type() call (a call of type is allowed) whose
# "__new__" returns its argument. The policy follows inherited __new__/metaclasses only
# through bases that are `class` statements of the submission; a base bound by assignment is
# not looked at, so Own stays "its own class", Own(bank) "an instance of it", and
# Own(bank)._call is read as the learner's own private attribute.
# Reaches: the proxy's private _call (the closure over the Wire); calls it directly.
Base = type("Base", (), {"__new__": lambda cls, obj: obj})


class Own(Base):
    pass


def transfer(bank, lock, src, dst, amount):
    x = Own(bank)
    fn = x._call
    raise RuntimeError(f"read bank._call = {fn!r}")
