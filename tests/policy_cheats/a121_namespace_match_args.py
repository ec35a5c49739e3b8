# a121 (a policy review's second round, twenty-eighth session; shown with a stand-in bank):
# c11: reaches bank._call: abc.ABCMeta("Shape", (), {"__match_args__": ("_call",), "__subclasshook__": classmethod(always)}) sets __match_args__ and a class hook as dict keys; an own `class Slot(Shape)` is accepted in a positional pattern, matches the bank (the hook says yes) and reads bank._call
# __match_args__ and __subclasshook__ as dict keys of a class made by abc.ABCMeta(...)
import abc


def always(cls, other):
    return True


Shape = abc.ABCMeta("Shape", (), {"__match_args__": ("_call",),
                                  "__subclasshook__": classmethod(always)})


class Slot(Shape):
    pass


def transfer(bank, lock, src, dst, amount):
    match bank:
        case Slot(call):
            return call
