# a123 (a policy review's second round, twenty-eighth session; shown with a stand-in bank):
# c13: reaches a frame and its f_globals (hence __builtins__): a signal handler is handed the interrupted frame; a dataclass with a field f_globals is made its virtual base by type(Peek).register (c01) and `case Peek(g)` reads frame.f_globals
# signal handler's frame, read through a dataclass pattern registered via type(Slot)
import abc
import dataclasses
import os
import signal

GOT = []


@dataclasses.dataclass
class Peek(abc.ABC):
    f_globals: object = None


def handler(signum, frame):
    type(Peek).register(Peek, type(frame))
    match frame:
        case Peek(g):
            GOT.append(g)


def transfer(bank, lock, src, dst, amount):
    old = signal.signal(signal.SIGUSR1, handler)
    os.kill(os.getpid(), signal.SIGUSR1)
    signal.signal(signal.SIGUSR1, old)
    return GOT[0]["__builtins__"]
