# a111 (a policy review's second round, twenty-eighth session; shown with a stand-in bank):
# c01: reaches bank._call (its private slot): type(Slot).register(Slot, type(bank)) -- register taken from a metaclass reached as type(C) (the register refusal reads only a Name or "abc.ABC"/"abc.ABCMeta"; type(x) is free where no class reads self._x) -- makes the bank a virtual Slot; `case Slot(call)` (own dataclass, field _call) reads bank._call
import abc
import dataclasses


@dataclasses.dataclass
class Slot(abc.ABC):
    _call: object = None


def transfer(bank, lock, src, dst, amount):
    type(Slot).register(Slot, type(bank))
    match bank:
        case Slot(call):
            return call
