# a106 (a policy review, twenty-eighth session; shown with a stand-in bank):
# reaches bank._call/_accounts with the bank as the self of a class that reads self._x: CLASS_HOOKS refuses only a def of the hook; __init_subclass__ = classmethod(hook) hands Vault to hook when Vault subclasses Base; GRAB[0].peek(bank) is Vault.peek(bank)
GRAB = []


def hook(cls, **kw):
    GRAB.append(cls)


class Base:
    __init_subclass__ = classmethod(hook)   # a hook bound by assignment, not by def


class Vault(Base):
    def peek(self):
        return self._call, self._accounts


def transfer(bank, lock, src, dst, amount):
    return GRAB[0].peek(bank)
