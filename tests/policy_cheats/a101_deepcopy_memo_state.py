# a101 (a policy review, twenty-eighth session; shown with a stand-in bank):
# reaches bank._call (the value of its private slot): dataclasses.asdict deep-copies an own Box holding [Spy(), bank]; Spy.__deepcopy__ keeps the memo, where deepcopy leaves the copy of the bank's state {"_call": ...} (read as dict keys, no attribute syntax)
import dataclasses

SEEN = []


class Spy:
    def __deepcopy__(self, memo):
        SEEN.append(memo)   # the deep copy's memo: it will hold the copies of what follows
        return self


class Box:
    def __init__(self, *items):
        self.items = list(items)


@dataclasses.dataclass
class Pair:
    box: object


def transfer(bank, lock, src, dst, amount):
    try:
        dataclasses.asdict(Pair(Box(Spy(), bank)))   # asdict deep-copies the Box
    except Exception:
        pass
    for value in list(SEEN[-1].values()):
        if isinstance(value, dict) and "_call" in value:
            return value
    return None
