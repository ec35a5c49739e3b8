# a122 (a policy review's second round, twenty-eighth session; shown with a stand-in bank):
# c12: reaches builtins eval and gc (text run as code): a dataclass field name is written into the source dataclasses exec()s; `__annotations__ = {"__class__,eval(...))#": int}` in an own class body makes __eq__ evaluate eval("__import__(\"gc\")") when Made() == Made() is compared
import dataclasses


@dataclasses.dataclass(init=False, repr=False)
class Made:
    __annotations__ = {"__class__,eval('__import__(\"gc\")'))#": int}


def transfer(bank, lock, src, dst, amount):
    return (Made() == Made())[1]
