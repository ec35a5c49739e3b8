# a135 (a policy review's fourth round, twenty-eighth session; shown with stand-ins for the bank, the runner and, for a140, the grader):
# e01: reaches bank._call (the value of the grader's object's private slot): an own class's __getattr__ (no hook of the policy's lists) answers copy.deepcopy's instance probe getattr(x, "__deepcopy__") with a plain callable; dataclasses.asdict deep-copies a Box holding [Spy(), bank], so the callable is handed the memo, where the copy of the bank's state {"_call": ...} then lands
import dataclasses

SEEN = []


class Spy:
    def __getattr__(self, name):
        # any attribute Spy lacks: deepcopy's getattr(x, "__deepcopy__", None) gets this
        return self.keep

    def keep(self, memo):
        SEEN.append(memo)
        return self


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
            return value["_call"]
    return None
