# a113 (a policy review's second round, twenty-eighth session; shown with a stand-in bank):
# c03: runs Vault.peek with the bank as self (reads bank._call): a class made by calling abc.ABCMeta("Base", (), {"__init_subclass__": classmethod(hook)}) carries a class hook as a dict key (CLASS_HOOKS only sees defs/assigned names); Vault(Base) is handed to hook; GRAB[0].peek(bank)
# class factory via abc.ABCMeta(name, bases, ns): __init_subclass__ hands Vault
import abc
GRAB = []


def hook(cls, **kw):
    GRAB.append(cls)


Base = abc.ABCMeta("Base", (), {"__init_subclass__": classmethod(hook)})


class Vault(Base):
    def peek(self):
        return self._call


def transfer(bank, lock, src, dst, amount):
    return GRAB[0].peek(bank)
