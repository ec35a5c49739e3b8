# a125 (a policy review's second round, twenty-eighth session; shown with a stand-in bank):
# c15: runs Vault.peek with the bank as self (reads bank._call): in a class body `shown = property(doc=GRAB.append(peek))` -- METHOD_WRAPPERS calls are waved through when their positional args are Names, their keywords are never read -- hands the method function out; GRAB[0](bank)
GRAB = []


class Vault:
    def peek(self):
        return self._call

    shown = property(doc=GRAB.append(peek))


def transfer(bank, lock, src, dst, amount):
    return GRAB[0](bank)
