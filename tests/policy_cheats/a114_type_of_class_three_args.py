# a114 (a policy review's second round, twenty-eighth session; shown with a stand-in bank):
# c04: runs Vault.peek with the bank as self (reads bank._call): type(Plain)("Base", (), ns) is type() with three arguments by another spelling (only a bare `type(...)` with >1 argument is refused); the namespace carries __init_subclass__, which is handed Vault
GRAB = []


def hook(cls, **kw):
    GRAB.append(cls)


class Plain:
    pass


Base = type(Plain)("Base", (), {"__init_subclass__": classmethod(hook)})


class Vault(Base):
    def peek(self):
        return self._call


def transfer(bank, lock, src, dst, amount):
    return GRAB[0].peek(bank)
