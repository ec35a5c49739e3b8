# a112 (a policy review's second round, twenty-eighth session; shown with a stand-in bank):
# c02: reaches bank._call: `import abc as a` then a.ABCMeta.register(Slot, type(bank)) (the register check compares ast.unparse with "abc.ABC"/"abc.ABCMeta" literally, so an alias passes); `case Slot(call)` then reads bank._call
import abc as a
import dataclasses


@dataclasses.dataclass
class Slot(a.ABC):
    _call: object = None


def transfer(bank, lock, src, dst, amount):
    a.ABCMeta.register(Slot, type(bank))
    match bank:
        case Slot(call):
            return call
