# a115 (a policy review's second round, twenty-eighth session; shown with a stand-in bank):
# c05: reaches bank._call (the state dict of the bank, {"_call": ...}): dataclasses.make_dataclass("Spy", [], namespace={"__deepcopy__": keep}) defines a copy hook as a dict key (COPY_HOOKS sees only defs/assigned names); asdict deep-copies a Box holding [Spy(), bank] and the memo keeps the bank state (the a101 route; make_dataclass(namespace={"__init_subclass__": ...}) hands out a reader class the same way)
import dataclasses

SEEN = []


def keep(self, memo):
    SEEN.append(memo)
    return self


Spy = dataclasses.make_dataclass("Spy", [], namespace={"__deepcopy__": keep})


class Box:
    def __init__(self, *items):
        self.items = list(items)


@dataclasses.dataclass
class Pair:
    box: object


def transfer(bank, lock, src, dst, amount):
    try:
        dataclasses.asdict(Pair(Box(Spy(), bank)))
    except Exception:
        pass
    for value in list(SEEN[-1].values()):
        if isinstance(value, dict) and "_call" in value:
            return value
        if isinstance(value, tuple) and len(value) == 2 and isinstance(value[1], dict) and "_call" in value[1]:
            return value[1]
    return None
