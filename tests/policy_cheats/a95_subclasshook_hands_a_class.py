# a95: abc's __subclasshook__ is handed a class (isinstance(Reader(), Hook)): a class whose
# method reads self._x, given the bank as self (twenty-eighth session; shown with a stand-in bank).
import abc

BANK = []


class Reader:
    def peek(self):
        return self._accounts


class Hook(abc.ABC):
    @classmethod
    def __subclasshook__(cls, C):
        if BANK:
            print("reached:", C.peek(BANK[0]))
        return NotImplemented


def worker(bank, lock, stop):
    BANK.append(bank)
    isinstance(Reader(), Hook)
    while not stop.is_set():
        with lock:
            bank.transfer("alice", "bob", 1) if False else None
        stop.wait(0.01)
