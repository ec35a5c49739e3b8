# a109 (a policy review, twenty-eighth session; shown with a stand-in bank):
# reaches bank._call: getattr(Slot, "register")(type(bank)) (the register refusal reads only .register attribute nodes) makes the bank's class a virtual Slot; `case Slot(call)` then reads the field Slot's __match_args__ names, bank._call
import abc
import dataclasses


@dataclasses.dataclass
class Slot(abc.ABC):
    _call: object = None      # a field: __match_args__ is ("_call",)


def transfer(bank, lock, src, dst, amount):
    getattr(Slot, "register")(type(bank))   # the .register check reads attribute nodes only
    match bank:
        case Slot(call):                     # bank is a Slot now: reads bank._call
            return call
