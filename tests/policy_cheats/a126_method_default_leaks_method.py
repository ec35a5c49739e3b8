# a126 (a policy review's second round, twenty-eighth session; shown with a stand-in bank):
# c16: runs Vault.peek with the bank as self (reads bank._call): _methods_stay_in_their_class skips def/class statements of a class body whole, but a later method's default (also its decorator `@(GRAB.append(peek) or property)`, its annotations, a nested class's bases) runs in the class body: `def other(self, unused=GRAB.append(peek))` hands peek out; GRAB[0](bank)
GRAB = []


class Vault:
    def peek(self):
        return self._call

    def other(self, unused=GRAB.append(peek)):
        return unused


def transfer(bank, lock, src, dst, amount):
    return GRAB[0](bank)
