# a100 (a policy review, twenty-eighth session; shown with a stand-in bank):
# reaches bank._call/_accounts with the bank as self: an enum.Enum subclass (a stdlib metaclass and __new__, not seen as inherited) defines _missing_ as a plain method; Kind(bank) makes Enum.__new__ call cls._missing_(bank), so self is the bank
import enum

FOUND = []


class Kind(enum.Enum):
    PLAIN = 1

    def _missing_(self):
        # Enum.__new__ calls cls._missing_(value): a plain function, the value its self
        FOUND.append((self._call, self._accounts))


def transfer(bank, lock, src, dst, amount):
    try:
        Kind(bank)
    except ValueError:
        pass
    return FOUND[-1]
