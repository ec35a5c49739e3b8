# a107 (a policy review, twenty-eighth session; shown with a stand-in bank):
# reaches bank._call/_accounts with the bank as the self of a class that reads self._x: __subclasshook__ = classmethod(hook) on an abc.ABC (assignment, not def: the a95 route again); isinstance(Vault(), Base) hands Vault to hook; GRAB[-1].peek(bank) is Vault.peek(bank)
import abc

GRAB = []


def hook(cls, other):
    GRAB.append(other)
    return NotImplemented


class Base(abc.ABC):
    __subclasshook__ = classmethod(hook)


class Vault:
    def peek(self):
        return self._call, self._accounts


def transfer(bank, lock, src, dst, amount):
    isinstance(Vault(), Base)
    return GRAB[-1].peek(bank)
