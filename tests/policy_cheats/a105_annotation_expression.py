# a105 (a policy review, twenty-eighth session; shown with a stand-in bank):
# reaches bank._call/_accounts with the bank as the self of a class that reads self._x: a reader class is "kept" anywhere inside an annotation, but a parameter annotation is any expression run at def time (GRAB.append(Vault)); GRAB[0].peek(bank) is Vault.peek(bank)
GRAB = []


class Vault:
    def peek(self):
        return self._call, self._accounts


def keep(k: GRAB.append(Vault)):   # an annotation is any expression, run when the def runs
    pass


def transfer(bank, lock, src, dst, amount):
    return GRAB[0].peek(bank)
