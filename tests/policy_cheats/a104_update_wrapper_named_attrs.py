# a104 (a policy review, twenty-eighth session; shown with a stand-in bank):
# reaches bank._call/_accounts (read and write) and a frame: functools.update_wrapper(dst, src, assigned=("_call", ...)) is getattr/setattr with names given as data; the frame comes out of an own dataclass with a field gi_frame through a positional class pattern
import dataclasses
import functools


class Grab:
    pass


@dataclasses.dataclass
class Frames:
    gi_frame: object = None


def transfer(bank, lock, src, dst, amount):
    grab = Grab()
    # update_wrapper does getattr(bank, name) / setattr(grab, name, ...) for each name given
    functools.update_wrapper(grab, bank, assigned=("_call", "_accounts"), updated=())
    gen = (x for x in [1])
    holder = Frames()
    functools.update_wrapper(holder, gen, assigned=("gi_frame",), updated=())
    match holder:
        case Frames(frame):     # a dataclass's positional pattern: holder.gi_frame
            pass
    return grab._call, grab._accounts, frame


def rewrite(bank, fake_call):
    grab = Grab()
    grab._call = fake_call
    functools.update_wrapper(bank, grab, assigned=("_call",), updated=())   # setattr(bank, "_call", ...)
