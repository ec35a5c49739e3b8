# a96 (a policy review, twenty-eighth session; shown with a stand-in bank):
# reaches bank._call, builtins.eval and a frame: `from sys import *` binds sys.modules as the bare name `modules` (star imports are never read), then modules["operator"].attrgetter("_call") and modules["builtins"]
import functools  # (loads operator, as the child's allowed modules do)
from sys import *


def transfer(bank, lock, src, dst, amount):
    op = modules["operator"]
    private = op.attrgetter("_call")(bank)
    accounts = op.attrgetter("_accounts")(bank)
    ev = op.attrgetter("eval")(modules["builtins"])
    frame = op.attrgetter("_getframe")(modules["sys"])()
    gcmod = modules["gc"] if "gc" in modules else ev("__import__('gc')")
    return private, accounts, ev, frame, gcmod
